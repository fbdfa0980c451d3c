package dev.stagger.engine.project;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Applies {@code KEY=VALUE} overrides (e.g. {@code grid.cells=[256,256]}) to a document's node tree
 * before it is converted, so overridden values are checked exactly like written ones, and their
 * problems point into the override.
 */
final class Overrides {
    private Overrides() {}

    /** Applies each override in order; problems with an override itself are added to {@code problems}. */
    static void apply(MappingNode root, List<String> overrides, Yaml yaml, Origins origins, List<Problem> problems) {
        for (String argument : overrides) {
            apply(root, argument, yaml, origins, problems);
        }
    }

    private static void apply(MappingNode root, String argument, Yaml yaml, Origins origins, List<Problem> problems) {
        String label = "override '" + argument + "'";
        int eq = argument.indexOf('=');
        if (eq <= 0) {
            problems.add(new Problem(label, 1, 1, "", "expected KEY=VALUE with a dotted key path, like run.steps=10"));
            return;
        }
        String key = argument.substring(0, eq).trim();
        String valueText = argument.substring(eq + 1);
        List<String> segments = Arrays.asList(key.split("\\.", -1));
        String schemaProblem = ProjectSchema.checkPath(segments);
        if (schemaProblem != null) {
            problems.add(new Problem(label, 1, 1, key, schemaProblem));
            return;
        }
        Node value;
        try {
            value = valueText.isBlank() ? null : yaml.compose(new StringReader(valueText));
        } catch (MarkedYAMLException e) {
            int column = e.getProblemMark() == null ? 1 : e.getProblemMark().getColumn() + 1;
            problems.add(new Problem(label, 1, column + eq + 1, key, "the value is not valid YAML: " + e.getProblem()));
            return;
        } catch (YAMLException e) {
            // limits without a position, such as the nesting depth
            problems.add(new Problem(label, 1, eq + 2, key, "the value is not valid YAML: " + e.getMessage()));
            return;
        }
        if (value == null) {
            problems.add(new Problem(label, 1, eq + 2, key, "the value is empty; write KEY=VALUE"));
            return;
        }
        origins.fromOverride(value, argument, valueText, eq + 1);
        MappingNode at = root;
        for (int i = 0; i < segments.size() - 1; i++) {
            at = child(at, segments.get(i), value, origins, argument, valueText, eq + 1);
        }
        put(at, segments.get(segments.size() - 1), value, origins, argument, valueText, eq + 1);
        if (key.equals("run.steps") || key.equals("run.end_time")) {
            // the two say how long the run is, and a file has exactly one: overriding one replaces the other
            String other = key.equals("run.steps") ? "end_time" : "steps";
            at.getValue().removeIf(tuple -> isKey(tuple, other));
        }
    }

    /** The mapping under {@code key}, created (or replacing a plain value) when there is none. */
    private static MappingNode child(MappingNode parent, String key, Node at, Origins origins, String argument,
            String valueText, int offset) {
        for (NodeTuple tuple : parent.getValue()) {
            if (isKey(tuple, key) && tuple.getValueNode() instanceof MappingNode m) {
                return m;
            }
        }
        MappingNode created = new MappingNode(Tag.MAP, true, new ArrayList<>(), at.getStartMark(), at.getEndMark(),
                DumperOptions.FlowStyle.FLOW);
        origins.fromOverride(created, argument, valueText, offset);
        put(parent, key, created, origins, argument, valueText, offset);
        return created;
    }

    private static void put(MappingNode parent, String key, Node value, Origins origins, String argument,
            String valueText, int offset) {
        List<NodeTuple> tuples = parent.getValue();
        for (int i = 0; i < tuples.size(); i++) {
            if (isKey(tuples.get(i), key)) {
                tuples.set(i, new NodeTuple(tuples.get(i).getKeyNode(), value));
                return;
            }
        }
        ScalarNode keyNode = new ScalarNode(Tag.STR, key, value.getStartMark(), value.getEndMark(),
                DumperOptions.ScalarStyle.PLAIN);
        origins.fromOverride(keyNode, argument, valueText, offset);
        tuples.add(new NodeTuple(keyNode, value));
    }

    private static boolean isKey(NodeTuple tuple, String key) {
        return tuple.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key);
    }
}
