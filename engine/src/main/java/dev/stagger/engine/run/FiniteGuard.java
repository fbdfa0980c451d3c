package dev.stagger.engine.run;

import dev.stagger.engine.distributed.Communicator;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.grid.Axis;
import dev.stagger.engine.grid.Dimension;
import dev.stagger.engine.grid.Location;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Notices, on every rank at the same step, that a field has stopped being numbers (NaN or
 * Infinity: a time step above the stable limit, values beyond the largest number), so that a
 * diverged run stops as failed instead of writing garbage and reporting success. A check is one
 * read of each field's interior ({@link NonFiniteScan}) and, on several ranks, one reduction of a
 * single number; only when something is found do two more reductions agree on where, so that
 * every rank tells the same story in global coordinates.
 */
final class FiniteGuard {
    /**
     * Steps between checks besides those before every output and checkpoint: often enough to stop
     * a diverged run early, rarely enough to cost well under 1% (a step reads and writes more).
     */
    static final int EVERY_STEPS = 50;
    private static final double NONE = Double.POSITIVE_INFINITY;
    private static final double NAN = 0;
    private static final double PLUS_INFINITY = 1;
    private static final double MINUS_INFINITY = 2;

    /** A non-finite value: which field, what it was, where (global, 1-based), and the field's global point counts. */
    record Found(String field, double kind, int[] index, double[] coordinates, int[] points, boolean cells) {

        String value() {
            return kind == NAN ? "NaN" : kind == PLUS_INFINITY ? "Infinity" : "-Infinity";
        }

        /** "x = 0.515625, y = -1.23438 (cell [65, 12] of [128, 128])" */
        String where() {
            StringBuilder s = new StringBuilder();
            for (int d = 0; d < coordinates.length; d++) {
                s.append(d == 0 ? "" : ", ").append(Dimension.name(d)).append(" = ")
                        .append(String.format(Locale.ROOT, "%.6g", coordinates[d]).replaceAll("\\.?0+(e|$)", "$1"));
            }
            return s.append(" (").append(cells ? "cell " : "point ").append(Arrays.toString(index)).append(" of ")
                    .append(Arrays.toString(points)).append(')').toString();
        }
    }

    private final Communicator comm;
    private long lastChecked = -1;

    FiniteGuard(Communicator comm) {
        this.comm = comm;
    }

    /** Whether {@code step} was checked already (outputs and interval checks may fall on one step). */
    boolean checked(long step) {
        return step == lastChecked;
    }

    /**
     * The first non-finite value of {@code fields} (the first field that has one; in it, the lowest
     * global position, x fastest), the same on every rank, or null when all are finite. Collective.
     */
    Found find(List<Field> fields, long step) {
        return find(fields, new boolean[fields.size()], step);
    }

    /**
     * As {@link #find(List, long)}, not reading the fields {@code surelyFinite} marks (a device
     * checked them where they live: the host copy need not be fetched to be scanned).
     */
    Found find(List<Field> fields, boolean[] surelyFinite, long step) {
        lastChecked = step;
        int badField = -1;
        int[] local = null;
        for (int f = 0; f < fields.size() && local == null; f++) {
            if (surelyFinite[f]) {
                continue;
            }
            local = NonFiniteScan.first(fields.get(f));
            badField = local == null ? -1 : f;
        }
        if (comm.size() == 1) {
            return local == null ? null : found(fields.get(badField), local);
        }
        double agreedField = comm.allReduce(badField < 0 ? NONE : badField, Communicator.ReduceOp.MIN);
        if (agreedField == NONE) {
            return null;
        }
        Field field = fields.get((int) agreedField);
        // fields before this rank's bad one were all finite here, so it holds none of an earlier field
        int[] mine = badField == (int) agreedField ? local : null;
        double position = mine == null ? NONE : globalPosition(field, mine);
        double lowest = comm.allReduce(position, Communicator.ReduceOp.MIN);
        // the rank(s) holding that position describe it (a shared vertex is the same on both); MIN keeps theirs
        double[] description = new double[1 + 2 * field.dims()];
        if (position == lowest) {
            Found f = found(field, mine);
            description[0] = f.kind();
            for (int d = 0; d < field.dims(); d++) {
                description[1 + d] = f.index()[d];
                description[1 + field.dims() + d] = f.coordinates()[d];
            }
        } else {
            Arrays.fill(description, NONE);
        }
        double[] agreed = comm.allReduce(description, Communicator.ReduceOp.MIN);
        int[] index = new int[field.dims()];
        double[] coordinates = new double[field.dims()];
        for (int d = 0; d < field.dims(); d++) {
            index[d] = (int) agreed[1 + d];
            coordinates[d] = agreed[1 + field.dims() + d];
        }
        return new Found(field.name(), agreed[0], index, coordinates, globalPoints(field), allCenters(field));
    }

    private static Found found(Field field, int[] local) {
        double value = field.at(local[0], local[1], local[2]);
        double kind = Double.isNaN(value) ? NAN : value > 0 ? PLUS_INFINITY : MINUS_INFINITY;
        int[] index = new int[field.dims()];
        double[] coordinates = new double[field.dims()];
        for (int d = 0; d < field.dims(); d++) {
            index[d] = field.grid().axis(d).offset() + local[d];
            // a block's axis computes coordinates from the global index: the same on every layout
            coordinates[d] = field.coordinate(d, local[d]);
        }
        return new Found(field.name(), kind, index, coordinates, globalPoints(field), allCenters(field));
    }

    /** The point's place in the global field, x fastest: ranks compare these to agree on the first. */
    private static double globalPosition(Field field, int[] local) {
        int[] points = globalPoints(field);
        double position = 0;
        for (int d = field.dims() - 1; d >= 0; d--) {
            position = position * points[d] + (field.grid().axis(d).offset() + local[d] - 1);
        }
        return position;
    }

    private static int[] globalPoints(Field field) {
        int[] points = new int[field.dims()];
        for (int d = 0; d < points.length; d++) {
            Axis axis = field.grid().axis(d);
            points[d] = field.location(d).count(axis.globalCells());
        }
        return points;
    }

    private static boolean allCenters(Field field) {
        for (Location l : field.location()) {
            if (l != Location.CENTER) {
                return false;
            }
        }
        return true;
    }
}
