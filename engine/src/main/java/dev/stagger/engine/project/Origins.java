package dev.stagger.engine.project;

import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Which text each YAML node came from: the project file, or a command-line override whose value
 * was parsed separately. Positions of override nodes point into the override as typed
 * ({@code KEY=VALUE}), so its column counts from the start of KEY.
 */
final class Origins {
    private record Override(String label, String text, int columnOffset) {}

    private final String source;
    private final String fileText;
    private final Map<Node, Override> overrides = new IdentityHashMap<>();

    Origins(String source, String fileText) {
        this.source = source;
        this.fileText = fileText;
    }

    String source() {
        return source;
    }

    /** Marks {@code node} and everything below it as coming from override {@code argument}. */
    void fromOverride(Node node, String argument, String valueText, int columnOffset) {
        Override origin = new Override("override '" + argument + "'", valueText, columnOffset);
        mark(node, origin);
    }

    private void mark(Node node, Override origin) {
        overrides.put(node, origin);
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                mark(t.getKeyNode(), origin);
                mark(t.getValueNode(), origin);
            }
        } else if (node instanceof SequenceNode s) {
            s.getValue().forEach(n -> mark(n, origin));
        }
    }

    SourceMap.Position position(Node node) {
        Override origin = overrides.get(node);
        Mark mark = node.getStartMark();
        if (origin == null) {
            return new SourceMap.Position(source, mark.getLine() + 1, mark.getColumn() + 1);
        }
        return new SourceMap.Position(origin.label(), mark.getLine() + 1, mark.getColumn() + 1 + origin.columnOffset());
    }

    /**
     * Position of the first character of a scalar's value when the source holds it verbatim on one
     * line (plain, or quoted without escapes), else null: then columns inside it cannot be mapped.
     */
    SourceMap.Position verbatimStart(ScalarNode node) {
        Override origin = overrides.get(node);
        String text = origin == null ? fileText : origin.text();
        int start = node.getStartMark().getIndex();
        int end = node.getEndMark().getIndex();
        String value = node.getValue();
        if (value.contains("\n") || start < 0 || end > text.length() || start > end) {
            return null;
        }
        String written = text.substring(start, end);
        DumperOptions.ScalarStyle style = node.getScalarStyle();
        int skip;
        if (style == DumperOptions.ScalarStyle.PLAIN && written.equals(value)) {
            skip = 0;
        } else if ((style == DumperOptions.ScalarStyle.DOUBLE_QUOTED || style == DumperOptions.ScalarStyle.SINGLE_QUOTED)
                && written.length() == value.length() + 2 && written.substring(1, written.length() - 1).equals(value)) {
            skip = 1;
        } else {
            return null;
        }
        SourceMap.Position at = position(node);
        return new SourceMap.Position(at.source(), at.line(), at.column() + skip);
    }
}
