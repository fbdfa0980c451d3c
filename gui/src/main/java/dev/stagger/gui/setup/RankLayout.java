package dev.stagger.gui.setup;

import dev.stagger.engine.distributed.Decomposition;
import dev.stagger.engine.distributed.Topology;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.project.GridSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rank blocks of a grid in physical coordinates, as {@link Decomposition} cuts it (the first
 * blocks of a dimension take the remainder cells), for the grid canvas. No toolkit classes.
 *
 * @param ranksPerDim the topology drawn: the project's ranks, or for auto the layout of
 *     {@code autoRanks} processes as MPI_Dims_create would choose it
 * @param blocks one per rank, in rank order; empty when the layout cannot split the grid
 * @param problem why the layout cannot split the grid, or null
 */
public record RankLayout(int[] ranksPerDim, boolean auto, List<Block> blocks, String problem) {

    /** One rank's block: Cartesian coordinates, global cell offset and count, physical bounds. */
    public record Block(int rank, int[] coordinates, int[] offset, int[] cells, double[] low, double[] high) {}

    /** The layout of {@code grid}; {@code autoRanks} is how many processes to assume when ranks are auto. */
    public static RankLayout of(GridSpec grid, int autoRanks) {
        boolean auto = grid.ranks() == null;
        int[] dims;
        try {
            dims = auto ? Topology.createDims(Math.max(1, autoRanks), new int[grid.dims()]) : grid.ranks();
        } catch (IllegalArgumentException e) {
            return new RankLayout(new int[grid.dims()], auto, List.of(), e.getMessage());
        }
        Grid global;
        try {
            global = grid.toGrid();
        } catch (IllegalArgumentException e) {
            return new RankLayout(dims, auto, List.of(), e.getMessage());
        }
        String problem = Decomposition.problem(global, dims);
        if (problem != null) {
            return new RankLayout(dims, auto, List.of(), problem);
        }
        Decomposition decomposition = new Decomposition(global, new Topology(dims, grid.periodic()));
        List<Block> blocks = new ArrayList<>();
        double[] spacing = global.spacing();
        double[] origin = grid.origin();
        for (int r = 0; r < decomposition.topology().size(); r++) {
            int[] offset = decomposition.offset(r);
            int[] cells = decomposition.cells(r);
            double[] low = new double[offset.length];
            double[] high = new double[offset.length];
            for (int d = 0; d < offset.length; d++) {
                low[d] = origin[d] + offset[d] * spacing[d];
                high[d] = origin[d] + (offset[d] + cells[d]) * spacing[d];
            }
            blocks.add(new Block(r, decomposition.topology().coordinates(r), offset, cells, low, high));
        }
        return new RankLayout(dims, auto, List.copyOf(blocks), null);
    }

    /** "2 × 2 = 4 ranks (auto)", for labels. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        int product = 1;
        for (int d = 0; d < ranksPerDim.length; d++) {
            s.append(d == 0 ? "" : " × ").append(ranksPerDim[d]);
            product *= ranksPerDim[d];
        }
        s.append(" = ").append(product).append(product == 1 ? " rank" : " ranks");
        if (auto) {
            s.append(" (auto: shown for ").append(product).append(")");
        }
        return problem == null ? s.toString() : s + ": " + problem;
    }

    @Override
    public String toString() {
        return "RankLayout" + Arrays.toString(ranksPerDim) + " " + blocks.size() + " blocks";
    }
}
