package dev.stagger.engine.project;

import dev.stagger.engine.expr.CompiledExpression;
import dev.stagger.engine.grid.Axis;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import dev.stagger.engine.grid.Side;
import java.util.Arrays;

/**
 * The grid points where the engine evaluates an initial or a boundary value, as one list of
 * coordinates per dimension (their product is the set of points), so validation can evaluate the
 * expression where the run will and find where it is not a finite number.
 *
 * <p>Large grids are thinned to a budget: each dimension keeps evenly spaced points that always
 * include its first and last, so the domain's corners and points along every edge and face stay in
 * the set. A value that is not finite only between two kept points can then pass validation; the
 * run still stops on the first non-finite field.
 */
final class ValuePoints {
    /** The halo the engine's fields have (SolverContext): boundary values also fill it. */
    private static final int HALO = 1;

    private final double[][] coordinates;
    private final boolean[][] ghost;

    private ValuePoints(double[][] coordinates, boolean[][] ghost) {
        this.coordinates = coordinates;
        this.ghost = ghost;
    }

    /** Where an initial condition is used: the field's interior points (RankContext fills them). */
    static ValuePoints interior(Grid grid, Location[] location, long budget) {
        int dims = grid.dims();
        int[] lo = new int[dims];
        int[] hi = new int[dims];
        for (int d = 0; d < dims; d++) {
            lo[d] = 1;
            hi[d] = grid.axis(d).count(location[d]);
        }
        int[] kept = allot(lo, hi, budget);
        double[][] coordinates = new double[dims][];
        boolean[][] ghost = new boolean[dims][];
        for (int d = 0; d < dims; d++) {
            int[] indices = spread(lo[d], hi[d], kept[d]);
            coordinates[d] = coordinates(grid.axis(d), location[d], indices);
            ghost[d] = new boolean[indices.length];
        }
        return new ValuePoints(coordinates, ghost);
    }

    /**
     * Where a boundary value of side {@code side} of dimension {@code d} is used: on the boundary
     * coordinate of d, at the field's points of the other dimensions including their halo points,
     * as {@code FaceValues} evaluates it; the corners of the halo get these values too.
     */
    static ValuePoints face(Grid grid, Location[] location, int d, Side side, long budget) {
        int dims = grid.dims();
        int[] lo = new int[dims];
        int[] hi = new int[dims];
        for (int e = 0; e < dims; e++) {
            int count = grid.axis(e).count(location[e]);
            lo[e] = e == d ? 1 : 1 - HALO;
            hi[e] = e == d ? 1 : count + HALO;
        }
        int[] kept = allot(lo, hi, budget);
        double[][] coordinates = new double[dims][];
        boolean[][] ghost = new boolean[dims][];
        for (int e = 0; e < dims; e++) {
            Axis axis = grid.axis(e);
            if (e == d) {
                coordinates[e] = new double[] {side == Side.LOW ? axis.origin() : axis.end()};
                ghost[e] = new boolean[1];
                continue;
            }
            int[] indices = spread(lo[e], hi[e], kept[e]);
            coordinates[e] = coordinates(axis, location[e], indices);
            ghost[e] = new boolean[indices.length];
            int count = axis.count(location[e]);
            for (int i = 0; i < indices.length; i++) {
                ghost[e][i] = indices[i] < 1 || indices[i] > count;
            }
        }
        return new ValuePoints(coordinates, ghost);
    }

    /** A point where the value is not finite; {@code ghost} when it lies in the halo, outside the domain. */
    record NonFinite(double[] point, double value, boolean ghost) {}

    /**
     * The first point, in the order the engine fills a field (x fastest, then y, then z), where
     * {@code f} is NaN or infinite; null when it is finite at every point of this set. Points inside
     * the domain come first: a ghost point is named only when the value is finite everywhere else.
     */
    NonFinite firstNonFinite(CompiledExpression f) {
        return firstBeyond(f, Double.MAX_VALUE);
    }

    /**
     * The first point where {@code f} is not finite or beyond {@code limit} in magnitude (an f32 run
     * stores values past {@link Float#MAX_VALUE} as Infinity), or null.
     */
    NonFinite firstBeyond(CompiledExpression f, double limit) {
        NonFinite inside = scan(f, false, limit);
        return inside != null ? inside : scan(f, true, limit);
    }

    private NonFinite scan(CompiledExpression f, boolean ghosts, double limit) {
        int dims = coordinates.length;
        int nx = coordinates[0].length;
        int ny = dims > 1 ? coordinates[1].length : 1;
        int nz = dims > 2 ? coordinates[2].length : 1;
        for (int k = 0; k < nz; k++) {
            double z = dims > 2 ? coordinates[2][k] : 0;
            boolean ghostZ = dims > 2 && ghost[2][k];
            for (int j = 0; j < ny; j++) {
                double y = dims > 1 ? coordinates[1][j] : 0;
                boolean ghostYZ = ghostZ || (dims > 1 && ghost[1][j]);
                for (int i = 0; i < nx; i++) {
                    if ((ghostYZ || ghost[0][i]) != ghosts) {
                        continue;
                    }
                    double x = coordinates[0][i];
                    double v = f.value(x, y, z);
                    if (!(Math.abs(v) <= limit)) {
                        return new NonFinite(Arrays.copyOf(new double[] {x, y, z}, dims), v, ghosts);
                    }
                }
            }
        }
        return null;
    }

    /** How many points this set has. */
    long size() {
        long n = 1;
        for (double[] c : coordinates) {
            n *= c.length;
        }
        return n;
    }

    /**
     * How many indices each dimension keeps so that their product stays within {@code budget}:
     * all of them when the whole grid fits, else the shortest dimensions first take what they need
     * and the longer ones share the rest evenly (at least two each, the two ends).
     */
    static int[] allot(int[] lo, int[] hi, long budget) {
        int dims = lo.length;
        int[] kept = new int[dims];
        Integer[] order = new Integer[dims];
        for (int d = 0; d < dims; d++) {
            order[d] = d;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(hi[a] - lo[a], hi[b] - lo[b]));
        double left = Math.max(1, budget);
        for (int n = 0; n < dims; n++) {
            int d = order[n];
            int count = hi[d] - lo[d] + 1;
            int share = (int) Math.min(Integer.MAX_VALUE, Math.floor(Math.pow(left, 1.0 / (dims - n)) + 1e-9));
            kept[d] = Math.max(Math.min(count, 2), Math.min(count, share));
            left = Math.max(1, left / kept[d]);
        }
        return kept;
    }

    /** {@code kept} indices spread evenly over lo..hi, both ends included. */
    static int[] spread(int lo, int hi, int kept) {
        int count = hi - lo + 1;
        int[] indices = new int[Math.min(count, kept)];
        if (indices.length == count) {
            for (int i = 0; i < count; i++) {
                indices[i] = lo + i;
            }
            return indices;
        }
        for (int i = 0; i < indices.length; i++) {
            indices[i] = lo + (int) Math.round((double) (count - 1) * i / (indices.length - 1));
        }
        return indices;
    }

    private static double[] coordinates(Axis axis, Location location, int[] indices) {
        double[] c = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            c[i] = axis.coordinate(location, indices[i]);
        }
        return c;
    }
}
