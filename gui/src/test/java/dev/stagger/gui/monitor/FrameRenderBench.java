package dev.stagger.gui.monitor;

import dev.stagger.engine.live.Preview;
import dev.stagger.engine.render.Colormap;
import dev.stagger.engine.render.Range;
import java.util.Locale;

/**
 * Times {@link FrameRenderer} on 1024² and 4096² previews (target: under 10 ms for 1024²). Not a
 * test; run it after {@code ./mvnw -o -pl gui -am test-compile} with
 * {@code java -cp gui/target/test-classes:gui/target/classes:engine/target/classes dev.stagger.gui.monitor.FrameRenderBench}.
 */
public final class FrameRenderBench {
    private FrameRenderBench() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        for (int side : new int[] {1024, 4096}) {
            Preview p = Previews.ramp("C", 1, side, side);
            long sink = 0;
            for (int w = 0; w < 10; w++) {
                sink += FrameRenderer.render(p, Colormap.VIRIDIS, Range.auto()).argb()[w];
            }
            double best = Double.MAX_VALUE;
            double sum = 0;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                Frame f = FrameRenderer.render(p, Colormap.values()[r % 4], Range.auto());
                double ms = (System.nanoTime() - t0) * 1e-6;
                sink += f.argb()[r];
                best = Math.min(best, ms);
                sum += ms;
            }
            System.out.printf(Locale.ROOT, "%d^2 preview: best %.2f ms, mean %.2f ms over %d rounds (%.0f M px/s)%n",
                    side, best, sum / rounds, rounds, side * (double) side / best / 1e3);
            if (sink == 42) {
                System.out.println();
            }
        }
    }
}
