package dev.stagger.engine.distributed;

import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;

/**
 * A field assembled on rank 0 from every rank's block: the true global field (a Vertex field has
 * n+1 points, shared vertices once), x fastest, with the coordinates of its points per dimension.
 */
public record GatheredField(String name, Grid grid, Location[] location, int[] count, double[] values,
        double[][] coordinates) {

    public double at(int i, int j, int k) {
        return values[(i - 1) + count[0] * ((j - 1) + count[1] * (k - 1))];
    }
}
