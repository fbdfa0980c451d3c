package dev.stagger.bench;

import dev.stagger.engine.field.DoubleField;
import dev.stagger.engine.launch.Box;
import dev.stagger.engine.launch.KernelExecutor;

/**
 * A STREAM-like copy {@code b = a} over the interior rows of two fields shaped like the benchmark's
 * own, split across the same executor the same way: the memory-bandwidth ceiling a stencil that
 * reads one array and writes another can reach on this machine, measured in the same run.
 */
final class CopyBandwidth {
    private CopyBandwidth() {}

    /** Best time of {@code repeats} copies, in seconds. */
    static double bestCopySeconds(DoubleField a, DoubleField b, KernelExecutor executor, Box interior, int repeats) {
        double[] src = a.data();
        double[] dst = b.data();
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            executor.run(interior, box -> {
                for (int k = box.k0(); k <= box.k1(); k++) {
                    for (int j = box.j0(); j <= box.j1(); j++) {
                        int p0 = a.index(box.i0(), j, k);
                        int p1 = p0 + box.i1() - box.i0();
                        for (int p = p0; p <= p1; p++) {
                            dst[p] = src[p];
                        }
                    }
                }
            });
            best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
        }
        return best;
    }
}
