package dev.stagger.engine.bc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stagger.engine.field.DoubleField;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import dev.stagger.engine.grid.Side;
import org.junit.jupiter.api.Test;

/** DESIGN section 4, references 2 and 3 (Chmy's boundary-condition tests). */
class BoundaryConditionTest {
    private static final Grid LINE = Grid.of(new double[] {-Math.PI}, new double[] {2 * Math.PI}, new int[] {8});

    private static Field interiorOnes(Grid grid, Location location) {
        Field f = new DoubleField("f", grid, Location.all(location, grid.dims()), 1);
        for (int k = 1; k <= f.count(2); k++) {
            for (int j = 1; j <= f.count(1); j++) {
                for (int i = 1; i <= f.count(0); i++) {
                    f.set(f.index(i, j, k), 1);
                }
            }
        }
        return f;
    }

    @Test
    void centerDirichletZeroMirrorsTheGhosts() {
        Field f = interiorOnes(LINE, Location.CENTER);
        new FieldBoundaries(f).setAll(BoundaryCondition.dirichlet(0)).applyAll();
        assertThat(f.at(0)).isEqualTo(-1);
        assertThat(f.at(9)).isEqualTo(-1);
    }

    @Test
    void centerDirichletTwo() {
        Field f = interiorOnes(LINE, Location.CENTER);
        new FieldBoundaries(f).setAll(BoundaryCondition.dirichlet(2)).applyAll();
        assertThat(f.at(0)).isEqualTo(3);
        assertThat(f.at(9)).isEqualTo(3);
    }

    @Test
    void centerNeumannTwo() {
        Field f = interiorOnes(LINE, Location.CENTER);
        new FieldBoundaries(f).setAll(BoundaryCondition.neumann(2)).applyAll();
        assertThat(f.at(0)).isCloseTo(-0.5707963267948966, within(1e-15));
        assertThat(f.at(9)).isCloseTo(2.5707963267948966, within(1e-15));
    }

    @Test
    void vertexDirichletSetsTheBoundaryNodes() {
        Field f = interiorOnes(LINE, Location.VERTEX);
        new FieldBoundaries(f).setAll(BoundaryCondition.dirichlet(2)).applyAll();
        assertThat(f.at(1)).isEqualTo(2);
        assertThat(f.at(9)).isEqualTo(2);
        for (int i = 2; i <= 8; i++) {
            assertThat(f.at(i)).isEqualTo(1);
        }
    }

    @Test
    void vertexNeumannSetsTheGhosts() {
        Field f = interiorOnes(LINE, Location.VERTEX);
        new FieldBoundaries(f).setAll(BoundaryCondition.neumann(2)).applyAll();
        double h = 2 * Math.PI / 8;
        assertThat(f.at(0)).isCloseTo(1 - 2 * h, within(1e-15));
        assertThat(f.at(10)).isCloseTo(1 + 2 * h, within(1e-15));
    }

    @Test
    void twoByTwoDirichletZeroCoversTheCornersWithXLast() {
        Grid grid = Grid.of(new double[] {0, 0}, new double[] {1, 1}, new int[] {2, 2});
        Field f = interiorOnes(grid, Location.CENTER);
        new FieldBoundaries(f).setAll(BoundaryCondition.dirichlet(0)).applyAll();
        double[][] expected = {{1, -1, -1, 1}, {-1, 1, 1, -1}, {-1, 1, 1, -1}, {1, -1, -1, 1}};
        for (int row = 0; row < 4; row++) {
            for (int col = 0; col < 4; col++) {
                assertThat(f.at(row, col)).as("(%d,%d)", row, col).isEqualTo(expected[row][col]);
            }
        }
    }

    @Test
    void expressionValuesFollowTheBoundaryCoordinate() {
        Grid grid = Grid.of(new double[] {0, 0}, new double[] {1, 1}, new int[] {4, 4});
        Field f = interiorOnes(grid, Location.CENTER);
        FieldBoundaries b = new FieldBoundaries(f);
        b.set(1, Side.LOW, new BoundaryCondition.Dirichlet(FaceValues.evaluate(f, 1, Side.LOW, (x, y, z) -> x + 10 * y)));
        b.applyAll();
        for (int i = 1; i <= 4; i++) {
            double x = grid.axis(0).center(i);
            // face value at y = 0 is x, so the ghost is 2x - 1
            assertThat(f.at(i, 0)).isCloseTo(2 * x - 1, within(1e-15));
        }
    }
}
