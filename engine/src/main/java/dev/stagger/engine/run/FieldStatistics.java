package dev.stagger.engine.run;

import dev.stagger.engine.distributed.Decomposition;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.grid.Location;

/** Sum, count, min and max of the points a rank owns (shared Vertex points counted once). */
public final class FieldStatistics {
    private FieldStatistics() {}

    /** {sum, count, min, max} over the owned points of {@code field}. */
    /** Sum, count, min and max of the points this rank owns of a field (a shared vertex counts on the low rank's high side only). */
    public static double[] owned(Field field, Decomposition decomposition, int rank) {
        int[] n = ownedCounts(field.location(), field.dims(), decomposition, rank);
        return ownedFrom(field, n);
    }

    /** The owned points per dimension (1..n[d]) of a field with these locations on this rank. */
    public static int[] ownedCounts(dev.stagger.engine.grid.Location[] location, int dims, Decomposition decomposition,
            int rank) {
        int[] n = {1, 1, 1};
        int[] cells = decomposition.cells(rank);
        int[] coords = decomposition.topology().coordinates(rank);
        for (int d = 0; d < dims; d++) {
            boolean last = coords[d] == decomposition.topology().dims(d) - 1;
            n[d] = location[d] == Location.VERTEX && last ? cells[d] + 1 : cells[d];
        }
        return n;
    }

    private static double[] ownedFrom(Field field, int[] n) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 1; k <= n[2]; k++) {
            for (int j = 1; j <= n[1]; j++) {
                int row = field.index(1, j, k);
                for (int i = 0; i < n[0]; i++) {
                    double v = field.get(row + i);
                    sum += v;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return new double[] {sum, (double) n[0] * n[1] * n[2], min, max};
    }
}
