package dev.stagger.bench;

import dev.stagger.engine.live.Preview;
import dev.stagger.engine.render.Colormap;
import dev.stagger.engine.render.Range;
import dev.stagger.gui.monitor.frame.Frame;
import dev.stagger.gui.monitor.frame.FrameRenderer;
import java.util.Locale;

/**
 * The monitor's frame rendering (colour-mapping a preview into ARGB pixels, off the FX thread) on
 * 1024² and 4096² previews. Target: under 10 ms for 1024². The reference measured in the same run
 * is the floor any colour mapping has on this machine: one thread reading the preview's floats and
 * writing as many ints, with nothing in between. Usage: {@code bench/run render [rounds]}.
 */
public final class FrameRenderBench {
    private FrameRenderBench() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        System.out.println("frame rendering: best of " + rounds + " rounds, one thread (as in the workbench)");
        System.out.printf(Locale.ROOT, "%-10s %12s %12s %14s %12s%n", "preview", "render ms", "mean ms",
                "float->int ms", "ratio");
        double ratio1024 = Double.NaN;
        for (int side : new int[] {1024, 4096}) {
            Preview p = ramp(side);
            int[] sink = new int[side * side];
            double bestCopy = Double.MAX_VALUE;
            double best = Double.MAX_VALUE;
            double sum = 0;
            long check = 0;
            for (int r = 0; r < rounds + 5; r++) {
                long t0 = System.nanoTime();
                copyBits(p.values(), sink);
                double copyMs = (System.nanoTime() - t0) * 1e-6;
                t0 = System.nanoTime();
                Frame f = FrameRenderer.render(p, Colormap.values()[r % Colormap.values().length], Range.auto());
                double ms = (System.nanoTime() - t0) * 1e-6;
                check += f.argb()[r] + sink[r];
                if (r >= 5) { // the first rounds warm the JIT up
                    bestCopy = Math.min(bestCopy, copyMs);
                    best = Math.min(best, ms);
                    sum += ms;
                }
            }
            double ratio = best / bestCopy;
            if (side == 1024) {
                ratio1024 = ratio;
            }
            System.out.printf(Locale.ROOT, "%-10s %12.2f %12.2f %14.2f %12.2f%s%n", side + "^2", best, sum / rounds,
                    bestCopy, ratio, side == 1024 ? (best < 10 ? "   (target < 10 ms: met)" : "   (target < 10 ms: MISSED)")
                            : "");
            if (check == 42) {
                System.out.println(); // keeps the results alive
            }
        }
        System.out.printf(Locale.ROOT, "render time / float->int copy time, 1024^2: %.2f%n", ratio1024);
    }

    /** The floor: read every float once, write every int once. */
    private static void copyBits(float[] src, int[] dst) {
        for (int i = 0; i < src.length; i++) {
            dst[i] = Float.floatToRawIntBits(src[i]);
        }
    }

    /** A side by side raster on [0, 1]² whose value is {@code x + 10 y}, like a smooth field. */
    private static Preview ramp(int side) {
        float[] values = new float[side * side];
        double[] c = new double[side];
        for (int i = 0; i < side; i++) {
            c[i] = (i + 0.5) / side;
        }
        for (int j = 0; j < side; j++) {
            for (int i = 0; i < side; i++) {
                values[i + side * j] = (float) (c[i] + 10 * c[j]);
            }
        }
        return new Preview("C", 1, 0.01, side, side, values, c, c, values[0], values[values.length - 1], "x", "y", -1,
                0, Double.NaN);
    }
}
