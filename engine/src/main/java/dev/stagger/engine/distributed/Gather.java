package dev.stagger.engine.distributed;

import dev.stagger.engine.field.Field;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;

/**
 * Assembles a distributed field on one rank. Every rank contributes the points it owns: its
 * interior, except a Vertex field's last vertex along a dimension where a neighbour's block follows
 * (that neighbour owns the shared vertex). Unlike Chmy's gather, the result has no duplicated
 * vertices and comes with its coordinates.
 */
public final class Gather {
    private Gather() {}

    /** The global field on {@code root}, null on the other ranks. */
    public static GatheredField toRoot(Communicator comm, Decomposition decomposition, Field local, int root) {
        int size = comm.size();
        int[] counts = new int[size];
        for (int r = 0; r < size; r++) {
            counts[r] = owned(decomposition, r, local.location(), 0) * owned(decomposition, r, local.location(), 1)
                    * owned(decomposition, r, local.location(), 2);
        }
        double[] mine = ownedValues(decomposition, comm.rank(), local);
        double[] all = comm.gather(mine, counts, root);
        if (comm.rank() != root) {
            return null;
        }
        Grid global = decomposition.global();
        int dims = global.dims();
        int[] count = {1, 1, 1};
        for (int d = 0; d < dims; d++) {
            count[d] = global.axis(d).count(local.location(d));
        }
        double[] values = new double[count[0] * count[1] * count[2]];
        int at = 0;
        for (int r = 0; r < size; r++) {
            int[] offset = padded(decomposition.offset(r), 0);
            int[] n = {owned(decomposition, r, local.location(), 0), owned(decomposition, r, local.location(), 1),
                owned(decomposition, r, local.location(), 2)};
            for (int k = 0; k < n[2]; k++) {
                for (int j = 0; j < n[1]; j++) {
                    int dst = offset[0] + count[0] * ((offset[1] + j) + count[1] * (offset[2] + k));
                    System.arraycopy(all, at, values, dst, n[0]);
                    at += n[0];
                }
            }
        }
        double[][] coordinates = new double[dims][];
        for (int d = 0; d < dims; d++) {
            coordinates[d] = new double[count[d]];
            for (int i = 1; i <= count[d]; i++) {
                coordinates[d][i - 1] = global.coordinate(local.location(d), d, i);
            }
        }
        return new GatheredField(local.name(), global, local.location(), count, values, coordinates);
    }

    private static int[] padded(int[] values, int fill) {
        int[] p = {fill, fill, fill};
        System.arraycopy(values, 0, p, 0, values.length);
        return p;
    }

    /** Points rank r owns along d. */
    private static int owned(Decomposition decomposition, int rank, Location[] location, int d) {
        if (d >= location.length) {
            return 1;
        }
        int cells = decomposition.cells(rank)[d];
        int coordinate = decomposition.topology().coordinates(rank)[d];
        boolean lastAlongD = coordinate == decomposition.topology().dims(d) - 1;
        return location[d] == Location.VERTEX && lastAlongD ? cells + 1 : cells;
    }

    private static double[] ownedValues(Decomposition decomposition, int rank, Field local) {
        Location[] loc = local.location();
        int nx = owned(decomposition, rank, loc, 0);
        int ny = owned(decomposition, rank, loc, 1);
        int nz = owned(decomposition, rank, loc, 2);
        double[] out = new double[nx * ny * nz];
        int n = 0;
        for (int k = 1; k <= nz; k++) {
            for (int j = 1; j <= ny; j++) {
                int row = local.index(1, j, k);
                for (int i = 0; i < nx; i++) {
                    out[n++] = local.get(row + i);
                }
            }
        }
        return out;
    }
}
