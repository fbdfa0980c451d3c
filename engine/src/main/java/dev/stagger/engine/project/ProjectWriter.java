package dev.stagger.engine.project;

import dev.stagger.engine.yaml.UserFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes projects as readable YAML in the documented key order, short lists in flow style. Files
 * are replaced atomically, so a crash mid-write leaves the previous version, never half a file.
 */
public final class ProjectWriter {
    private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z0-9_.()+*/^ ,-]*");
    private static final Resolver RESOLVER = new Resolver();

    private ProjectWriter() {}

    /**
     * Writes {@code project} to {@code file} afresh (comments and layout are not kept: to change a
     * file's values in place use {@link ProjectEdits}), atomically, keeping an existing file's
     * permissions.
     */
    public static void write(Project project, Path file) throws IOException {
        UserFile.write(file, toYaml(project));
    }

    /** The project as the text of a project file. */
    public static String toYaml(Project project) {
        List<String> out = new ArrayList<>();
        out.add("format: " + Project.FORMAT);
        out.add("title: " + text(project.title()));
        if (project.description() != null) {
            description(out, project.description());
        }
        GridSpec grid = project.grid();
        out.add("grid:");
        out.add("  origin: " + numbers(grid.origin()));
        out.add("  extent: " + numbers(grid.extent()));
        out.add("  cells: " + ints(grid.cells()));
        boolean[] periodic = grid.periodic();
        boolean anyPeriodic = false;
        for (boolean p : periodic) {
            anyPeriodic |= p;
        }
        if (anyPeriodic) {
            List<String> flags = new ArrayList<>();
            for (boolean p : periodic) {
                flags.add(Boolean.toString(p));
            }
            out.add("  periodic: [" + String.join(", ", flags) + "]");
        }
        out.add("  ranks: " + (grid.ranks() == null ? "auto" : ints(grid.ranks())));
        out.add("model:");
        if (project.model().file() != null) {
            out.add("  file: " + text(project.model().file()));
        } else {
            out.add("  name: " + text(project.model().name()));
        }
        if (!project.model().parameters().isEmpty()) {
            out.add("  parameters:");
            project.model().parameters().forEach((k, v) -> out.add("    " + text(k) + ": " + number(v)));
        }
        out.add("fields:");
        for (Map.Entry<String, FieldSetup> field : project.fields().entrySet()) {
            field(out, field.getKey(), field.getValue());
        }
        run(out, project.run());
        OutputSpec output = project.output();
        out.add("output:");
        out.add("  every: " + output.every());
        if (output.fields() != null) {
            out.add("  fields: [" + String.join(", ", output.fields().stream().map(ProjectWriter::text).toList()) + "]");
        }
        if (output.checkpointEvery() > 0) {
            out.add("  checkpoint_every: " + output.checkpointEvery());
        }
        return String.join("\n", out) + "\n";
    }

    private static void description(List<String> out, String description) {
        boolean blockSafe = !description.isEmpty() && !description.startsWith(" ") && !description.contains("\r")
                && !description.contains("\t") && !description.endsWith("\n\n") && description.lines().noneMatch(
                        line -> line.endsWith(" "));
        if (!blockSafe) {
            out.add("description: " + quoted(description));
            return;
        }
        out.add(description.endsWith("\n") ? "description: |" : "description: |-");
        description.lines().forEach(line -> out.add(line.isEmpty() ? "" : "  " + line));
    }

    private static void field(List<String> out, String name, FieldSetup setup) {
        out.add("  " + text(name) + ":");
        if (setup.initial() != null) {
            out.add("    initial: " + expression(setup.initial()));
        }
        if (setup.all() == null && setup.sides().isEmpty()) {
            return;
        }
        out.add("    boundary:");
        if (setup.all() != null) {
            out.add("      all: " + condition(setup.all()));
        }
        setup.sides().forEach((key, spec) -> out.add("      " + key.label() + ": " + condition(spec)));
    }

    static String condition(BoundarySpec spec) {
        return "{type: " + spec.type().label() + ", value: " + flowExpression(spec.value()) + "}";
    }

    private static void run(List<String> out, RunSpec run) {
        out.add("run:");
        if (run.steps() != null) {
            out.add("  steps: " + run.steps());
        } else if (run.endTime() != null) {
            out.add("  end_time: " + number(run.endTime()));
        }
        out.add("  dt: " + (run.dt() == null ? "auto" : number(run.dt())));
        out.add("  threads: " + (run.threads() == null ? "auto" : run.threads()));
        out.add("  precision: " + run.precision().label());
        if (run.backend() != dev.stagger.engine.backend.Backend.CPU) {
            out.add("  backend: " + run.backend().label());
        }
    }

    /** An expression unquoted when YAML reads it back as the same text (or as the number it is). */
    static String expression(String text) {
        Tag tag = RESOLVER.resolve(org.yaml.snakeyaml.nodes.NodeId.scalar, text, true);
        if ((tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) && text.equals(text.trim())) {
            return text;
        }
        return text(text);
    }

    /** Inside {@code {...}} a comma ends the value, so expressions with commas (max(x, 1)) are quoted. */
    static String flowExpression(String text) {
        String plain = expression(text);
        return plain.contains(",") && !plain.startsWith("\"") ? quoted(text) : plain;
    }

    /** Plain when unambiguous, else double-quoted. */
    static String text(String text) {
        Tag tag = RESOLVER.resolve(org.yaml.snakeyaml.nodes.NodeId.scalar, text, true);
        boolean plain = !text.isEmpty() && tag.equals(Tag.STR) && PLAIN_SAFE.matcher(text).matches()
                && !text.startsWith(" ") && !text.endsWith(" ") && !text.startsWith("-") && !text.startsWith(",")
                && !text.contains(",");
        return plain ? text : quoted(text);
    }

    /** A text value on one line: plain when unambiguous, else double-quoted (line breaks as \\n). */
    static String quotedIfNeeded(String text) {
        return text.contains("\n") || text.contains("\r") ? quoted(text) : text(text);
    }

    private static String quoted(String text) {
        DumperOptions options = new DumperOptions();
        options.setDefaultScalarStyle(DumperOptions.ScalarStyle.DOUBLE_QUOTED);
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        return new Yaml(options).dump(text).strip();
    }

    private static String numbers(double[] values) {
        List<String> parts = new ArrayList<>();
        for (double v : values) {
            parts.add(number(v));
        }
        return "[" + String.join(", ", parts) + "]";
    }

    private static String ints(int[] values) {
        List<String> parts = new ArrayList<>();
        for (int v : values) {
            parts.add(Integer.toString(v));
        }
        return "[" + String.join(", ", parts) + "]";
    }

    /** Shortest text that reads back as the same double. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
