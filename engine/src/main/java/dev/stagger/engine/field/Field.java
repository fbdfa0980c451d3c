package dev.stagger.engine.field;

import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;

/**
 * A scalar field on a staggered grid, stored as one flat primitive array with a halo of width
 * {@code halo} around the interior, x varying fastest (Chmy's column-major order).
 *
 * <p>Indices are Chmy's, 1-based: interior Center points are 1..n, Vertex points 1..n+1, and with a
 * halo of 1 the ghosts are 0 and n+1 (Center) or n+2 (Vertex). Storage is always laid out as 3D:
 * a dimension the grid does not have has size 1, no halo, and index 1. Kernels therefore loop over
 * (i, j, k) uniformly in 1, 2 and 3 dimensions; {@link #offset()} and {@link #stride(int)} turn an
 * index into a flat position, computed once per row by the kernel, never per cell.
 */
public abstract sealed class Field permits DoubleField, FloatField {
    /** The most values one field stores: the longest array a JVM reliably allocates (as the JDK's own limit). */
    public static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private final String name;
    private final Grid grid;
    private final Location[] location;
    private final int halo;
    private final int[] count = new int[3];
    private final int[] size = new int[3];
    private final int sy;
    private final int sz;
    private final int offset;

    protected Field(String name, Grid grid, Location[] location, int halo) {
        if (location.length != grid.dims()) {
            throw new IllegalArgumentException("field " + name + ": " + location.length
                    + " locations for a " + grid.dims() + "D grid");
        }
        if (halo < 0) {
            throw new IllegalArgumentException("negative halo width " + halo);
        }
        this.name = name;
        this.grid = grid;
        this.location = location.clone();
        this.halo = halo;
        int off = 0;
        long stride = 1;
        for (int d = 0; d < 3; d++) {
            boolean active = d < grid.dims();
            count[d] = active ? grid.axis(d).count(location[d]) : 1;
            size[d] = active ? count[d] + 2 * halo : 1;
            // flat = sum over d of stride_d * (index_d - 1 + halo_d): index 1 is the first interior point
            off += (int) (stride * ((active ? halo : 0) - 1));
            stride *= size[d];
            // a count past Integer.MAX_VALUE wraps negative: that is "too large" as well
            if (size[d] < 1 || stride > MAX_LENGTH) {
                throw new IllegalArgumentException("field " + name + " is too large for one array ("
                        + (size[d] < 1 ? "more than " + Integer.MAX_VALUE : stride) + " values); use more ranks");
            }
        }
        this.sy = size[0];
        this.sz = size[0] * size[1];
        this.offset = off;
    }

    public String name() {
        return name;
    }

    public Grid grid() {
        return grid;
    }

    public int dims() {
        return grid.dims();
    }

    public Location location(int d) {
        return location[d];
    }

    public Location[] location() {
        return location.clone();
    }

    public int halo() {
        return halo;
    }

    /** Interior points along dimension d (1 for a dimension the grid lacks). */
    public int count(int d) {
        return count[d];
    }

    /** Stored points along dimension d, halo included (1 for a dimension the grid lacks). */
    public int size(int d) {
        return size[d];
    }

    /** Flat-array stride of dimension d: 1, size(0), size(0)·size(1). */
    public int stride(int d) {
        return d == 0 ? 1 : d == 1 ? sy : sz;
    }

    /** Flat position of index (0, 0, 0); add i + j·stride(1) + k·stride(2). */
    public int offset() {
        return offset;
    }

    /** Total stored values, halo included. */
    public int length() {
        return size[0] * size[1] * size[2];
    }

    /** Interior values: the product of {@link #count(int)}. */
    public long interiorLength() {
        return (long) count[0] * count[1] * count[2];
    }

    public int index(int i, int j, int k) {
        return offset + i + j * sy + k * sz;
    }

    public int index(int i, int j) {
        return index(i, j, 1);
    }

    public int index(int i) {
        return index(i, 1, 1);
    }

    /** Lowest valid index along d (1 - halo, or 1 for an absent dimension). */
    public int first(int d) {
        return d < grid.dims() ? 1 - halo : 1;
    }

    /** Highest valid index along d (count + halo, or 1 for an absent dimension). */
    public int last(int d) {
        return d < grid.dims() ? count[d] + halo : 1;
    }

    public abstract Precision precision();

    /** Value at a flat position; for set-up, tests and I/O, never for hot loops. */
    public abstract double get(int flat);

    public abstract void set(int flat, double value);

    public double at(int i, int j, int k) {
        return get(index(i, j, k));
    }

    public double at(int i, int j) {
        return get(index(i, j, 1));
    }

    public double at(int i) {
        return get(index(i, 1, 1));
    }

    public abstract void fill(double value);

    /** Copies every stored value (halo included) from a field of the same shape. */
    public abstract void copyFrom(Field other);

    /** The interior values, x fastest, as doubles: what outputs and gathers carry. */
    public double[] interiorValues() {
        double[] out = new double[Math.toIntExact(interiorLength())];
        int n = 0;
        for (int k = 1; k <= count[2]; k++) {
            for (int j = 1; j <= count[1]; j++) {
                int row = index(1, j, k);
                for (int i = 0; i < count[0]; i++) {
                    out[n++] = get(row + i);
                }
            }
        }
        return out;
    }

    /** Coordinate of index i along dimension d at this field's location there. */
    public double coordinate(int d, int i) {
        return grid.coordinate(location[d], d, i);
    }

    /**
     * Exchanges the stored values of two fields of the same shape and precision, as solvers do with
     * their old and new time level (a pointer swap, no copying). Names stay with the fields.
     */
    public abstract void swapValues(Field other);

    /** A new zero field of the same grid, location, halo and precision. */
    public abstract Field like(String newName);

    protected void requireSameShape(Field other) {
        if (other.length() != length() || other.sy != sy || other.sz != sz) {
            throw new IllegalArgumentException("fields " + name + " and " + other.name + " differ in shape");
        }
    }

    /** A zero field of the given precision. */
    public static Field create(String name, Grid grid, Location[] location, int halo, Precision precision) {
        return precision == Precision.F64
                ? new DoubleField(name, grid, location, halo)
                : new FloatField(name, grid, location, halo);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + " " + java.util.Arrays.toString(location)
                + " halo " + halo + "]";
    }
}
