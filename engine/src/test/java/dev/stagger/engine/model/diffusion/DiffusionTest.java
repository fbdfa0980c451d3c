package dev.stagger.engine.model.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.bc.BoundarySetup;
import dev.stagger.engine.field.DoubleField;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.FloatField;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Side;
import dev.stagger.engine.launch.SerialExecutor;
import dev.stagger.engine.launch.WorkerPool;
import dev.stagger.engine.model.Solver;
import org.junit.jupiter.api.Test;

class DiffusionTest {

    /** Max error against the spreading Gaussian (t0/(t0+t))^(d/2)·exp(-r²/(4χ(t0+t))). */
    /**
     * The time step shrinks with Δ² at a fixed ratio (steps × 4 per halving of Δ), so the explicit
     * scheme's O(Δt) error scales like its O(Δ²) error and the total converges at second order.
     */
    private static double gaussianError(int dims, int cells, double chi, double t0, double endTime) {
        double[] origin = new double[dims];
        double[] extent = new double[dims];
        int[] n = new int[dims];
        java.util.Arrays.fill(origin, -8);
        java.util.Arrays.fill(extent, 16);
        java.util.Arrays.fill(n, cells);
        Grid grid = Grid.of(origin, extent, n);
        Solver solver = DiffusionFixture.solver(grid, Precision.F64, new SerialExecutor(), chi,
                (x, y, z) -> Math.exp(-(x * x + y * y + z * z) / (4 * chi * t0)),
                DiffusionFixture.uniform(grid, false, 0));
        double coarseDx = 16.0 / 16;
        int steps = (int) Math.ceil(endTime * chi * dims * 2.1 / (coarseDx * coarseDx)) * (cells / 16) * (cells / 16);
        double dt = endTime / steps;
        assertThat(dt).isLessThanOrEqualTo(DiffusionFixture.stableStep(grid, chi));
        for (int s = 0; s < steps; s++) {
            solver.step(dt);
        }
        Field c = solver.field("C");
        double t = t0 + endTime;
        double amplitude = Math.pow(t0 / t, dims / 2.0);
        double max = 0;
        for (int k = 1; k <= c.count(2); k++) {
            for (int j = 1; j <= c.count(1); j++) {
                for (int i = 1; i <= c.count(0); i++) {
                    double x = c.coordinate(0, i);
                    double y = dims > 1 ? c.coordinate(1, j) : 0;
                    double z = dims > 2 ? c.coordinate(2, k) : 0;
                    double exact = amplitude * Math.exp(-(x * x + y * y + z * z) / (4 * chi * t));
                    max = Math.max(max, Math.abs(c.at(i, j, k) - exact));
                }
            }
        }
        return max;
    }

    @Test
    void spreadingGaussianConvergesAtSecondOrderIn1D() {
        double coarse = gaussianError(1, 64, 1.0, 0.25, 0.25);
        double medium = gaussianError(1, 128, 1.0, 0.25, 0.25);
        double fine = gaussianError(1, 256, 1.0, 0.25, 0.25);
        assertThat(Math.log(coarse / medium) / Math.log(2)).isBetween(1.9, 2.1);
        assertThat(Math.log(medium / fine) / Math.log(2)).isBetween(1.9, 2.1);
        assertThat(fine).isLessThan(2e-4);
    }

    @Test
    void spreadingGaussianConvergesAtSecondOrderIn2D() {
        double coarse = gaussianError(2, 64, 0.5, 0.5, 0.5);
        double medium = gaussianError(2, 128, 0.5, 0.5, 0.5);
        double fine = gaussianError(2, 256, 0.5, 0.5, 0.5);
        assertThat(Math.log(coarse / medium) / Math.log(2)).isBetween(1.9, 2.1);
        assertThat(Math.log(medium / fine) / Math.log(2)).isBetween(1.9, 2.1);
    }

    @Test
    void spreadingGaussianIn3D() {
        double coarse = gaussianError(3, 32, 1.0, 0.5, 0.25);
        double fine = gaussianError(3, 64, 1.0, 0.5, 0.25);
        assertThat(Math.log(coarse / fine) / Math.log(2)).isBetween(1.8, 2.2);
    }

    private static double total(Field c) {
        double sum = 0;
        for (double v : c.interiorValues()) {
            sum += v;
        }
        return sum;
    }

    @Test
    void zeroFluxWallsConserveMassToRoundOff() {
        Grid grid = Grid.of(new double[] {-2, -2}, new double[] {4, 4}, new int[] {96, 80});
        Solver solver = DiffusionFixture.solver(grid, Precision.F64, new SerialExecutor(), 1.0,
                (x, y, z) -> Math.exp(-(x - 1) * (x - 1) - 3 * y * y) + 0.3 * Math.sin(5 * x * y),
                DiffusionFixture.uniform(grid, false, 0));
        double before = total(solver.field("C"));
        double dt = DiffusionFixture.stableStep(grid, 1.0);
        for (int s = 0; s < 500; s++) {
            solver.step(dt);
        }
        double after = total(solver.field("C"));
        assertThat(Math.abs(after - before) / Math.abs(before)).isLessThan(1e-13);
    }

    @Test
    void periodicSineDecaysAtItsAnalyticRate() {
        Grid grid = Grid.of(new double[] {0}, new double[] {1}, new int[] {200});
        Grid periodic = new Grid(new dev.stagger.engine.grid.Axis[] {grid.axis(0)}, new boolean[] {true});
        double k = 2 * Math.PI;
        Solver solver = DiffusionFixture.solver(periodic, Precision.F64, new SerialExecutor(), 0.1,
                (x, y, z) -> Math.sin(k * x), new BoundarySetup(1));
        double dt = DiffusionFixture.stableStep(periodic, 0.1);
        int steps = 400;
        for (int s = 0; s < steps; s++) {
            solver.step(dt);
        }
        Field c = solver.field("C");
        double decay = Math.exp(-0.1 * k * k * steps * dt);
        for (int i = 1; i <= 200; i++) {
            assertThat(c.at(i)).isCloseTo(decay * Math.sin(k * c.coordinate(0, i)),
                    org.assertj.core.api.Assertions.within(2e-4));
        }
    }

    private static Solver mixedBoundaries(Grid grid, Precision precision, dev.stagger.engine.launch.KernelExecutor ex) {
        BoundarySetup bc = new BoundarySetup(grid.dims());
        bc.set(0, Side.LOW, true, (x, y, z) -> Math.sin(3 * y) + z, false);
        bc.setConstant(0, Side.HIGH, false, 0.5);
        if (grid.dims() > 1 && !grid.periodic(1)) {
            bc.setConstant(1, Side.LOW, true, 1);
            bc.set(1, Side.HIGH, false, (x, y, z) -> x * x, false);
        }
        if (grid.dims() > 2) {
            bc.setConstant(2, Side.LOW, false, 0);
            bc.setConstant(2, Side.HIGH, true, -1);
        }
        return DiffusionFixture.solver(grid, precision, ex, 0.7, (x, y, z) -> Math.cos(x) * Math.exp(-y * y) + z, bc);
    }

    private static void assertBitForBitEqual(Grid grid, int steps) {
        Solver serial = mixedBoundaries(grid, Precision.F64, new SerialExecutor());
        Solver parallel;
        try (WorkerPool pool = new WorkerPool(3, "test-pool")) {
            parallel = mixedBoundaries(grid, Precision.F64, pool);
            double dt = DiffusionFixture.stableStep(grid, 0.7);
            for (int s = 0; s < steps; s++) {
                serial.step(dt);
                parallel.step(dt);
            }
        }
        assertThat(((DoubleField) serial.field("C")).data()).isEqualTo(((DoubleField) parallel.field("C")).data());
    }

    @Test
    void workerPoolIsBitForBitEqualToTheSerialPathIn2D() {
        Grid grid = Grid.of(new double[] {0, -1}, new double[] {2, 2}, new int[] {301, 257});
        Solver serial = mixedBoundaries(grid, Precision.F64, new SerialExecutor());
        assertThat(serial.field("C").length()).isGreaterThan((int) WorkerPool.MIN_PARALLEL_POINTS);
        assertBitForBitEqual(grid, 30);
    }

    @Test
    void workerPoolIsBitForBitEqualToTheSerialPathIn3DWithAPeriodicDimension() {
        Grid grid = new Grid(new dev.stagger.engine.grid.Axis[] {
            new dev.stagger.engine.grid.Axis(0, 1, 41), new dev.stagger.engine.grid.Axis(0, 2, 37),
            new dev.stagger.engine.grid.Axis(-1, 1, 29)}, new boolean[] {false, true, false});
        assertBitForBitEqual(grid, 12);
    }

    @Test
    void float32StaysCloseToFloat64() {
        Grid grid = Grid.of(new double[] {0, -1}, new double[] {2, 2}, new int[] {64, 64});
        Solver f64 = mixedBoundaries(grid, Precision.F64, new SerialExecutor());
        Solver f32 = mixedBoundaries(grid, Precision.F32, new SerialExecutor());
        assertThat(f32.field("C")).isInstanceOf(FloatField.class);
        double dt = DiffusionFixture.stableStep(grid, 0.7);
        for (int s = 0; s < 200; s++) {
            f64.step(dt);
            f32.step(dt);
        }
        double[] a = f64.field("C").interiorValues();
        double[] b = f32.field("C").interiorValues();
        double max = 0;
        for (int n = 0; n < a.length; n++) {
            max = Math.max(max, Math.abs(a[n] - b[n]));
        }
        assertThat(max).isLessThan(1e-5).isGreaterThan(0);
    }

    @Test
    void bytesPerStepFollowTheEffectiveConvention() {
        Grid grid = Grid.of(new double[] {0, 0}, new double[] {1, 1}, new int[] {10, 20});
        Solver s = mixedBoundaries(grid, Precision.F32, new SerialExecutor());
        assertThat(s.effectiveBytesPerStep()).isEqualTo(2L * 200 * 4);
    }
}
