package dev.stagger.remote.profile;

import dev.stagger.engine.project.Hints;
import dev.stagger.engine.project.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reading of a profile's node tree that records a problem, with its line and column,
 * instead of stopping, so one pass finds every mistake. Accessors return null for unusable values.
 */
final class ProfileNodes {
    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d[\\d_]*");

    private final String source;
    private final List<Problem> problems = new ArrayList<>();

    ProfileNodes(String source) {
        this.source = source;
    }

    List<Problem> problems() {
        return problems;
    }

    void problem(Mark at, String path, String message) {
        problems.add(new Problem(source, at.getLine() + 1, at.getColumn() + 1, path, message));
    }

    void problem(Node node, String path, String message) {
        problem(node.getStartMark(), path, message);
    }

    /** Records {@code problem} at {@code node} when there is one; true when there was none. */
    boolean check(Node node, String path, Optional<String> problem) {
        problem.ifPresent(message -> problem(node, path, message));
        return problem.isEmpty();
    }

    /**
     * The entries of a mapping by key. Keys that look like secrets, unknown keys and duplicates are
     * reported at the key and left out.
     */
    Map<String, NodeTuple> entries(Node node, String path, List<ProfileKey> allowed) {
        List<String> names = ProfileKey.names(allowed);
        if (!(node instanceof MappingNode mapping)) {
            problem(node, path, "expected a mapping of " + String.join(", ", names) + ", got " + describe(node));
            return Map.of();
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode keyScalar) || keyScalar.getTag().equals(Tag.NULL)) {
                problem(keyNode, path, "a key must be a plain name, got " + describe(keyNode));
                continue;
            }
            String key = keyScalar.getValue();
            String keyPath = path.isEmpty() ? key : path + "." + key;
            if (!names.contains(key)) {
                // never echo the value: it may be the very secret
                problem(keyNode, keyPath, ProfileRules.looksSecret(key) ? ProfileRules.SECRETS : unknown(key, names));
            } else if (entries.containsKey(key)) {
                problem(keyNode, keyPath, "duplicate key '" + key + "'; the first one is on line " + lines.get(key));
            } else {
                entries.put(key, tuple);
                lines.put(key, keyNode.getStartMark().getLine() + 1);
            }
        }
        return entries;
    }

    /** The text of a scalar, or null with "expected {expected}, got ..." for lists, mappings and nothing. */
    String text(Node node, String path, String expected) {
        if (node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)) {
            return scalar.getValue();
        }
        problem(node, path, "expected " + expected + ", got " + describe(node));
        return null;
    }

    /** A whole number in [min, max], or null with a problem. */
    Long whole(Node node, String path, long min, long max) {
        String expected = max == Integer.MAX_VALUE ? "a whole number >= " + min
                : "a whole number from " + min + " to " + max;
        String text = node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) ? s.getValue().strip() : null;
        if (text == null || !WHOLE.matcher(text).matches()) {
            problem(node, path, "expected " + expected + ", got " + describe(node));
            return null;
        }
        long value;
        try {
            value = Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException tooLong) {
            value = text.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (value < min || value > max) {
            problem(node, path, "expected " + expected + ", got " + text);
            return null;
        }
        return value;
    }

    /** The texts of a list of scalars, or null with a problem; bad items are reported one by one. */
    List<String> texts(Node node, String path, String expected) {
        if (!(node instanceof SequenceNode sequence)) {
            problem(node, path, "expected a list of " + expected + ", got " + describe(node));
            return null;
        }
        List<String> items = new ArrayList<>();
        List<Node> nodes = sequence.getValue();
        for (int i = 0; i < nodes.size(); i++) {
            String item = text(nodes.get(i), path + "[" + i + "]", expected);
            if (item == null) {
                return null;
            }
            items.add(item);
        }
        return items;
    }

    /** How a value reads in a message: numbers as written, strings quoted, structures named. */
    static String describe(Node node) {
        return dev.stagger.engine.yaml.YamlValues.describe(node);
    }

    static String unknown(String key, List<String> keys) {
        String close = closest(key, keys);
        return "unknown key '" + ProfileNames.printable(key) + "'" + (close == null ? "" : "; did you mean '" + close
                + "'?") + " (keys here: " + String.join(", ", keys) + ")";
    }

    /** The candidate within two edits (one for short words) of {@code given}, or null; {@code -} reads as {@code _}. */
    static String closest(String given, List<String> candidates) {
        return Hints.closest(given.replace('-', '_'), candidates);
    }
}
