package dev.stagger.engine.project;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the {@code grid} section: the length of {@code origin} fixes the number of dimensions. */
final class GridParser {
    /** Marks "the number of dimensions is unknown", so checks that need it are skipped. */
    static final String DIMS = "grid.dims";

    private final NodeReader in;

    GridParser(NodeReader in) {
        this.in = in;
    }

    GridSpec parse(Node node, SourceMap.Position keyAt) {
        GridSpec placeholder = new GridSpec(new double[] {0}, new double[] {1}, new int[] {1});
        if (node == null) {
            in.broken().add(DIMS);
            return placeholder;
        }
        Map<String, Node> entries = in.mapping(node, "grid", ProjectSchema.GRID, List.of("origin", "extent", "cells"),
                keyAt);
        if (entries == null) {
            in.broken().add(DIMS);
            return placeholder;
        }
        int dims = dims(entries);
        if (dims == 0) {
            in.broken().add(DIMS);
            dims = 1;
        }
        double[] origin = new double[dims];
        double[] extent = new double[dims];
        int[] cells = new int[dims];
        boolean[] periodic = new boolean[dims];
        java.util.Arrays.fill(extent, 1);
        java.util.Arrays.fill(cells, dev.stagger.engine.distributed.Decomposition.MIN_BLOCK_CELLS);
        List<Node> items = entries.containsKey("origin") ? items(entries.get("origin"), "grid.origin", dims) : null;
        for (int d = 0; items != null && d < dims; d++) {
            Double v = in.number(items.get(d), "grid.origin[" + d + "]", "a number");
            origin[d] = v == null ? 0 : v;
        }
        items = entries.containsKey("extent") ? items(entries.get("extent"), "grid.extent", dims) : null;
        for (int d = 0; items != null && d < dims; d++) {
            Double v = in.positive(items.get(d), "grid.extent[" + d + "]");
            extent[d] = v == null ? 1 : v;
        }
        items = entries.containsKey("cells") ? items(entries.get("cells"), "grid.cells", dims) : null;
        for (int d = 0; items != null && d < dims; d++) {
            // a rank's block needs two cells per dimension (Decomposition), so a grid does too
            Integer v = in.wholeInt(items.get(d), "grid.cells[" + d + "]",
                    dev.stagger.engine.distributed.Decomposition.MIN_BLOCK_CELLS);
            cells[d] = v == null ? dev.stagger.engine.distributed.Decomposition.MIN_BLOCK_CELLS : v;
        }
        items = entries.containsKey("periodic") ? items(entries.get("periodic"), "grid.periodic", dims) : null;
        for (int d = 0; items != null && d < dims; d++) {
            Boolean v = in.bool(items.get(d), "grid.periodic[" + d + "]");
            periodic[d] = v != null && v;
        }
        int[] ranks = null;
        Node ranksNode = entries.get("ranks");
        if (ranksNode != null && !NodeReader.isWord(ranksNode, "auto")) {
            items = items(ranksNode, "grid.ranks", dims);
            if (items != null) {
                ranks = new int[dims];
                for (int d = 0; d < dims; d++) {
                    Integer v = in.wholeInt(items.get(d), "grid.ranks[" + d + "]", 1);
                    ranks[d] = v == null ? 1 : v;
                }
            }
        }
        return new GridSpec(origin, extent, cells, periodic, ranks);
    }

    /** Dimensions from origin (or, if that is unusable, cells); 0 when neither tells. */
    private int dims(Map<String, Node> entries) {
        for (String key : List.of("origin", "cells", "extent")) {
            Node node = entries.get(key);
            if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode s) {
                int n = s.getValue().size();
                if (n >= 1 && n <= 3) {
                    return n;
                }
                if (key.equals("origin")) {
                    in.problem(node, "grid.origin", "expected 1 to 3 numbers (one per dimension), got " + n);
                    return 0;
                }
            }
        }
        return 0;
    }

    /** The list's elements when it has one per dimension, else null with a problem. */
    private List<Node> items(Node node, String path, int dims) {
        String example = "[" + String.join(", ", java.util.Collections.nCopies(dims, "...")) + "]";
        List<Node> items = in.list(node, path, "a list of " + dims + " values like " + example);
        if (items == null || in.broken().contains(path)) {
            return null;
        }
        if (items.size() != dims && !in.broken().contains(DIMS)) {
            in.problem(node, path, "expected " + dims + " values (one per dimension, as many as grid.origin has), got "
                    + items.size());
            return null;
        }
        return items.size() == dims ? items : null;
    }
}
