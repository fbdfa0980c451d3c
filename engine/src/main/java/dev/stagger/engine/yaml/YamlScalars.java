package dev.stagger.engine.yaml;

import java.io.StringReader;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Writes values as YAML text: plain where that reads back as the very same string
 * ({@code ~/.ssh/config}, {@code module load openmpi/4.1}), double-quoted where it would not
 * ({@code "22"} for a user, {@code "yes"}, {@code "a: b"}). Plain text is checked by reading it
 * back rather than by rules, which YAML has too many of. Shared by every file Stagger edits in
 * place for the user (cluster profiles, projects).
 */
public final class YamlScalars {
    private YamlScalars() {}

    /** A string value for a block mapping ({@code key: VALUE}). */
    public static String text(String value) {
        return readsBackAs("k: " + value, value, false) ? value : quoted(value);
    }

    /** A whole number plain; anything else as text, so that reading it reports what was given. */
    public static String whole(String value) {
        return value.matches("[0-9]{1,18}") ? value : text(value);
    }

    /** {@code [a, "b c"]}. */
    public static String flowList(List<String> items) {
        return "[" + String.join(", ", items.stream().map(YamlScalars::flowItem).toList()) + "]";
    }

    /** A list item for a block sequence ({@code - ITEM}). */
    public static String blockItem(String value) {
        return readsBackAs("- " + value, value, false) ? value : quoted(value);
    }

    /** A list item for a flow list ({@code [ITEM, ...]}). */
    public static String flowItem(String value) {
        return readsBackAs("[" + value + "]", value, true) ? value : quoted(value);
    }

    /** A list item that reads back as given both in a flow list and after {@code - } in a block list. */
    public static String item(String value) {
        String flow = flowItem(value);
        return flow.equals(value) && blockItem(value).equals(value) ? value : quoted(value);
    }

    public static String quoted(String value) {
        DumperOptions options = new DumperOptions();
        options.setDefaultScalarStyle(DumperOptions.ScalarStyle.DOUBLE_QUOTED);
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        return new Yaml(options).dump(value).strip();
    }

    private static boolean readsBackAs(String yaml, String value, boolean flow) {
        if (value.isEmpty() || !value.equals(value.strip()) || value.chars().anyMatch(Character::isISOControl)
                || value.startsWith("#") || value.contains(" #") || (flow && value.matches(".*[,\\[\\]{}].*"))) {
            return false;
        }
        try {
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
            Node node;
            if (root instanceof MappingNode m && m.getValue().size() == 1) {
                node = m.getValue().get(0).getValueNode();
            } else if (root instanceof SequenceNode s && s.getValue().size() == 1) {
                node = s.getValue().get(0);
            } else {
                return false;
            }
            return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.STR)
                    && scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN && scalar.getValue().equals(value);
        } catch (YAMLException e) {
            return false;
        }
    }
}
