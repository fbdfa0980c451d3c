package dev.stagger.engine.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** DESIGN section 4, reference 1 (Chmy's grid tests). */
class GridTest {
    private final Grid grid = Grid.of(new double[] {-1, -2}, new double[] {2, 4}, new int[] {5, 20});

    @Test
    void countsSpacingAndBounds() {
        assertThat(grid.count(Location.all(Location.CENTER, 2))).containsExactly(5, 20);
        assertThat(grid.count(Location.all(Location.VERTEX, 2))).containsExactly(6, 21);
        assertThat(grid.spacing(0)).isCloseTo(0.4, within(1e-15));
        assertThat(grid.spacing(1)).isCloseTo(0.2, within(1e-15));
        assertThat(grid.axis(0).center(1)).isCloseTo(-0.8, within(1e-15));
        assertThat(grid.axis(0).center(5)).isCloseTo(0.8, within(1e-15));
        assertThat(grid.axis(1).center(1)).isCloseTo(-1.9, within(1e-15));
        assertThat(grid.axis(1).center(20)).isCloseTo(1.9, within(1e-15));
    }

    @Test
    void coordinateOfVertexCenterIndex() {
        int nx = grid.cells(0);
        assertThat(grid.coordinate(Location.VERTEX, 0, nx + 1)).isCloseTo(1.0, within(1e-15));
        assertThat(grid.coordinate(Location.CENTER, 1, 1)).isCloseTo(-1.9, within(1e-15));
    }

    @Test
    void ghostPointsFollowTheSameFormulas() {
        Axis axis = grid.axis(0);
        assertThat(axis.center(0)).isCloseTo(-1.2, within(1e-15));
        assertThat(axis.vertex(0)).isCloseTo(-1.4, within(1e-15));
        assertThat(axis.vertex(7)).isCloseTo(1.4, within(1e-15));
    }
}
