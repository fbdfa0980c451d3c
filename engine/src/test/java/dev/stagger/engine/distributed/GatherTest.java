package dev.stagger.engine.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.field.DoubleField;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatherTest {

    /** DESIGN section 4, reference 7: 2x2 ranks, local 2x3 blocks holding 100r + (1..6). */
    @Test
    void chmysGatherReferenceCase() throws Exception {
        Grid global = Grid.of(new double[] {0, 0}, new double[] {4, 6}, new int[] {4, 6});
        Decomposition decomposition = new Decomposition(global, new Topology(new int[] {2, 2}, new boolean[2]));
        List<GatheredField> results = DistributedTestSupport.onRanks(4, comm -> {
            Field local = new DoubleField("A", decomposition.block(comm.rank()), Location.all(Location.CENTER, 2), 1);
            int n = 1;
            for (int j = 1; j <= 3; j++) {
                for (int i = 1; i <= 2; i++) {
                    local.set(local.index(i, j), 100 * comm.rank() + n++);
                }
            }
            return Gather.toRoot(comm, decomposition, local, 0);
        });
        assertThat(results.get(1)).isNull();
        GatheredField g = results.get(0);
        double[][] expected = {
            {1, 3, 5, 101, 103, 105}, {2, 4, 6, 102, 104, 106},
            {201, 203, 205, 301, 303, 305}, {202, 204, 206, 302, 304, 306}};
        for (int i = 1; i <= 4; i++) {
            for (int j = 1; j <= 6; j++) {
                assertThat(g.at(i, j, 1)).as("(%d,%d)", i, j).isEqualTo(expected[i - 1][j - 1]);
            }
        }
        assertThat(g.coordinates()[1]).containsExactly(0.5, 1.5, 2.5, 3.5, 4.5, 5.5);
    }

    @Test
    void vertexFieldsComeBackWithoutDuplicatedSharedVertices() throws Exception {
        Grid global = Grid.of(new double[] {0, 0}, new double[] {1, 1}, new int[] {7, 5});
        Decomposition decomposition = new Decomposition(global, new Topology(new int[] {3, 2}, new boolean[2]));
        List<GatheredField> results = DistributedTestSupport.onRanks(6, comm -> {
            Field local = new DoubleField("V", decomposition.block(comm.rank()), Location.all(Location.VERTEX, 2), 1);
            for (int j = 1; j <= local.count(1); j++) {
                for (int i = 1; i <= local.count(0); i++) {
                    local.set(local.index(i, j), 1000 * local.coordinate(0, i) + local.coordinate(1, j));
                }
            }
            return Gather.toRoot(comm, decomposition, local, 0);
        });
        GatheredField g = results.get(0);
        assertThat(g.count()).containsExactly(8, 6, 1);
        for (int j = 1; j <= 6; j++) {
            for (int i = 1; i <= 8; i++) {
                assertThat(g.at(i, j, 1)).isEqualTo(1000 * g.coordinates()[0][i - 1] + g.coordinates()[1][j - 1]);
            }
        }
    }
}
