package dev.stagger.engine.model.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.field.DoubleField;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.FloatField;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import dev.stagger.engine.launch.Box;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SIMD kernels against the scalar reference: bit-for-bit, rows of every remainder length. */
class DiffusionVectorKernelsTest {

    @Test
    void vectorModuleIsPresentInTests() {
        // the build passes --add-modules jdk.incubator.vector to the test JVM; without it this suite
        // would only compare the scalar kernels with themselves
        assertThat(VectorSupport.AVAILABLE).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"1, 37, F64", "1, 64, F32", "2, 29, F64", "2, 40, F32", "3, 19, F64", "3, 23, F32"})
    void simdEqualsScalar(int dims, int cells, Precision precision) {
        double[] origin = new double[dims];
        double[] extent = new double[dims];
        int[] n = new int[dims];
        for (int d = 0; d < dims; d++) {
            extent[d] = 1 + d;
            n[d] = cells + 3 * d;
        }
        Grid grid = Grid.of(origin, extent, n);
        Field c = Field.create("C", grid, Location.all(Location.CENTER, dims), 1, precision);
        Random random = new Random(42);
        for (int p = 0; p < c.length(); p++) {
            c.set(p, random.nextDouble());
        }
        Field scalar = c.like("s");
        Field simd = c.like("v");
        Box all = new Box(0, c.count(0) + 1, 0, c.count(1) + 1, 0, c.count(2) + 1);
        for (int i0 = 0; i0 < 9; i0++) {
            Box box = DiffusionKernels.interior(c, all.withRange(0, i0, c.count(0) + 1));
            DiffusionKernels.scalar(c, scalar, box, 0.11, 0.07, 0.05);
            DiffusionVectorKernels.step(c, simd, box, 0.11, 0.07, 0.05);
            if (precision == Precision.F64) {
                assertThat(((DoubleField) simd).data()).isEqualTo(((DoubleField) scalar).data());
            } else {
                assertThat(((FloatField) simd).data()).isEqualTo(((FloatField) scalar).data());
            }
        }
    }
}
