package dev.stagger.engine.yaml;

import dev.stagger.engine.project.Problem;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Changes values of a YAML file's text in place, so everything else (comments, blank lines, key
 * order, quoting) stays as the user wrote it. The one code path for every file Stagger edits for
 * the user: cluster profiles, project files (the workbench's save, {@code stagger edit}).
 *
 * <p>The text is composed into nodes, whose marks say where each value starts and ends; an edit
 * splices that range. A value is addressed by its key path ({@code ["grid", "cells"]}). Missing
 * keys are added after the closest key that comes before them in the documented order
 * ({@link KeyOrder}), else after the last entry of their mapping; missing mappings on the way are
 * added with them. Removed keys take their whole lines with them, and a mapping emptied by a
 * removal goes too.
 *
 * <p>Files using anchors and aliases are refused: a value there may be written elsewhere.
 */
public final class InPlaceEditor {
    /** Documented key order: the keys of the mapping at {@code mappingPath}, in the order files list them. */
    @FunctionalInterface
    public interface KeyOrder {
        List<String> keysOf(List<String> mappingPath);

        /** No documented order: new keys go after the last entry. */
        KeyOrder NONE = path -> List.of();
    }

    /**
     * A value to write: one scalar or a list of items, each already YAML text that reads back as
     * meant both on one line ({@code [a, b]}) and one per line ({@code - a}); see {@link YamlScalars}.
     */
    public record Value(String scalar, List<String> items, boolean blockPreferred) {
        public static Value scalar(String yaml) {
            return new Value(Objects.requireNonNull(yaml, "yaml"), null, false);
        }

        /** A list; {@code blockPreferred}: one item per line where the file has no layout of its own for it. */
        public static Value list(List<String> items, boolean blockPreferred) {
            return new Value(null, List.copyOf(items), blockPreferred);
        }

        boolean isList() {
            return items != null;
        }

        /** The value on one line: the scalar, or the list as {@code [a, b]}. */
        String inline() {
            return isList() ? "[" + String.join(", ", items) + "]" : scalar;
        }

        /** True when the list goes one item per line (never for an empty list: {@code []}). */
        boolean block() {
            return isList() && blockPreferred && !items.isEmpty();
        }
    }

    /** Why a file cannot be changed in place, at the line and column of the value concerned. */
    public static final class EditException extends Exception {
        private final Problem problem;

        EditException(Problem problem) {
            super(problem.toString(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** Files Stagger edits are small; a larger one is a mistake (or an alias bomb). */
    private static final int MAX_CHARS = 1 << 20;

    private final String source;
    private final KeyOrder order;
    private final String handEdit;
    private String text;
    private final String newline;

    /**
     * An editor of {@code text}; {@code source} names the file in problems, {@code handEdit} says
     * how to change a file this editor cannot (e.g. "edit the file in a text editor").
     */
    public InPlaceEditor(String text, String source, KeyOrder order, String handEdit) {
        this.text = Objects.requireNonNull(text, "text");
        this.source = source;
        this.order = order == null ? KeyOrder.NONE : order;
        this.handEdit = handEdit;
        this.newline = text.contains("\r\n") ? "\r\n" : "\n";
    }

    /** The text with the changes made so far. */
    public String text() {
        return text;
    }

    /** Sets the value at {@code path}, adding it (and the mappings on the way) when it is missing. */
    public InPlaceEditor set(List<String> path, Value value) throws EditException {
        checkPath(path);
        MappingNode root = root();
        if (root == null) {
            String lead = text.isEmpty() || text.endsWith("\n") ? "" : newline;
            text = text + lead + nested(path, value, "") + newline;
            return this;
        }
        setUnder(root, path, 0, value);
        return this;
    }

    /** Removes the key at {@code path} with its lines; nothing happens where it is not set. */
    public InPlaceEditor unset(List<String> path) throws EditException {
        checkPath(path);
        MappingNode root = root();
        if (root == null) {
            return this;
        }
        List<MappingNode> mappings = new ArrayList<>();
        List<NodeTuple> tuples = new ArrayList<>();
        MappingNode at = root;
        for (int i = 0; i < path.size(); i++) {
            NodeTuple tuple = find(at, path.get(i));
            if (tuple == null) {
                return this;
            }
            mappings.add(at);
            tuples.add(tuple);
            if (i + 1 < path.size()) {
                if (!(tuple.getValueNode() instanceof MappingNode m)) {
                    return this;
                }
                at = m;
            }
        }
        // an emptied mapping goes too, rather than stay as "slurm:" with nothing (never the root)
        int i = path.size() - 1;
        while (i > 0 && mappings.get(i).getValue().size() == 1) {
            i--;
        }
        remove(mappings.get(i), tuples.get(i));
        return this;
    }

    /**
     * Renames the key at {@code path} to {@code newKey} where it stands, so its value, comment and
     * place stay ({@code steps: 100  # or end_time} becomes {@code end_time: 100  # or end_time});
     * false when there is no such key.
     */
    public boolean renameKey(List<String> path, String newKey) throws EditException {
        NodeTuple tuple = locate(path);
        if (tuple == null) {
            return false;
        }
        Node key = tuple.getKeyNode();
        int from = key.getStartMark().getIndex();
        int to = key.getEndMark().getIndex();
        int valueEnd = contentEnd(tuple.getValueNode());
        boolean sameLine = text.substring(to, valueEnd).indexOf('\n') < 0;
        splice(from, to, newKey);
        if (sameLine) {
            // the comment after the value keeps its column
            spliceKeepingComment(valueEnd + newKey.length() - (to - from), valueEnd + newKey.length() - (to - from),
                    "", newKey.length() - (to - from));
        }
        return true;
    }

    /** True when the file has a key at {@code path}. */
    public boolean has(List<String> path) throws EditException {
        return locate(path) != null;
    }

    private NodeTuple locate(List<String> path) throws EditException {
        checkPath(path);
        MappingNode at = root();
        NodeTuple tuple = null;
        for (int i = 0; i < path.size(); i++) {
            if (at == null) {
                return null;
            }
            tuple = find(at, path.get(i));
            if (tuple == null) {
                return null;
            }
            at = tuple.getValueNode() instanceof MappingNode m ? m : null;
        }
        return tuple;
    }

    private void checkPath(List<String> path) {
        if (path.isEmpty() || path.stream().anyMatch(k -> k == null || k.isEmpty())) {
            throw new IllegalArgumentException("a key path needs at least one non-empty key: " + path);
        }
    }

    private void setUnder(MappingNode mapping, List<String> path, int depth, Value value) throws EditException {
        String key = path.get(depth);
        NodeTuple tuple = find(mapping, key);
        List<String> rest = path.subList(depth, path.size());
        if (tuple == null) {
            insert(mapping, path.subList(0, depth), rest, value);
            return;
        }
        if (rest.size() == 1) {
            replace(tuple, value, isFlow(mapping));
            return;
        }
        Node block = tuple.getValueNode();
        List<String> below = path.subList(depth + 1, path.size());
        if (block instanceof MappingNode inner) {
            setUnder(inner, path, depth + 1, value);
        } else if (block instanceof ScalarNode s && s.getTag().equals(Tag.NULL) && !isEmpty(s)) {
            // "slurm: ~": take the ~ away, then it is the empty case below
            splice(colonAfter(tuple.getKeyNode()) + 1, contentEnd(s), "");
            set(path, value);
        } else if (isEmpty(block)) {
            int colon = colonAfter(tuple.getKeyNode());
            if (isFlow(mapping)) {
                splice(colon + 1, colon + 1, " {" + flowEntry(below, value) + "}");
            } else {
                String indent = indentOf(tuple.getKeyNode()) + "  ";
                int at = lineEnd(colon);
                splice(at, at, newline + indent + nested(below, value, indent));
            }
        } else {
            throw refuse(block, String.join(".", path.subList(0, depth + 1))
                    + " is not a mapping of keys here; fix the file first");
        }
    }

    /** Replaces a value, keeping the user's choice of layout (one line, or one item per line). */
    private void replace(NodeTuple tuple, Value value, boolean inFlow) {
        Node old = tuple.getValueNode();
        int colon = colonAfter(tuple.getKeyNode());
        if (isEmpty(old)) {
            if (value.block() && !inFlow) {
                String indent = indentOf(tuple.getKeyNode()) + "  ";
                splice(lineEnd(colon), lineEnd(colon), blockItems(value, indent, true));
            } else {
                splice(colon + 1, colon + 1, " " + value.inline());
            }
            return;
        }
        int start = old.getStartMark().getIndex();
        int end = contentEnd(old);
        if (old instanceof SequenceNode seq && !isFlow(seq) && value.block()) {
            int dash = dashBefore(seq.getValue().get(0));
            String indent = " ".repeat(dash - lineStart(dash));
            splice(dash, end, blockItems(value, indent, false));
        } else if (old instanceof CollectionNode<?> c && !isFlow(c) && start >= lineEnd(colon)) {
            // a block list or mapping becomes one line: the value moves up next to its key, where
            // any comment after the colon stays behind it
            splice(lineEnd(colon), end, "");
            splice(colon + 1, colon + 1, " " + value.inline());
        } else {
            spliceKeepingComment(start, end, value.inline());
        }
    }

    /**
     * Adds {@code rest} (a key and, when it names a missing mapping, the keys below it) to
     * {@code mapping} at {@code mappingPath}: in a block mapping on lines of its own after the
     * closest key that comes before it in the documented order, in a flow mapping at its end.
     */
    private void insert(MappingNode mapping, List<String> mappingPath, List<String> rest, Value value) {
        List<NodeTuple> entries = mapping.getValue();
        if (!isFlow(mapping) && !entries.isEmpty()) {
            String indent = indentOf(entries.get(0).getKeyNode());
            insertBlock(mapping, mappingPath, rest.get(0), nested(rest, value, indent));
        } else if (entries.isEmpty()) {
            int open = text.indexOf('{', mapping.getStartMark().getIndex());
            splice(open + 1, open + 1, flowEntry(rest, value));
        } else {
            int after = contentEnd(entries.get(entries.size() - 1).getValueNode());
            splice(after, after, ", " + flowEntry(rest, value));
        }
    }

    /**
     * Adds a prepared entry for {@code key} on a line of its own in a block mapping: after the
     * closest key before it in the documented order (so port lands among the SSH settings); when
     * none of those is there, before the first key documented after it; else after the last entry.
     */
    private void insertBlock(MappingNode mapping, List<String> mappingPath, String key, String entry) {
        List<NodeTuple> entries = mapping.getValue();
        String indent = indentOf(entries.get(0).getKeyNode());
        NodeTuple after = entries.get(entries.size() - 1);
        List<String> documented = order.keysOf(List.copyOf(mappingPath));
        int rank = documented.indexOf(key);
        if (rank >= 0) {
            NodeTuple earlier = null;
            for (String k : documented.subList(0, rank)) {
                NodeTuple present = find(mapping, k);
                earlier = present != null ? present : earlier;
            }
            if (earlier != null) {
                after = earlier;
            } else {
                for (NodeTuple t : entries) {
                    if (t.getKeyNode() instanceof ScalarNode s && documented.indexOf(s.getValue()) > rank) {
                        int at = lineStart(s.getStartMark().getIndex());
                        splice(at, at, indent + entry + newline);
                        return;
                    }
                }
            }
        }
        int at = lineEnd(contentEnd(after.getValueNode()));
        splice(at, at, newline + indent + entry);
    }

    /** Removes an entry with its lines (block) or with its comma (flow). */
    private void remove(MappingNode mapping, NodeTuple tuple) {
        Node key = tuple.getKeyNode();
        int end = contentEnd(tuple.getValueNode());
        if (isFlow(mapping)) {
            List<NodeTuple> entries = mapping.getValue();
            int i = entries.indexOf(tuple);
            if (i + 1 < entries.size()) {
                splice(key.getStartMark().getIndex(), entries.get(i + 1).getKeyNode().getStartMark().getIndex(), "");
            } else if (i > 0) {
                splice(contentEnd(entries.get(i - 1).getValueNode()), end, "");
            } else {
                splice(key.getStartMark().getIndex(), end, "");
            }
            return;
        }
        int keyStart = key.getStartMark().getIndex();
        int from = text.substring(lineStart(keyStart), keyStart).isBlank() ? lineStart(keyStart) : keyStart;
        int lf = text.indexOf('\n', end);
        splice(from, lf < 0 ? text.length() : lf + 1, "");
    }

    /** {@code key: value}, or for a path through missing mappings each key on its own line, indented. */
    private String nested(List<String> path, Value value, String indent) {
        if (path.size() == 1) {
            return entryText(path.get(0), value, indent);
        }
        String inner = indent + "  ";
        return path.get(0) + ":" + newline + inner + nested(path.subList(1, path.size()), value, inner);
    }

    /** {@code key: value} inside a flow mapping, with missing mappings as {@code key: {inner: value}}. */
    private static String flowEntry(List<String> path, Value value) {
        if (path.size() == 1) {
            return path.get(0) + ": " + value.inline();
        }
        return path.get(0) + ": {" + flowEntry(path.subList(1, path.size()), value) + "}";
    }

    private String entryText(String key, Value value, String indent) {
        return value.block() ? key + ":" + blockItems(value, indent + "  ", true) : key + ": " + value.inline();
    }

    /** Items one per line at {@code indent}; {@code leadingBreak} starts with a line break. */
    private String blockItems(Value value, String indent, boolean leadingBreak) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < value.items().size(); i++) {
            if (i > 0 || leadingBreak) {
                s.append(newline).append(indent);
            }
            s.append("- ").append(value.items().get(i));
        }
        return s.toString();
    }

    private MappingNode root() throws EditException {
        Node root = compose();
        if (root == null) {
            return null;
        }
        if (!(root instanceof MappingNode mapping) || isFlow(mapping)) {
            throw refuse(root, "the file is not a block mapping of keys; " + handEdit);
        }
        refuseAliases(root, new IdentityHashMap<>());
        return mapping;
    }

    private Node compose() throws EditException {
        if (text.length() > MAX_CHARS) {
            throw new EditException(new Problem(source, 0, 0, "", "the file has " + text.length()
                    + " characters; at most " + MAX_CHARS + " can be edited in place"));
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(4 * MAX_CHARS);
        options.setAllowRecursiveKeys(false);
        try {
            return new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String message = "invalid YAML: " + e.getProblem() + (e.getContext() == null ? "" : " (" + e.getContext() + ")");
            throw new EditException(mark == null ? new Problem(source, 0, 0, "", message)
                    : new Problem(source, mark.getLine() + 1, mark.getColumn() + 1, "", message));
        } catch (YAMLException e) {
            throw new EditException(new Problem(source, 0, 0, "", "invalid YAML: " + e.getMessage()));
        }
    }

    private void refuseAliases(Node node, Map<Node, Boolean> seen) throws EditException {
        if (seen.put(node, Boolean.TRUE) != null) {
            throw refuse(node, "the file uses YAML anchors and aliases (& and *), so a value may be written in more"
                    + " than one place; " + handEdit);
        }
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                refuseAliases(t.getKeyNode(), seen);
                refuseAliases(t.getValueNode(), seen);
            }
        } else if (node instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
                refuseAliases(item, seen);
            }
        }
    }

    private EditException refuse(Node at, String message) {
        return new EditException(new Problem(source, at.getStartMark().getLine() + 1, at.getStartMark().getColumn() + 1,
                "", "cannot change it in place: " + message));
    }

    private static NodeTuple find(MappingNode mapping, String key) {
        for (NodeTuple t : mapping.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
                return t;
            }
        }
        return null;
    }

    /** Where a value's own text ends: the end marks of block scalars and lists run on over line breaks and comments. */
    private int contentEnd(Node node) {
        if (node instanceof MappingNode m && !isFlow(m) && !m.getValue().isEmpty()) {
            return contentEnd(m.getValue().get(m.getValue().size() - 1).getValueNode());
        }
        if (node instanceof SequenceNode s && !isFlow(s) && !s.getValue().isEmpty()) {
            return contentEnd(s.getValue().get(s.getValue().size() - 1));
        }
        int start = node.getStartMark().getIndex();
        int end = node.getEndMark().getIndex();
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static boolean isFlow(CollectionNode<?> node) {
        return node.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
    }

    private static boolean isEmpty(Node node) {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)
                && s.getStartMark().getIndex() == s.getEndMark().getIndex();
    }

    private int colonAfter(Node key) {
        return text.indexOf(':', key.getEndMark().getIndex());
    }

    /** The {@code -} of a block list's item. */
    private int dashBefore(Node item) {
        int i = item.getStartMark().getIndex() - 1;
        while (i > 0 && text.charAt(i) != '-') {
            i--;
        }
        return i;
    }

    private String indentOf(Node node) {
        return " ".repeat(node.getStartMark().getColumn());
    }

    private int lineStart(int index) {
        return text.lastIndexOf('\n', index - 1) + 1;
    }

    /** The index of the line break ending the line of {@code index} (before a CR), or the text's end. */
    private int lineEnd(int index) {
        int lf = text.indexOf('\n', index);
        if (lf < 0) {
            return text.length();
        }
        return lf > 0 && text.charAt(lf - 1) == '\r' ? lf - 1 : lf;
    }

    /**
     * Splices text on one line so that a comment after it stays in its column where there is room
     * ({@code cells: [128, 128]   # per dimension} becomes {@code cells: [64, 32]     # per dimension}).
     */
    private void spliceKeepingComment(int from, int to, String replacement) {
        spliceKeepingComment(from, to, replacement, 0);
    }

    /** As above, when the line already grew by {@code grownBy} characters before {@code from}. */
    private void spliceKeepingComment(int from, int to, String replacement, int grownBy) {
        int spaces = 0;
        while (to + spaces < text.length() && text.charAt(to + spaces) == ' ') {
            spaces++;
        }
        boolean comment = spaces > 0 && to + spaces < text.length() && text.charAt(to + spaces) == '#'
                && !replacement.contains("\n") && text.substring(from, to).indexOf('\n') < 0;
        if (!comment) {
            splice(from, to, replacement);
            return;
        }
        int padding = Math.max(1, spaces + (to - from) - replacement.length() - grownBy);
        splice(from, to + spaces, replacement + " ".repeat(padding));
    }

    private void splice(int from, int to, String replacement) {
        text = text.substring(0, from) + replacement + text.substring(to);
    }
}
