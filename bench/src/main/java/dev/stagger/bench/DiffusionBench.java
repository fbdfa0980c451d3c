package dev.stagger.bench;

import dev.stagger.engine.bc.BoundarySetup;
import dev.stagger.engine.distributed.CartesianExchange;
import dev.stagger.engine.field.DoubleField;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import dev.stagger.engine.grid.Side;
import dev.stagger.engine.launch.Box;
import dev.stagger.engine.launch.KernelExecutor;
import dev.stagger.engine.launch.Launcher;
import dev.stagger.engine.launch.SerialExecutor;
import dev.stagger.engine.launch.WorkerPool;
import dev.stagger.engine.model.Model;
import dev.stagger.engine.model.Models;
import dev.stagger.engine.model.Solver;
import dev.stagger.engine.run.RankContext;
import java.util.Locale;
import java.util.Map;

/**
 * 2D diffusion on float64 fields larger than the caches: the model language's diffusion (the
 * catalogue's {@code diffusion-eq-2d}, compiled to JVM code at load time; projects name it
 * {@code diffusion}). T_eff (ParallelStencil's convention, C read once and written once per step:
 * 2·8·n² bytes) against this machine's copy bandwidth, measured in the same run on the same threads,
 * steps and copies interleaved so both see the same machine state. Prints a table; the last line is
 * the headline ratio. (It replaced a hand-written kernel after matching it in this benchmark:
 * throughput ratio 1.002, the same bits; that kernel is kept in the engine's tests as a serial
 * reference.)
 *
 * <p>Arguments: {@code [cells per side] [threads, default all cores] [steps, default 30]}. The default
 * size is the smallest power of two from 4096 up whose two fields hold at least three times the
 * last-level cache, so that neither measurement runs from cache (some servers have 256 MB of L3).
 */
public final class DiffusionBench {
    private static final String CHI = "chi";

    private DiffusionBench() {}

    static int sizeBeyondCaches() {
        long cache = LastLevelCache.bytes();
        int n = 4096;
        while (2.0 * Double.BYTES * n * (double) n < 3.0 * cache) {
            n *= 2;
        }
        return n;
    }

    private static Solver solver(Model model, Grid grid, KernelExecutor executor) {
        BoundarySetup walls = new BoundarySetup(2);
        for (int d = 0; d < 2; d++) {
            for (Side side : Side.values()) {
                walls.setConstant(d, side, false, 0);
            }
        }
        RankContext context = new RankContext(grid, Precision.F64, Map.of(CHI, 1.0),
                new Launcher(executor), CartesianExchange.singleRank(grid),
                Map.of("C", (x, y, z) -> Math.exp(-x * x - y * y)), Map.of("C", walls));
        return model.createSolver(context);
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : sizeBeyondCaches();
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Grid grid = Grid.of(new double[] {-2, -2}, new double[] {4, 4}, new int[] {n, n});
        try (KernelExecutor executor = threads > 1 ? new WorkerPool(threads, "bench") : new SerialExecutor()) {
            Model model = Models.find("diffusion").orElseThrow();
            Solver solver = solver(model, grid, executor);
            double dt = model.stableTimeStep(grid, Map.of(CHI, 1.0));

            Location[] centers = Location.all(Location.CENTER, 2);
            DoubleField a = new DoubleField("a", grid, centers, 1);
            DoubleField b = new DoubleField("b", grid, centers, 1);
            a.fill(1.0);
            Box interior = new Box(1, n, 1, n, 1, 1);

            // warm up both, so the JIT has compiled the loops before anything is timed
            for (int w = 0; w < 5; w++) {
                solver.step(dt);
            }
            CopyBandwidth.bestCopySeconds(a, b, executor, interior, 5);

            double bestStep = Double.POSITIVE_INFINITY;
            double totalStep = 0;
            double bestCopy = Double.POSITIVE_INFINITY;
            for (int s = 0; s < steps; s++) {
                double seconds = time(solver, dt);
                bestStep = Math.min(bestStep, seconds);
                totalStep += seconds;
                // interleave copies with steps so both see the same machine state
                bestCopy = Math.min(bestCopy, CopyBandwidth.bestCopySeconds(a, b, executor, interior, 1));
            }
            Field c = solver.field("C");
            double bytes = 2.0 * n * (double) n * Double.BYTES;
            double teff = bytes / bestStep / 1e9;
            double copy = bytes / bestCopy / 1e9;
            System.out.printf(Locale.ROOT, "2D diffusion (model language), %d x %d cells, float64, %d thread(s), %d timed"
                    + " steps%n", n, n, threads, steps);
            System.out.printf(Locale.ROOT, "%-40s %10s%n", "measure", "value");
            System.out.printf(Locale.ROOT, "%-40s %10.3f%n", "best step time [ms]", bestStep * 1e3);
            System.out.printf(Locale.ROOT, "%-40s %10.3f%n", "mean step time [ms]", totalStep / steps * 1e3);
            System.out.printf(Locale.ROOT, "%-40s %10.3f%n", "cell updates per second [G]", n * (double) n / bestStep / 1e9);
            System.out.printf(Locale.ROOT, "%-40s %10.2f%n", "T_eff (2 arrays x 8 B per cell) [GB/s]", teff);
            System.out.printf(Locale.ROOT, "%-40s %10.2f%n", "copy bandwidth, same threads [GB/s]", copy);
            System.out.printf(Locale.ROOT, "%-40s %10s%n", "last-level cache [MiB]", LastLevelCache.bytes() >> 20);
            System.out.printf(Locale.ROOT, "%-40s %10s%n", "SIMD kernels", simd() ? "yes" : "no");
            System.out.printf(Locale.ROOT, "%-40s %10.6f%n", "checksum C(center)", c.at(n / 2, n / 2));
            System.out.printf(Locale.ROOT, "T_eff / copy bandwidth = %.3f%n", teff / copy);
        }
    }

    private static double time(Solver solver, double dt) {
        long t0 = System.nanoTime();
        solver.step(dt);
        return (System.nanoTime() - t0) * 1e-9;
    }

    private static boolean simd() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && !Boolean.getBoolean("stagger.scalar");
    }
}
