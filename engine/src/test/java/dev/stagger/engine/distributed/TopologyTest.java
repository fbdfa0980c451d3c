package dev.stagger.engine.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopologyTest {

    @Test
    void dimsCreateFillsEvenlyNonIncreasing() {
        assertThat(Topology.createDims(4, new int[2])).containsExactly(2, 2);
        assertThat(Topology.createDims(6, new int[2])).containsExactly(3, 2);
        assertThat(Topology.createDims(8, new int[3])).containsExactly(2, 2, 2);
        assertThat(Topology.createDims(12, new int[3])).containsExactly(3, 2, 2);
        assertThat(Topology.createDims(12, new int[2])).containsExactly(4, 3);
        assertThat(Topology.createDims(7, new int[2])).containsExactly(7, 1);
        assertThat(Topology.createDims(4, new int[] {1, 0})).containsExactly(1, 4);
    }

    @Test
    void rowMajorRanksAndNeighbours() {
        Topology t = new Topology(new int[] {2, 3}, new boolean[] {false, true});
        assertThat(t.coordinates(4)).containsExactly(1, 1);
        assertThat(t.rank(new int[] {1, 2})).isEqualTo(5);
        assertThat(t.neighbour(0, 0, -1)).isEqualTo(-1);
        assertThat(t.neighbour(0, 0, 1)).isEqualTo(3);
        assertThat(t.neighbour(0, 1, -1)).isEqualTo(2);
        assertThat(t.neighbour(2, 1, 1)).isEqualTo(0);
    }
}
