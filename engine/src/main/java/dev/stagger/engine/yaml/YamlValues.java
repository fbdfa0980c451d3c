package dev.stagger.engine.yaml;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** How a YAML value reads in a message, the same in every file Stagger reads (projects, models, profiles). */
public final class YamlValues {
    private YamlValues() {}

    /**
     * Numbers as written, texts quoted ({@code the text "..."}), structures named; on one line
     * whatever the text holds (a problem is one line): line breaks and tabs as {@code \n},
     * {@code \r}, {@code \t}, other control characters as {@code \}{@code uXXXX}.
     */
    public static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode s = (ScalarNode) node;
        if (s.getTag().equals(Tag.NULL)) {
            return "nothing";
        }
        String text = printable(s.getValue());
        return s.getTag().equals(Tag.STR) ? "the text \"" + text + "\"" : text;
    }

    /** The text with line breaks, tabs and other control characters written as escapes. */
    public static String printable(String text) {
        StringBuilder s = new StringBuilder();
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        s.append(String.format("\\u%04x", c));
                    } else {
                        s.appendCodePoint(c);
                    }
                }
            }
        });
        return s.toString();
    }
}
