package dev.stagger.engine.project;

import dev.stagger.engine.distributed.Decomposition;
import dev.stagger.engine.distributed.Topology;
import dev.stagger.engine.grid.Grid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Whether a grid fits the ranks that run it: every rank's block has enough cells, every field of a
 * block fits one Java array, and (where the machine is known) the block's fields fit the heap.
 * Validation asks for the layout a project fixes in {@code grid.ranks}; {@code run} asks again
 * once it knows how many ranks there are and on which Java, so that a grid too large for them is
 * refused with its position before anything is allocated, instead of failing half-way through
 * start-up as an "internal error" or an out-of-memory.
 */
public final class RankFit {
    /** The most values one array of a rank may hold: what a field accepts. */
    public static final int MAX_ARRAY_LENGTH = dev.stagger.engine.field.Field.MAX_LENGTH;
    /** Share of the arrays' room the fields may take: the rest is for outputs, previews and fragmentation. */
    static final double USABLE_HEAP = 0.9;
    /** Stored points beyond a block's cells per dimension: a halo on each side plus the extra vertex. */
    private static final int EXTRA_POINTS = 3;
    /** How many rank counts past the first estimate to try (each costs a factorisation). */
    private static final int SEARCH_LENGTH = 2_000;

    private final Grid grid;
    private final int[] given;

    /**
     * @param grid the whole domain
     * @param given ranks per dimension as the project fixes them, 0 (or null for all) where free
     */
    public RankFit(Grid grid, int[] given) {
        this.grid = grid;
        this.given = given == null ? new int[grid.dims()] : given.clone();
    }

    /**
     * Problems of a run on {@code rankCount} ranks (laid out as {@code RunPlan.ranksFor} does; one
     * rank ignores grid.ranks), each at the key it is about; none when it fits. {@code memory} null
     * leaves the heap unchecked.
     */
    public List<Problem> problems(int rankCount, RankMemory memory, SourceMap map) {
        int[] layout;
        if (rankCount == 1) {
            layout = new int[grid.dims()];
            Arrays.fill(layout, 1);
        } else {
            try {
                layout = Topology.createDims(rankCount, given);
            } catch (IllegalArgumentException e) {
                return List.of(problem(map, "grid.ranks", Arrays.toString(given).replace(" ", "") + " cannot hold "
                        + rankCount + " ranks; use grid.ranks: auto or start as many ranks as the layout has"));
            }
        }
        return problems(layout, memory, map);
    }

    /** Problems of the layout {@code layout} (ranks per dimension); see {@link #problems(int, RankMemory, SourceMap)}. */
    public List<Problem> problems(int[] layout, RankMemory memory, SourceMap map) {
        long rankCount = 1;
        for (int r : layout) {
            rankCount = saturatedMultiply(rankCount, r);
        }
        List<Problem> problems = new ArrayList<>();
        for (int d = 0; d < layout.length; d++) {
            String why = Decomposition.blockProblem(grid.cells(d), layout[d], d);
            if (why != null) {
                String path = given[d] > 0 ? "grid.ranks[" + d + "]" : "grid.cells[" + d + "]";
                problems.add(problem(map, path, "cannot split the grid over " + rankCount + " ranks: " + why));
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        long values = valuesPerArray(layout);
        boolean tooLong = values > MAX_ARRAY_LENGTH;
        double bytes = memory == null ? 0 : (double) values * memory.arraysPerRank() * memory.bytesPerValue();
        boolean tooBig = memory != null && bytes > USABLE_HEAP * memory.arrayRoom();
        if (!tooLong && !tooBig) {
            return problems;
        }
        String where = rankCount == 1 ? "on one rank" : "per rank on " + rankCount + " ranks";
        long enough = smallestRankCountThatFits(memory);
        String more = enough > 0 ? "run on " + enough + " or more ranks (--ranks, grid.ranks)"
                : "no rank count splits them finely enough; use fewer cells";
        String message;
        if (tooBig) {
            double heap = bytes / (USABLE_HEAP * memory.arrayShare());
            long machine = memory.machineTotal();
            // more ranks help only where each brings its own memory: on this machine they share it
            boolean machineTooSmall = machine > 0 && memory.javaOnMachine() < heap * memory.ranksHere();
            message = cellsText(grid.cells()) + " cells need about " + size(bytes) + " " + where
                    + "; this Java may use " + size(memory.heap())
                    + (memory.arrayShare() < 0.95 ? ", " + size(memory.arrayRoom()) + " of it for arrays this large"
                            : "")
                    + ": " + more;
            if (rankCount == 1 && !machineTooSmall && enough > 0) {
                message += " or give Java more memory (STAGGER_HEAP=" + (long) Math.ceil(heap / (1L << 30)) + "g)";
            }
            if (machineTooSmall && enough > 0) {
                message += "; this machine has " + size(machine) + " in all, so that takes a cluster";
            }
        } else {
            message = cellsText(grid.cells()) + " cells make arrays of " + values + " values " + where
                    + ", more than one Java array holds (" + MAX_ARRAY_LENGTH + "): " + more;
        }
        problems.add(problem(map, "grid.cells", message));
        return problems;
    }

    /**
     * Values in one full-size array of the largest block: cells plus halos and the extra vertex in
     * every dimension, multiplied without overflow (Long.MAX_VALUE standing for "more").
     */
    private long valuesPerArray(int[] layout) {
        long values = 1;
        for (int d = 0; d < layout.length; d++) {
            long largestBlock = (grid.cells(d) + (long) layout[d] - 1) / layout[d];
            values = saturatedMultiply(values, largestBlock + EXTRA_POINTS);
        }
        return values;
    }

    /**
     * The fewest ranks, laid out automatically, whose blocks fit both the array limit and the heap;
     * 0 when none of the next few thousand counts does. Starts from the count that the cells alone
     * (without halos) would need, so the search is short.
     */
    private long smallestRankCountThatFits(RankMemory memory) {
        double cells = 1;
        for (int n : grid.cells()) {
            cells *= n;
        }
        double lower = cells / MAX_ARRAY_LENGTH;
        if (memory != null) {
            lower = Math.max(lower, cells * memory.arraysPerRank() * memory.bytesPerValue()
                    / (USABLE_HEAP * memory.arrayRoom()));
        }
        long first = Math.max(2, (long) Math.ceil(lower));
        long last = Math.min(Integer.MAX_VALUE, first + SEARCH_LENGTH);
        int[] free = new int[grid.dims()];
        for (long r = first; r <= last; r++) {
            int[] layout = Topology.createDims((int) r, free);
            if (Decomposition.problem(grid, layout) != null) {
                continue;
            }
            long values = valuesPerArray(layout);
            boolean fits = values <= MAX_ARRAY_LENGTH && (memory == null
                    || (double) values * memory.arraysPerRank() * memory.bytesPerValue()
                            <= USABLE_HEAP * memory.arrayRoom());
            if (fits) {
                return r;
            }
        }
        return 0;
    }

    private static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long product = a * b;
        return high == 0 && product >= 0 ? product : Long.MAX_VALUE;
    }

    private static Problem problem(SourceMap map, String path, String message) {
        SourceMap.Position at = map.locate(path);
        return new Problem(at.source(), at.line(), at.column(), path, message);
    }

    /** "100000 x 100000": cell counts as users write them. */
    static String cellsText(int[] cells) {
        StringJoiner s = new StringJoiner(" x ");
        for (int n : cells) {
            s.add(Integer.toString(n));
        }
        return s.toString();
    }

    /** Bytes in decimal units, two significant digits at least: "160 GB", "1.5 GB", "800 MB". */
    static String size(double bytes) {
        String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB"};
        int u = 0;
        while (bytes >= 1000 && u < units.length - 1) {
            bytes /= 1000;
            u++;
        }
        return (bytes < 10 && u > 0 ? String.format(Locale.ROOT, "%.1f", bytes) : Long.toString(Math.round(bytes)))
                + " " + units[u];
    }
}
