package dev.stagger.engine.project;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed access to a YAML node tree that records a {@link Problem} instead of failing, so that one
 * pass finds every mistake. Each accessor returns null when the value is unusable, and the path
 * is remembered as broken so validation does not pile follow-up errors on it.
 */
final class NodeReader {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d[\\d_]*(\\.[\\d_]*)?|\\.\\d[\\d_]*)([eE][-+]?\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d[\\d_]*");

    private final Origins origins;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> broken = new HashSet<>();
    private final SourceMap.Builder map;

    NodeReader(Origins origins) {
        this.origins = origins;
        this.map = new SourceMap.Builder(origins.source());
    }

    List<Problem> problems() {
        return problems;
    }

    Set<String> broken() {
        return broken;
    }

    SourceMap sourceMap() {
        return map.build();
    }

    void problem(SourceMap.Position at, String path, String message) {
        problems.add(new Problem(at.source(), at.line(), at.column(), path, message));
        broken.add(path);
    }

    /** A problem found in another file (a model file the project names), reported as it is. */
    void foreign(Problem problem) {
        problems.add(problem);
    }

    void problem(Node node, String path, String message) {
        problem(origins.position(node), path, message);
    }

    /** Records where the value at {@code path} is; called for every value that is read. */
    void value(String path, Node node) {
        map.value(path, origins.position(node));
        if (node instanceof ScalarNode scalar) {
            SourceMap.Position verbatim = origins.verbatimStart(scalar);
            if (verbatim != null) {
                map.verbatim(path, verbatim);
            }
        }
    }

    /**
     * The entries of a mapping, by key, with unknown keys ({@code allowed} null allows any),
     * duplicates and missing {@code required} keys reported. {@code missingAt} is where a
     * missing key is reported: the mapping's own key.
     */
    Map<String, Node> mapping(Node node, String path, List<String> allowed, List<String> required,
            SourceMap.Position missingAt) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, path, "expected a mapping of " + describeKeys(allowed) + ", got " + describe(node));
            return null;
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        Set<String> suggested = new HashSet<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode keyScalar)) {
                problem(keyNode, path, "a key must be a plain name, got " + describe(keyNode));
                continue;
            }
            String key = keyScalar.getValue();
            String childPath = path.isEmpty() ? key : path + "." + key;
            SourceMap.Position keyAt = origins.position(keyNode);
            if (allowed != null && !allowed.contains(key)) {
                problem(keyAt, childPath, ProjectSchema.unknown(key, allowed));
                suggested.add(Hints.closest(key, allowed));
                continue;
            }
            if (entries.containsKey(key)) {
                problem(keyAt, childPath, "duplicate key '" + key + "'; the first one is on line " + lines.get(key));
                continue;
            }
            map.key(childPath, keyAt);
            value(childPath, tuple.getValueNode());
            entries.put(key, tuple.getValueNode());
            lines.put(key, keyAt.line());
        }
        for (String key : required) {
            // a misspelt key already got "did you mean"; saying it is missing too would be noise
            if (!entries.containsKey(key) && !suggested.contains(key)) {
                String childPath = path.isEmpty() ? key : path + "." + key;
                problem(missingAt, childPath, "missing required key '" + key + "'");
            }
        }
        return entries;
    }

    /** The text of a scalar (number or string), or null with a problem for lists and mappings. */
    String text(Node node, String path, String expected) {
        if (node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)) {
            return scalar.getValue();
        }
        problem(node, path, "expected " + expected + ", got " + describe(node));
        return null;
    }

    /** A finite number, or null with the problem "expected {expected}, got ...". */
    Double number(Node node, String path, String expected) {
        String text = node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) ? s.getValue().trim() : null;
        if (text == null || !NUMBER.matcher(text).matches()) {
            problem(node, path, "expected " + expected + ", got " + describe(node));
            return null;
        }
        double value = Double.parseDouble(text.replace("_", ""));
        if (!Double.isFinite(value)) {
            problem(node, path, "expected " + expected + ", got " + text + " (too large)");
            return null;
        }
        return value;
    }

    /** A number > 0, or null with a problem. */
    Double positive(Node node, String path) {
        Double value = number(node, path, "a positive number");
        if (value != null && !(value > 0)) {
            problem(node, path, "expected a positive number, got " + scalarText(node));
            return null;
        }
        return value;
    }

    /** A whole number >= {@code min}, or null with a problem. */
    Long whole(Node node, String path, long min) {
        String expected = "a whole number >= " + min;
        String text = node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) ? s.getValue().trim() : null;
        if (text == null || !WHOLE.matcher(text).matches()) {
            problem(node, path, "expected " + expected + ", got " + describe(node));
            return null;
        }
        long value;
        try {
            value = Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException tooLong) {
            problem(node, path, "expected " + expected + ", got " + text + " (too large)");
            return null;
        }
        if (value < min) {
            problem(node, path, "expected " + expected + ", got " + text);
            return null;
        }
        return value;
    }

    /** A whole number in [min, Integer.MAX_VALUE], for counts stored as int. */
    Integer wholeInt(Node node, String path, int min) {
        Long value = whole(node, path, min);
        if (value != null && value > Integer.MAX_VALUE) {
            problem(node, path, "expected a whole number >= " + min + " and <= " + Integer.MAX_VALUE + ", got " + value);
            return null;
        }
        return value == null ? null : value.intValue();
    }

    Boolean bool(Node node, String path) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            String v = s.getValue().toLowerCase(java.util.Locale.ROOT);
            return v.equals("true") || v.equals("yes") || v.equals("on") || v.equals("y");
        }
        problem(node, path, "expected true or false, got " + describe(node));
        return null;
    }

    /** The elements of a list, positions recorded, or null with a problem. */
    List<Node> list(Node node, String path, String expected) {
        if (!(node instanceof SequenceNode sequence)) {
            problem(node, path, "expected " + expected + ", got " + describe(node));
            return null;
        }
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
            value(path + "[" + i + "]", items.get(i));
        }
        return items;
    }

    /** True when the scalar is the word {@code word} (e.g. "auto"). */
    static boolean isWord(Node node, String word) {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.STR) && s.getValue().equals(word);
    }

    private static String scalarText(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : describe(node);
    }

    /** How a value reads in a message: numbers as written, strings quoted, structures named. */
    static String describe(Node node) {
        return dev.stagger.engine.yaml.YamlValues.describe(node);
    }

    private static String describeKeys(List<String> allowed) {
        return allowed == null ? "names to settings" : String.join(", ", allowed);
    }
}
