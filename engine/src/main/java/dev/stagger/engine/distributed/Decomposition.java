package dev.stagger.engine.distributed;

import dev.stagger.engine.grid.Dimension;
import dev.stagger.engine.grid.Grid;
import java.util.Arrays;

/**
 * How a global grid is cut into one block per rank of a Cartesian topology. Cells that do not divide
 * evenly go one each to the first blocks of a dimension (as PETSc and MPI_Dist_graph do), so block
 * sizes differ by at most one and every cell belongs to exactly one block: no rank runs past the
 * domain's end.
 */
public final class Decomposition {
    private final Grid global;
    private final Topology topology;

    public Decomposition(Grid global, Topology topology) {
        if (global.dims() != topology.ndims()) {
            throw new IllegalArgumentException("a " + global.dims() + "D grid needs a " + global.dims()
                    + "D topology, got " + topology);
        }
        this.global = global;
        this.topology = topology;
        String problem = problem(global, topology.dims());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Why {@code ranksPerDim} cannot split {@code grid}, in words for the user, or null if it can.
     * Each block needs at least {@link #MIN_BLOCK_CELLS} cells per dimension so that its halo of
     * one is narrower than the block and the launcher can split it into inner region and slabs.
     */
    public static String problem(Grid grid, int[] ranksPerDim) {
        for (int d = 0; d < grid.dims(); d++) {
            String problem = blockProblem(grid.cells(d), ranksPerDim[d], d);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /**
     * Why {@code ranks} ranks along dimension d cannot split its {@code cells} cells, or null if they
     * can. One text for validation, the command line and this class, so they never disagree.
     */
    public static String blockProblem(int cells, int ranks, int d) {
        if (ranks < 1) {
            return "ranks along " + Dimension.name(d) + " must be at least 1, got " + ranks;
        }
        if (cells / ranks < MIN_BLOCK_CELLS) {
            int most = Math.max(1, cells / MIN_BLOCK_CELLS);
            return String.format("%d ranks along %s leave blocks of %d cell(s) of the %d there; each block needs "
                    + "at least %d: use at most %d rank%s along %s or more cells", ranks, Dimension.name(d),
                    cells / ranks, cells, MIN_BLOCK_CELLS, most, most == 1 ? "" : "s", Dimension.name(d));
        }
        return null;
    }

    /** Smallest block, in cells per dimension. */
    public static final int MIN_BLOCK_CELLS = 2;

    public Grid global() {
        return global;
    }

    public Topology topology() {
        return topology;
    }

    /** Cells of rank block number {@code coordinate} along d. */
    public int cells(int d, int coordinate) {
        int n = global.cells(d);
        int p = topology.dims(d);
        return n / p + (coordinate < n % p ? 1 : 0);
    }

    /** Global cell offset of block {@code coordinate} along d. */
    public int offset(int d, int coordinate) {
        int n = global.cells(d);
        int p = topology.dims(d);
        return coordinate * (n / p) + Math.min(coordinate, n % p);
    }

    public int[] offset(int rank) {
        int[] c = topology.coordinates(rank);
        int[] o = new int[c.length];
        for (int d = 0; d < c.length; d++) {
            o[d] = offset(d, c[d]);
        }
        return o;
    }

    public int[] cells(int rank) {
        int[] c = topology.coordinates(rank);
        int[] n = new int[c.length];
        for (int d = 0; d < c.length; d++) {
            n[d] = cells(d, c[d]);
        }
        return n;
    }

    /** The grid of one rank's block. */
    public Grid block(int rank) {
        return global.block(offset(rank), cells(rank));
    }

    @Override
    public String toString() {
        return "Decomposition[" + global + " over " + Arrays.toString(topology.dims()) + "]";
    }
}
