package dev.stagger.remote.profile;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Changes one value of a profile's text in place, so everything else (comments, blank lines, key
 * order, quoting) stays as the user wrote it. The text is composed into nodes, whose marks say
 * where each value starts and ends; the edit splices that range. Missing keys are added after the
 * last entry of their mapping (a missing {@code slurm:} section after the last top-level key),
 * removed keys take their whole lines with them.
 *
 * <p>This is enough for the profile format, a mapping of scalars and lists with one nested
 * mapping. Files using anchors and aliases are refused: a value there may be written elsewhere.
 */
final class InPlaceEditor {
    private final String source;
    private String text;
    private String newline;

    private InPlaceEditor(String text, String source) {
        this.text = text;
        this.source = source;
        this.newline = text.contains("\r\n") ? "\r\n" : "\n";
    }

    /** A value to write: one scalar, or a list. Items and scalars are already YAML text. */
    record NewValue(String scalar, List<String> items, boolean blockPreferred) {
        static NewValue scalar(String yaml) {
            return new NewValue(yaml, null, false);
        }

        static NewValue list(List<String> values, boolean blockPreferred) {
            return new NewValue(null, values, blockPreferred);
        }

        boolean isList() {
            return items != null;
        }

        /** The value on one line: the scalar, or the list as {@code [a, b]}. */
        String inline() {
            return isList() ? YamlScalars.flowList(items) : scalar;
        }

        /** True when the list goes one item per line (never for an empty list: {@code []}). */
        boolean block() {
            return isList() && blockPreferred && !items.isEmpty();
        }
    }

    static String set(String text, String source, ProfileKey key, NewValue value) throws ProfileException {
        InPlaceEditor editor = new InPlaceEditor(text, source);
        editor.set(key, value);
        return editor.text;
    }

    static String unset(String text, String source, ProfileKey key) throws ProfileException {
        InPlaceEditor editor = new InPlaceEditor(text, source);
        editor.unset(key);
        return editor.text;
    }

    private void set(ProfileKey key, NewValue value) throws ProfileException {
        MappingNode root = root();
        if (root == null) {
            String lead = text.isEmpty() || text.endsWith("\n") ? "" : newline;
            text = text + lead + entry(key, value, "") + newline;
            return;
        }
        if (key.parent().isEmpty()) {
            setIn(root, key, value);
            return;
        }
        ProfileKey section = key.parent().get();
        NodeTuple sectionTuple = find(root, section.key());
        if (sectionTuple == null) {
            insertBlock(root, section, entry(key, value, indentOf(root.getValue().get(0).getKeyNode())));
            return;
        }
        Node block = sectionTuple.getValueNode();
        if (block instanceof MappingNode mapping) {
            setIn(mapping, key, value);
        } else if (block instanceof ScalarNode s && s.getTag().equals(Tag.NULL) && !isEmpty(s)) {
            // "slurm: ~": take the ~ away, then it is the empty case below
            splice(colonAfter(sectionTuple.getKeyNode()) + 1, contentEnd(s), "");
            set(key, value);
        } else if (isEmpty(block)) {
            String indent = indentOf(sectionTuple.getKeyNode()) + "  ";
            int at = lineEnd(colonAfter(sectionTuple.getKeyNode()));
            splice(at, at, newline + indent + entryText(key.key(), value, indent));
        } else {
            throw refuse(block, section.key() + " is not a mapping of keys here; fix the file first");
        }
    }

    private void setIn(MappingNode mapping, ProfileKey key, NewValue value) throws ProfileException {
        NodeTuple tuple = find(mapping, key.key());
        if (tuple == null) {
            insert(mapping, key, value);
        } else {
            replace(tuple, value, isFlow(mapping));
        }
    }

    private void unset(ProfileKey key) throws ProfileException {
        MappingNode root = root();
        if (root == null) {
            return;
        }
        if (key.parent().isEmpty()) {
            NodeTuple tuple = find(root, key.key());
            if (tuple != null) {
                remove(root, tuple);
            }
            return;
        }
        NodeTuple sectionTuple = find(root, key.parent().get().key());
        if (sectionTuple == null || !(sectionTuple.getValueNode() instanceof MappingNode section)) {
            return;
        }
        NodeTuple tuple = find(section, key.key());
        if (tuple == null) {
            return;
        }
        if (section.getValue().size() == 1) {
            // the last setting of a section: the section goes too, rather than stay as "slurm:" with nothing
            remove(root, sectionTuple);
        } else {
            remove(section, tuple);
        }
    }

    /** Replaces a value, keeping the user's choice of layout (one line, or one item per line). */
    private void replace(NodeTuple tuple, NewValue value, boolean inFlow) {
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
            splice(start, end, value.inline());
        }
    }

    /**
     * Adds {@code key: value} to {@code mapping}: in a block mapping on a line of its own after the
     * closest key that comes before it in the documented order, in a flow mapping at its end.
     */
    private void insert(MappingNode mapping, ProfileKey key, NewValue value) {
        List<NodeTuple> entries = mapping.getValue();
        if (!isFlow(mapping)) {
            String indent = indentOf(entries.get(0).getKeyNode());
            insertBlock(mapping, key, entryText(key.key(), value, indent));
        } else if (entries.isEmpty()) {
            int open = text.indexOf('{', mapping.getStartMark().getIndex());
            splice(open + 1, open + 1, key.key() + ": " + value.inline());
        } else {
            int after = contentEnd(entries.get(entries.size() - 1).getValueNode());
            splice(after, after, ", " + key.key() + ": " + value.inline());
        }
    }

    /**
     * Adds a prepared entry for {@code key} on a line of its own in a block mapping, after the
     * closest key before it in the documented order (so port lands among the SSH settings), or
     * after the last entry when none of those is there.
     */
    private void insertBlock(MappingNode mapping, ProfileKey key, String entry) {
        List<NodeTuple> entries = mapping.getValue();
        NodeTuple after = entries.get(entries.size() - 1);
        for (ProfileKey earlier : ProfileKey.in(key.parent().orElse(null))) {
            if (earlier == key) {
                break;
            }
            NodeTuple present = find(mapping, earlier.key());
            after = present != null ? present : after;
        }
        String indent = indentOf(entries.get(0).getKeyNode());
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

    /** {@code key: value}, or for a key of a missing section {@code section:} and the key below it. */
    private String entry(ProfileKey key, NewValue value, String indent) {
        if (key.parent().isEmpty()) {
            return entryText(key.key(), value, indent);
        }
        String inner = indent + "  ";
        return key.parent().get().key() + ":" + newline + inner + entryText(key.key(), value, inner);
    }

    private String entryText(String key, NewValue value, String indent) {
        return value.block() ? key + ":" + blockItems(value, indent + "  ", true) : key + ": " + value.inline();
    }

    /** Items one per line at {@code indent}; {@code leadingBreak} starts with a line break. */
    private String blockItems(NewValue value, String indent, boolean leadingBreak) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < value.items().size(); i++) {
            if (i > 0 || leadingBreak) {
                s.append(newline).append(indent);
            }
            s.append("- ").append(YamlScalars.blockItem(value.items().get(i)));
        }
        return s.toString();
    }

    private MappingNode root() throws ProfileException {
        Node root = ProfileReader.compose(text, source);
        if (root == null) {
            return null;
        }
        if (!(root instanceof MappingNode mapping) || isFlow(mapping)) {
            throw refuse(root, "the file is not a block mapping of keys; edit it with stagger cluster edit NAME alone"
                    + " (it opens your editor)");
        }
        refuseAliases(root, new IdentityHashMap<>());
        return mapping;
    }

    private void refuseAliases(Node node, Map<Node, Boolean> seen) throws ProfileException {
        if (seen.put(node, Boolean.TRUE) != null) {
            throw refuse(node, "the file uses YAML anchors and aliases (& and *), so a value may be written in more"
                    + " than one place; change it in your editor (stagger cluster edit NAME with no options)");
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

    private ProfileException refuse(Node at, String message) {
        return new ProfileException(List.of(new dev.stagger.engine.project.Problem(source,
                at.getStartMark().getLine() + 1, at.getStartMark().getColumn() + 1, "", "cannot change it in place: "
                        + message)));
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

    private void splice(int from, int to, String replacement) {
        text = text.substring(0, from) + replacement + text.substring(to);
    }
}
