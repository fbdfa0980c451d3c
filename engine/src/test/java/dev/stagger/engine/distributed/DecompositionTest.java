package dev.stagger.engine.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import org.junit.jupiter.api.Test;

class DecompositionTest {
    private static final Grid GRID = Grid.of(new double[] {-1, 0}, new double[] {3, 2}, new int[] {10, 7});

    @Test
    void remaindersGoToTheFirstBlocksAndEveryCellBelongsToOne() {
        Decomposition d = new Decomposition(GRID, new Topology(new int[] {3, 2}, new boolean[2]));
        assertThat(d.cells(0, 0)).isEqualTo(4);
        assertThat(d.cells(0, 1)).isEqualTo(3);
        assertThat(d.cells(0, 2)).isEqualTo(3);
        assertThat(d.offset(0, 2)).isEqualTo(7);
        assertThat(d.cells(1, 0)).isEqualTo(4);
        assertThat(d.cells(1, 1)).isEqualTo(3);
        assertThat(d.offset(5)).containsExactly(7, 4);
        assertThat(d.cells(5)).containsExactly(3, 3);
    }

    @Test
    void blockCoordinatesAreBitForBitThoseOfTheWholeGrid() {
        Decomposition d = new Decomposition(GRID, new Topology(new int[] {3, 2}, new boolean[2]));
        Grid block = d.block(5);
        for (int i = 0; i <= 4; i++) {
            assertThat(block.coordinate(Location.CENTER, 0, i)).isEqualTo(GRID.coordinate(Location.CENTER, 0, 7 + i));
            assertThat(block.coordinate(Location.VERTEX, 1, i)).isEqualTo(GRID.coordinate(Location.VERTEX, 1, 4 + i));
        }
        assertThat(block.axis(0).atDomainHigh()).isTrue();
        assertThat(block.axis(0).atDomainLow()).isFalse();
        assertThat(block.axis(0).end()).isEqualTo(GRID.axis(0).end());
    }

    @Test
    void tooManyRanksForTheCellsAreRefusedWithAReason() {
        assertThat(Decomposition.problem(GRID, new int[] {6, 1})).contains("6 ranks along x")
                .contains("at least 2");
        assertThatThrownBy(() -> new Decomposition(GRID, new Topology(new int[] {1, 4}, new boolean[2])))
                .hasMessageContaining("4 ranks along y leave blocks of 1 cell(s) of the 7 there");
    }
}
