package dev.stagger.engine.grid;

/**
 * A uniform axis: {@code cells} cells of width {@code spacing}. Indices follow Chmy: 1-based, so
 * vertex {@code i} sits at {@code origin + (i-1)Δ} (1..n+1) and center {@code i} at
 * {@code origin + (i-½)Δ} (1..n); the same formulas give the ghost points outside (0, n+1, n+2).
 *
 * <p>An axis may be one rank's block of a larger one ({@link #block(int, int)}): it then keeps the
 * domain's origin and spacing and an index offset, and computes every coordinate from the global
 * index, so a block's points have bit-for-bit the coordinates of the same points on one rank.
 */
public final class Axis {
    private final double domainOrigin;
    private final double spacing;
    private final int cells;
    private final int offset;
    private final int globalCells;

    /** The axis of a whole domain: {@code cells} cells over {@code [origin, origin + extent]}. */
    public Axis(double origin, double extent, int cells) {
        this(origin, checkedSpacing(origin, extent, cells), cells, 0, cells);
    }

    private Axis(double domainOrigin, double spacing, int cells, int offset, int globalCells) {
        this.domainOrigin = domainOrigin;
        this.spacing = spacing;
        this.cells = cells;
        this.offset = offset;
        this.globalCells = globalCells;
    }

    private static double checkedSpacing(double origin, double extent, int cells) {
        if (!(extent > 0) || !Double.isFinite(extent)) {
            throw new IllegalArgumentException("axis extent must be a positive finite number, got " + extent);
        }
        if (!Double.isFinite(origin)) {
            throw new IllegalArgumentException("axis origin must be finite, got " + origin);
        }
        if (cells < 1) {
            throw new IllegalArgumentException("an axis needs at least one cell, got " + cells);
        }
        return extent / cells;
    }

    /** The part of this (whole-domain) axis from global cell {@code offset + 1} to {@code offset + cells}. */
    public Axis block(int blockOffset, int blockCells) {
        if (offset != 0 || cells != globalCells) {
            throw new IllegalStateException("blocks are cut from a whole-domain axis");
        }
        if (blockOffset < 0 || blockCells < 1 || blockOffset + blockCells > globalCells) {
            throw new IllegalArgumentException("block of " + blockCells + " cells at offset " + blockOffset
                    + " does not fit " + globalCells + " cells");
        }
        return new Axis(domainOrigin, spacing, blockCells, blockOffset, globalCells);
    }

    public double spacing() {
        return spacing;
    }

    public int cells() {
        return cells;
    }

    /** Global index of this axis' index 0: local index i is global index {@code offset + i}. */
    public int offset() {
        return offset;
    }

    public int globalCells() {
        return globalCells;
    }

    /** Whether this axis starts at the domain's low end, and ends at its high end. */
    public boolean atDomainLow() {
        return offset == 0;
    }

    public boolean atDomainHigh() {
        return offset + cells == globalCells;
    }

    /** Where this axis starts: its first vertex. */
    public double origin() {
        return vertex(1);
    }

    public double extent() {
        return cells * spacing;
    }

    /** Where this axis ends: its last vertex. */
    public double end() {
        return vertex(cells + 1);
    }

    public double vertex(int i) {
        return domainOrigin + (offset + i - 1) * spacing;
    }

    public double center(int i) {
        return domainOrigin + (offset + i - 0.5) * spacing;
    }

    public double coordinate(Location location, int i) {
        return location == Location.CENTER ? center(i) : vertex(i);
    }

    public int count(Location location) {
        return location.count(cells);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Axis a && Double.compare(a.domainOrigin, domainOrigin) == 0
                && Double.compare(a.spacing, spacing) == 0 && a.cells == cells && a.offset == offset
                && a.globalCells == globalCells;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(domainOrigin, spacing, cells, offset, globalCells);
    }

    @Override
    public String toString() {
        return "Axis[" + cells + " cells on [" + origin() + ", " + end() + "]"
                + (cells != globalCells ? ", offset " + offset + " of " + globalCells : "") + "]";
    }
}
