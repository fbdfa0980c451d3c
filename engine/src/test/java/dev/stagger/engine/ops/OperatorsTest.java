package dev.stagger.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stagger.engine.field.DoubleField;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.field.VectorField;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import org.junit.jupiter.api.Test;

/** DESIGN section 4, references 4, 5 and 8. */
class OperatorsTest {

    @Test
    void derivativesAndLerpOfXSquared() {
        Grid grid = Grid.of(new double[] {0}, new double[] {1}, new int[] {4});
        Field c = new DoubleField("C", grid, new Location[] {Location.CENTER}, 1);
        double[] values = {0.015625, 0.140625, 0.390625, 0.765625};
        for (int i = 1; i <= 4; i++) {
            assertThat(grid.axis(0).center(i) * grid.axis(0).center(i)).isEqualTo(values[i - 1]);
            c.set(c.index(i), values[i - 1]);
        }
        double[] dx = {0.5, 1.0, 1.5};
        double[] lerp = {0.078125, 0.265625, 0.578125};
        for (int i = 2; i <= 4; i++) {
            assertThat(Operators.derivative(c, 0, i, 1, 1)).isCloseTo(dx[i - 2], within(1e-14));
            assertThat(Operators.lerp(c, 0, i, 1, 1)).isEqualTo(lerp[i - 2]);
        }
        for (int i = 2; i <= 3; i++) {
            assertThat(Operators.secondDerivative(c, 0, i, 1, 1)).isCloseTo(2.0, within(1e-12));
            assertThat(Operators.laplacian(c, i, 1, 1)).isCloseTo(2.0, within(1e-12));
        }
    }

    @Test
    void centerToVertexInterpolation() {
        Grid grid = Grid.of(new double[] {0, 0}, new double[] {1, 1}, new int[] {2, 2});
        Field c = new DoubleField("c", grid, Location.all(Location.CENTER, 2), 1);
        c.set(c.index(1, 1), 1);
        c.set(c.index(2, 1), 2);
        c.set(c.index(1, 2), 3);
        c.set(c.index(2, 2), 4);
        assertThat(Operators.interpolate(c, Location.all(Location.VERTEX, 2), 2, 2, 1)).isEqualTo(2.5);
    }

    @Test
    void vertexToCenterInterpolation() {
        Grid grid = Grid.of(new double[] {0, 0}, new double[] {1, 1}, new int[] {2, 2});
        Field v = new DoubleField("v", grid, Location.all(Location.VERTEX, 2), 1);
        int n = 1;
        for (int j = 1; j <= 3; j++) {
            for (int i = 1; i <= 3; i++) {
                v.set(v.index(i, j), n++);
            }
        }
        Location[] centers = Location.all(Location.CENTER, 2);
        assertThat(Operators.interpolate(v, centers, 1, 1, 1)).isEqualTo(3);
        assertThat(Operators.interpolate(v, centers, 2, 1, 1)).isEqualTo(4);
        assertThat(Operators.interpolate(v, centers, 1, 2, 1)).isEqualTo(6);
        assertThat(Operators.interpolate(v, centers, 2, 2, 1)).isEqualTo(7);
    }

    @Test
    void vectorMagnitudeAtCenters() {
        Grid grid = Grid.of(new double[] {0, 0, 0}, new double[] {1, 1, 1}, new int[] {3, 3, 3});
        VectorField v = VectorField.create("V", grid, 1, Precision.F64);
        for (Field component : v.components()) {
            component.fill(2.0);
        }
        assertThat(v.component(0).location()).containsExactly(Location.VERTEX, Location.CENTER, Location.CENTER);
        assertThat(v.component(2).location()).containsExactly(Location.CENTER, Location.CENTER, Location.VERTEX);
        for (int i = 1; i <= 3; i++) {
            assertThat(Operators.magnitudeAtCenter(v, i, 2, 3)).isCloseTo(3.4641, within(5e-5));
        }
    }

    @Test
    void divergenceOfALinearFlux() {
        Grid grid = Grid.of(new double[] {0, 0}, new double[] {1, 2}, new int[] {4, 8});
        VectorField q = VectorField.create("q", grid, 1, Precision.F64);
        // q = (3x, -y): div q = 2 everywhere
        for (int d = 0; d < 2; d++) {
            Field f = q.component(d);
            for (int j = f.first(1); j <= f.last(1); j++) {
                for (int i = f.first(0); i <= f.last(0); i++) {
                    double x = f.coordinate(0, i);
                    double y = f.coordinate(1, j);
                    f.set(f.index(i, j), d == 0 ? 3 * x : -y);
                }
            }
        }
        assertThat(Operators.divergence(q, 2, 5, 1)).isCloseTo(2.0, within(1e-13));
    }
}
