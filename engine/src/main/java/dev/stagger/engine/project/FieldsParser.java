package dev.stagger.engine.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the {@code fields} section. Field names are free here: only the model knows which exist,
 * so {@link ProjectValidator} checks them, and also which sides the grid has.
 */
final class FieldsParser {
    private final NodeReader in;

    FieldsParser(NodeReader in) {
        this.in = in;
    }

    Map<String, FieldSetup> parse(Node node) {
        Map<String, FieldSetup> fields = new LinkedHashMap<>();
        if (node == null) {
            return fields;
        }
        Map<String, Node> entries = in.mapping(node, "fields", null, List.of(), in.sourceMap().locateKey("fields"));
        if (entries == null) {
            return fields;
        }
        entries.forEach((name, value) -> {
            FieldSetup setup = field(value, "fields." + name);
            if (setup != null) {
                fields.put(name, setup);
            }
        });
        return fields;
    }

    private FieldSetup field(Node node, String path) {
        Map<String, Node> entries = in.mapping(node, path, ProjectSchema.FIELD, List.of(),
                in.sourceMap().locateKey(path));
        if (entries == null) {
            return null;
        }
        String initial = null;
        if (entries.containsKey("initial")) {
            initial = in.text(entries.get("initial"), path + ".initial", "a number or an expression of x, y, z");
        }
        BoundarySpec all = null;
        Map<BoundaryKey, BoundarySpec> sides = new LinkedHashMap<>();
        Node boundaryNode = entries.get("boundary");
        if (boundaryNode != null) {
            String boundaryPath = path + ".boundary";
            Map<String, Node> given = in.mapping(boundaryNode, boundaryPath, ProjectSchema.SIDES, List.of(),
                    in.sourceMap().locateKey(boundaryPath));
            if (given != null) {
                for (Map.Entry<String, Node> side : given.entrySet()) {
                    BoundarySpec spec = condition(side.getValue(), boundaryPath + "." + side.getKey());
                    if (spec == null) {
                        continue;
                    }
                    if (side.getKey().equals(BoundaryKey.ALL)) {
                        all = spec;
                    } else {
                        sides.put(BoundaryKey.parse(side.getKey()), spec);
                    }
                }
            }
        }
        return new FieldSetup(initial, all, sides);
    }

    private BoundarySpec condition(Node node, String path) {
        Map<String, Node> entries = in.mapping(node, path, ProjectSchema.CONDITION, List.of("type"),
                in.sourceMap().locateKey(path));
        if (entries == null || !entries.containsKey("type")) {
            return null;
        }
        Node typeNode = entries.get("type");
        String typeText = in.text(typeNode, path + ".type", "dirichlet or neumann");
        BoundaryType type = typeText == null ? null : BoundaryType.parse(typeText);
        if (typeText != null && type == null) {
            in.problem(typeNode, path + ".type", "expected dirichlet or neumann, got " + NodeReader.describe(typeNode)
                    + Hints.didYouMean(typeText, List.of("dirichlet", "neumann")));
        }
        String value = "0";
        if (entries.containsKey("value")) {
            value = in.text(entries.get("value"), path + ".value", "a number or an expression");
        }
        return type == null || value == null ? null : new BoundarySpec(type, value);
    }
}
