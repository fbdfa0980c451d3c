package dev.stagger.engine.distributed.mpi;

import dev.stagger.engine.distributed.Communicator;
import dev.stagger.engine.distributed.Communicators;
import dev.stagger.engine.distributed.Decomposition;
import dev.stagger.engine.distributed.Gather;
import dev.stagger.engine.distributed.GatheredField;
import dev.stagger.engine.distributed.Topology;
import dev.stagger.engine.field.DoubleField;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import java.util.StringJoiner;

/**
 * Run under mpirun with 4 ranks by {@link MpiCollectivesIT}: DESIGN's gather reference case (2x2
 * ranks, local 2x3 blocks holding 100r + 1..6) and the reductions, printed by rank 0 for the test
 * to check.
 */
public final class MpiGatherCheck {
    private MpiGatherCheck() {}

    public static void main(String[] args) {
        try (Communicator comm = Communicators.open()) {
            Grid global = Grid.of(new double[] {0, 0}, new double[] {4, 6}, new int[] {4, 6});
            Decomposition decomposition = new Decomposition(global, new Topology(new int[] {2, 2}, new boolean[2]));
            Field local = new DoubleField("A", decomposition.block(comm.rank()), Location.all(Location.CENTER, 2), 1);
            int n = 1;
            for (int j = 1; j <= 3; j++) {
                for (int i = 1; i <= 2; i++) {
                    local.set(local.index(i, j), 100 * comm.rank() + n++);
                }
            }
            GatheredField g = Gather.toRoot(comm, decomposition, local, 0);
            double[] max = comm.allReduce(new double[] {comm.rank(), -comm.rank()}, Communicator.ReduceOp.MAX);
            double sum = comm.allReduce(comm.rank() + 1, Communicator.ReduceOp.SUM);
            double min = comm.allReduce(comm.rank() + 1, Communicator.ReduceOp.MIN);
            if (comm.rank() == 0) {
                StringBuilder out = new StringBuilder();
                out.append("ranks ").append(comm.size()).append('\n');
                for (int i = 1; i <= 4; i++) {
                    StringJoiner row = new StringJoiner(" ");
                    for (int j = 1; j <= 6; j++) {
                        row.add(Long.toString((long) g.at(i, j, 1)));
                    }
                    out.append("row ").append(row).append('\n');
                }
                out.append("max ").append((long) max[0]).append(' ').append((long) max[1]).append('\n');
                out.append("sum ").append((long) sum).append(" min ").append((long) min).append('\n');
                System.out.print(out);
                System.out.flush();
            }
        }
    }
}
