package dev.stagger.engine.model.lang.run;

import dev.stagger.engine.distributed.HaloExchange;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.launch.Box;
import dev.stagger.engine.launch.Launcher;
import java.util.Arrays;

/**
 * The index ranges of a model's launches on one rank, the same for every backend: a kernel's or
 * reduction's points, the full launch space and the width of Chmy's inner/outer split.
 */
public final class ModelRanges {
    private final Grid grid;
    private final HaloExchange exchange;
    private final Box full;
    private final int[] outerWidth;

    public ModelRanges(Grid grid, HaloExchange exchange, int halo) {
        this.grid = grid;
        this.exchange = exchange;
        this.full = Launcher.fullRange(grid.cells());
        this.outerWidth = new int[grid.dims()];
        // the outer width of the launch split: every layer a halo exchange sends (the halo's width of
        // them) and the ghost layer must lie in the boundary slabs, which are done before the
        // exchange of their dimension; the inner region is still being computed then
        Arrays.fill(outerWidth, halo + 1);
    }

    public int dims() {
        return grid.dims();
    }

    /** The full launch space 0..n+1. */
    public Box full() {
        return full;
    }

    public int[] outerWidth() {
        return outerWidth.clone();
    }

    /** Whether the grid is wide enough for the inner/outer split (else one launch, then the exchanges). */
    public boolean fitsOuterWidth() {
        for (int d = 0; d < grid.dims(); d++) {
            if (full.extent(d) < 2 * outerWidth[d]) {
                return false;
            }
        }
        return true;
    }

    /** The points a kernel or reduction covers: 0..n+1 ("all"), or the interior of a location. */
    public Box range(String range, String location) {
        if (range.equals("all")) {
            return full;
        }
        int[] lo = {1, 1, 1};
        int[] hi = {1, 1, 1};
        for (int d = 0; d < grid.dims(); d++) {
            hi[d] = grid.cells()[d] + (location.charAt(d) == 'V' ? 1 : 0);
        }
        return Box.of(lo, hi);
    }

    /**
     * The points a reduction covers on this rank: as {@link #range}, without a vertex this rank
     * shares with its high neighbour (that rank counts it), so sums do not depend on the layout.
     */
    public Box reductionRange(String range, String location) {
        Box box = range(range, location);
        if (range.equals("all")) {
            return box;
        }
        for (int d = 0; d < grid.dims(); d++) {
            if (location.charAt(d) == 'V' && !exchange.isDomainBoundary(d, 1)) {
                box = box.withRange(d, box.lo(d), box.hi(d) - 1);
            }
        }
        return box;
    }
}
