package dev.stagger.engine.project;

import dev.stagger.engine.grid.Axis;
import dev.stagger.engine.grid.Dimension;
import dev.stagger.engine.grid.Location;

/**
 * Limits of a grid that hold however many ranks run it. Each one is a way a run used to end in an
 * "internal error" after validation had passed: a cell count whose indices overflow Java's 32-bit
 * ints, a total that overflows a long, a far end or halo point that overflows to infinity, a
 * spacing that underflows, neighbouring points whose coordinates round to the same number. Limits
 * that depend on the number of ranks (block sizes, array lengths, memory) are {@link RankFit}'s.
 * Runs only on values that passed the range checks (finite origin, positive finite extent, at
 * least {@code MIN_BLOCK_CELLS} cells per dimension).
 */
final class GridLimits {
    /**
     * Cells per dimension: global indices (ghosts at n+1 and n+2, offsets of blocks) are ints, so
     * keep well clear of 2^31. A round number, because users read it.
     */
    static final int MAX_CELLS_PER_DIMENSION = 2_000_000_000;

    private final ProjectValidator v;
    private final GridSpec grid;

    private GridLimits(ProjectValidator v, GridSpec grid) {
        this.v = v;
        this.grid = grid;
    }

    /** Reports every limit {@code grid} breaks; true when it breaks none. */
    static boolean check(ProjectValidator v, GridSpec grid) {
        GridLimits limits = new GridLimits(v, grid);
        boolean ok = true;
        for (int d = 0; d < grid.dims(); d++) {
            ok &= limits.axis(d);
        }
        return ok && limits.total();
    }

    private boolean axis(int d) {
        String x = Dimension.name(d);
        int cells = grid.cells()[d];
        double origin = grid.origin()[d];
        double extent = grid.extent()[d];
        if (cells > MAX_CELLS_PER_DIMENSION) {
            report("grid.cells[" + d + "]", "expected at most " + MAX_CELLS_PER_DIMENSION + " cells along " + x
                    + " (indices are 32-bit and need room for halos), got " + cells);
            return false;
        }
        String extentPath = "grid.extent[" + d + "]";
        if (!Double.isFinite(origin + extent)) {
            report(extentPath, "grid.origin[" + d + "] + grid.extent[" + d + "] = " + number(origin) + " + "
                    + number(extent) + " is beyond the largest number (" + number(Double.MAX_VALUE)
                    + "); the grid must end at a finite coordinate");
            return false;
        }
        double spacing = extent / cells;
        if (!(spacing >= Double.MIN_NORMAL)) {
            report(extentPath, number(extent) + " over " + cells + " cells gives a spacing of " + number(spacing)
                    + ", below the smallest full-precision number (" + number(Double.MIN_NORMAL)
                    + "); use a larger extent or fewer cells");
            return false;
        }
        Axis axis = new Axis(origin, extent, cells);
        // the outermost points a field stores: the ghost vertices one cell beyond each end
        double low = axis.vertex(0);
        double high = axis.vertex(cells + 2);
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            report(extentPath, "the halo points one cell beyond the ends of " + x + " (a cell is " + number(spacing)
                    + ") are beyond the largest number (" + number(Double.MAX_VALUE)
                    + "); keep the grid at least a cell away from it");
            return false;
        }
        if (!distinctNeighbours(axis, cells)) {
            double largest = Math.max(Math.abs(low), Math.abs(high));
            report("grid.origin[" + d + "]", "the points of " + x + " are " + number(spacing / 2)
                    + " apart (half a cell), finer than numbers as large as " + number(largest)
                    + " can tell apart (they are " + number(Math.ulp(largest))
                    + " apart there); move grid.origin closer to 0 or use larger cells");
            return false;
        }
        return true;
    }

    /**
     * Whether centers and vertices stay strictly ordered at both ends, ghosts included: the ends
     * are where coordinates are largest, so where rounding would first merge two points.
     */
    private static boolean distinctNeighbours(Axis axis, int cells) {
        return axis.center(0) < axis.vertex(1) && axis.vertex(1) < axis.center(1)
                && axis.center(cells) < axis.vertex(cells + 1) && axis.vertex(cells + 1) < axis.center(cells + 1)
                && axis.center(cells + 1) < axis.vertex(cells + 2);
    }

    /** The total cell count must fit a long: run summaries, throughput and outputs count in longs. */
    private boolean total() {
        try {
            long total = 1;
            for (int n : grid.cells()) {
                total = Math.multiplyExact(total, n);
            }
            return true;
        } catch (ArithmeticException overflow) {
            report("grid.cells", RankFit.cellsText(grid.cells()) + " cells are more than Stagger can count ("
                    + Long.MAX_VALUE + " in all); use fewer cells");
            return false;
        }
    }

    private void report(String path, String message) {
        v.report(v.map().locate(path), path, message);
    }

    private static String number(double value) {
        return ProjectValidator.number(value);
    }
}
