package dev.stagger.engine.grid;

import java.util.Arrays;

/**
 * A uniform staggered grid in 1, 2 or 3 dimensions: one {@link Axis} per dimension (x first) and
 * which dimensions are periodic. Periodicity is a property of the grid, not of a field's boundary
 * conditions: periodic sides are filled by the halo exchange, also on a single rank.
 */
public final class Grid {
    private final Axis[] axes;
    private final boolean[] periodic;

    public Grid(Axis[] axes, boolean[] periodic) {
        if (axes.length < 1 || axes.length > 3) {
            throw new IllegalArgumentException("a grid has 1 to 3 dimensions, got " + axes.length);
        }
        if (periodic.length != axes.length) {
            throw new IllegalArgumentException("periodic flags: expected " + axes.length + ", got " + periodic.length);
        }
        this.axes = axes.clone();
        this.periodic = periodic.clone();
    }

    public Grid(Axis... axes) {
        this(axes, new boolean[axes.length]);
    }

    /** A grid from per-dimension origin, extent and cell counts (all of the same length). */
    public static Grid of(double[] origin, double[] extent, int[] cells) {
        return of(origin, extent, cells, new boolean[cells.length]);
    }

    public static Grid of(double[] origin, double[] extent, int[] cells, boolean[] periodic) {
        if (origin.length != cells.length || extent.length != cells.length) {
            throw new IllegalArgumentException("origin, extent and cells must have the same length");
        }
        Axis[] axes = new Axis[cells.length];
        for (int d = 0; d < cells.length; d++) {
            axes[d] = new Axis(origin[d], extent[d], cells[d]);
        }
        return new Grid(axes, periodic);
    }

    /**
     * One rank's block of this whole-domain grid: cells {@code offset[d]+1 .. offset[d]+cells[d]} in
     * each dimension, with the same spacing, coordinates and periodic flags.
     */
    public Grid block(int[] offset, int[] cells) {
        Axis[] parts = new Axis[axes.length];
        for (int d = 0; d < axes.length; d++) {
            parts[d] = axes[d].block(offset[d], cells[d]);
        }
        return new Grid(parts, periodic);
    }

    /** Whether this grid covers its whole domain (it is not one rank's block). */
    public boolean isWholeDomain() {
        for (Axis axis : axes) {
            if (axis.cells() != axis.globalCells()) {
                return false;
            }
        }
        return true;
    }

    public int dims() {
        return axes.length;
    }

    public Axis axis(int d) {
        return axes[d];
    }

    public int cells(int d) {
        return axes[d].cells();
    }

    public int[] cells() {
        int[] n = new int[axes.length];
        for (int d = 0; d < n.length; d++) {
            n[d] = axes[d].cells();
        }
        return n;
    }

    public long totalCells() {
        long total = 1;
        for (Axis axis : axes) {
            // validation keeps totals within a long; should one slip through, fail rather than go negative
            total = Math.multiplyExact(total, axis.cells());
        }
        return total;
    }

    public double spacing(int d) {
        return axes[d].spacing();
    }

    public double[] spacing() {
        double[] h = new double[axes.length];
        for (int d = 0; d < h.length; d++) {
            h[d] = axes[d].spacing();
        }
        return h;
    }

    public double minSpacing() {
        double min = Double.POSITIVE_INFINITY;
        for (Axis axis : axes) {
            min = Math.min(min, axis.spacing());
        }
        return min;
    }

    public boolean periodic(int d) {
        return periodic[d];
    }

    public boolean[] periodic() {
        return periodic.clone();
    }

    /** Interior point counts of a field at {@code location}. */
    public int[] count(Location[] location) {
        int[] n = new int[axes.length];
        for (int d = 0; d < n.length; d++) {
            n[d] = axes[d].count(location[d]);
        }
        return n;
    }

    public double coordinate(Location location, int d, int i) {
        return axes[d].coordinate(location, i);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Grid[");
        for (int d = 0; d < axes.length; d++) {
            if (d > 0) {
                s.append(", ");
            }
            Axis a = axes[d];
            s.append(Dimension.name(d)).append(": ").append(a.cells()).append(" cells on [")
                    .append(a.origin()).append(", ").append(a.end()).append(']');
            if (periodic[d]) {
                s.append(" periodic");
            }
        }
        return s.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Grid g && Arrays.equals(axes, g.axes) && Arrays.equals(periodic, g.periodic);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(axes) + Arrays.hashCode(periodic);
    }
}
