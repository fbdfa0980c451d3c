package dev.stagger.engine.output;

import java.util.Arrays;

/**
 * One rank's block of a global grid: cells {@code cellLo[d] <= c < cellHi[d]} (0-based) per grid
 * dimension, and the file that holds it. In VTK's point-index extents the block spans points
 * {@code cellLo..cellHi}, so neighbouring pieces share their boundary points: both write the same
 * shared vertex, which is exactly what a Vertex field computes on both ranks.
 */
public record VtkPiece(int[] cellLo, int[] cellHi, String source) {

    public VtkPiece {
        cellLo = cellLo.clone();
        cellHi = cellHi.clone();
        if (cellLo.length != cellHi.length || cellLo.length < 1 || cellLo.length > 3) {
            throw new IllegalArgumentException("piece bounds need 1 to 3 dimensions of equal length, got "
                    + Arrays.toString(cellLo) + " and " + Arrays.toString(cellHi));
        }
        for (int d = 0; d < cellLo.length; d++) {
            if (cellLo[d] < 0 || cellHi[d] <= cellLo[d]) {
                throw new IllegalArgumentException("piece cell range " + Arrays.toString(cellLo) + ".."
                        + Arrays.toString(cellHi) + " is empty or negative in dimension " + d);
            }
        }
    }

    @Override
    public int[] cellLo() {
        return cellLo.clone();
    }

    @Override
    public int[] cellHi() {
        return cellHi.clone();
    }

    /** The VTK extent "x0 x1 y0 y1 z0 z1" in point indices, 0 0 for dimensions the grid lacks. */
    public int[] pointExtent() {
        return pointExtent(cellLo, cellHi);
    }

    static int[] pointExtent(int[] cellLo, int[] cellHi) {
        int[] extent = new int[6];
        for (int d = 0; d < cellLo.length; d++) {
            extent[2 * d] = cellLo[d];
            extent[2 * d + 1] = cellHi[d];
        }
        return extent;
    }

    /** Checks the piece lies within a grid of {@code cells} per dimension. */
    void requireWithin(int[] cells) {
        if (cells.length != cellLo.length) {
            throw new IllegalArgumentException("piece " + source + " has " + cellLo.length
                    + " dimensions, the grid " + cells.length);
        }
        for (int d = 0; d < cells.length; d++) {
            if (cellHi[d] > cells[d]) {
                throw new IllegalArgumentException("piece " + source + " ends at cell " + cellHi[d]
                        + " in dimension " + d + ", beyond the grid's " + cells[d] + " cells");
            }
        }
    }

    long cellCount() {
        long count = 1;
        for (int d = 0; d < cellLo.length; d++) {
            count *= cellHi[d] - cellLo[d];
        }
        return count;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VtkPiece p && Arrays.equals(cellLo, p.cellLo) && Arrays.equals(cellHi, p.cellHi)
                && source.equals(p.source);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(cellLo) + Arrays.hashCode(cellHi)) + source.hashCode();
    }

    @Override
    public String toString() {
        return "VtkPiece[" + Arrays.toString(cellLo) + ".." + Arrays.toString(cellHi) + " " + source + "]";
    }
}
