package dev.stagger.engine.project;

import dev.stagger.engine.yaml.InPlaceEditor;
import dev.stagger.engine.yaml.InPlaceEditor.Value;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Changes to a project file's values, made in its text in place ({@link InPlaceEditor}) so the
 * user's comments, key order and layout survive: the workbench's save ({@link #between}) and
 * {@code stagger edit PROJECT --set KEY=VALUE} ({@link #applySets}) both go through here.
 */
public final class ProjectEdits {
    /**
     * One change: a value (YAML text) for a key path, or the key's removal (null value); with
     * {@code renamedFrom}, the key of that name is renamed to this path's last key first, where it is.
     */
    record Change(List<String> path, Value value, String renamedFrom) {
        Change(List<String> path, Value value) {
            this(path, value, null);
        }
    }

    /** What saving gives: the new text, and whether it was made in place (else it is freshly written). */
    public record Saved(String text, boolean inPlace) {}

    private static final String HAND_EDIT = "change it in a text editor";

    private ProjectEdits() {}

    /**
     * The text of {@code original} changed so that it describes {@code target}: only the values that
     * differ are rewritten. When the original cannot be read as a project, or when the edited text
     * would not read back as exactly {@code target} (a layout the in-place editor cannot handle),
     * the project is written afresh instead ({@link Saved#inPlace()} false), never wrongly.
     */
    public static Saved between(String original, String source, Project target) {
        Project before = original == null ? null : ProjectReader.structure(original);
        if (before != null) {
            try {
                InPlaceEditor editor = editor(original, source);
                for (Change change : diff(before, target)) {
                    apply(editor, change);
                }
                Project after = ProjectReader.structure(editor.text());
                if (target.equals(after)) {
                    return new Saved(editor.text(), true);
                }
            } catch (InPlaceEditor.EditException e) {
                // below: written afresh
            }
        }
        return new Saved(ProjectWriter.toYaml(target), false);
    }

    /**
     * Applies {@code KEY=VALUE} changes ({@code grid.cells=[256, 256]}, {@code parameters.chi=2}) to
     * a project's text in place. The result must be a valid project: it is checked exactly as
     * {@code stagger validate --set} checks it, and its problems (with the file's or the option's
     * line and column) are thrown, with nothing changed. VALUE is YAML on one line, as for
     * {@code --set} of {@code run}; a key path starting with {@code parameters.} means
     * {@code model.parameters.}.
     */
    public static String applySets(String text, String source, List<String> sets) throws ProjectException {
        List<String> normalised = sets.stream().map(ProjectEdits::expandShorthand).toList();
        List<Problem> problems = new ArrayList<>();
        for (String set : normalised) {
            String problem = oneLine(set);
            if (problem != null) {
                problems.add(new Problem("option '--set " + set + "'", 1, 1, key(set), problem));
            }
        }
        if (!problems.isEmpty()) {
            throw new ProjectException(problems);
        }
        // every problem of the edited project, positioned in the file or in the option that set the value
        Project expected = ProjectReader.parse(text, source, normalised).project();
        InPlaceEditor editor = editor(text, source);
        try {
            for (String set : normalised) {
                int eq = set.indexOf('=');
                List<String> path = Arrays.asList(set.substring(0, eq).trim().split("\\.", -1));
                String value = set.substring(eq + 1).strip();
                // a run has steps or an end time: setting one replaces the other where it stands
                List<String> other = path.equals(List.of("run", "steps")) ? List.of("run", "end_time")
                        : path.equals(List.of("run", "end_time")) ? List.of("run", "steps") : null;
                if (other != null && !editor.has(path)) {
                    editor.renameKey(other, path.get(1));
                }
                editor.set(path, Value.scalar(value));
                if (other != null) {
                    editor.unset(other);
                }
            }
        } catch (InPlaceEditor.EditException e) {
            throw new ProjectException(List.of(e.problem()));
        }
        Project written = ProjectReader.parse(editor.text(), source + " (with the changes)", List.of()).project();
        if (!written.equals(expected)) {
            throw new ProjectException(List.of(new Problem(source, 0, 0, "", "cannot change it in place: the edited"
                    + " text would not read back as the project with these values; " + HAND_EDIT)));
        }
        return editor.text();
    }

    private static String expandShorthand(String set) {
        return set.startsWith("parameters.") ? "model." + set : set;
    }

    private static String key(String set) {
        int eq = set.indexOf('=');
        return eq < 0 ? "" : set.substring(0, eq).trim();
    }

    /** Null when the value of KEY=VALUE fits on the key's line; the mapping checks come from validation. */
    private static String oneLine(String set) {
        int eq = set.indexOf('=');
        if (eq <= 0) {
            return null; // validation says "expected KEY=VALUE"
        }
        String value = set.substring(eq + 1).strip();
        if (value.contains("\n") || value.contains("\r")) {
            return "the value must be on one line";
        }
        if (value.isEmpty()) {
            return null;
        }
        try {
            Node node = new Yaml(new LoaderOptions()).compose(new StringReader(value));
            if (node instanceof CollectionNode<?> c && c.getFlowStyle() != DumperOptions.FlowStyle.FLOW) {
                return "write lists as [a, b] and mappings as {key: value} on one line";
            }
        } catch (YAMLException e) {
            return null; // validation reports it with its column
        }
        return null;
    }

    private static InPlaceEditor editor(String text, String source) {
        return new InPlaceEditor(text, source, ProjectEdits::documentedOrder, HAND_EDIT);
    }

    private static void apply(InPlaceEditor editor, Change change) throws InPlaceEditor.EditException {
        if (change.renamedFrom() != null) {
            List<String> old = new ArrayList<>(change.path());
            old.set(old.size() - 1, change.renamedFrom());
            editor.renameKey(old, change.path().get(change.path().size() - 1));
        }
        if (change.value() == null) {
            editor.unset(change.path());
        } else {
            editor.set(change.path(), change.value());
        }
    }

    /** The keys of the mapping at {@code path}, in the order the documentation and the writer list them. */
    static List<String> documentedOrder(List<String> path) {
        if (path.isEmpty()) {
            return ProjectSchema.TOP;
        }
        switch (path.get(0)) {
            case "grid":
                return path.size() == 1 ? ProjectSchema.GRID : List.of();
            case "model":
                return path.size() == 1 ? ProjectSchema.MODEL : List.of();
            case "run":
                return path.size() == 1 ? ProjectSchema.RUN : List.of();
            case "output":
                return path.size() == 1 ? ProjectSchema.OUTPUT : List.of();
            case "fields":
                return switch (path.size()) {
                    case 2 -> ProjectSchema.FIELD;
                    case 3 -> ProjectSchema.SIDES;
                    case 4 -> ProjectSchema.CONDITION;
                    default -> List.of();
                };
            default:
                return List.of();
        }
    }

    /** The changes that turn {@code a} into {@code b}, each as small as the file allows. */
    static List<Change> diff(Project a, Project b) {
        List<Change> out = new ArrayList<>();
        if (!a.title().equals(b.title())) {
            out.add(set(Value.scalar(ProjectWriter.text(b.title())), "title"));
        }
        if (!Objects.equals(a.description(), b.description())) {
            out.add(b.description() == null ? unset("description")
                    : set(Value.scalar(ProjectWriter.quotedIfNeeded(b.description())), "description"));
        }
        grid(a.grid(), b.grid(), out);
        if (!a.model().name().equals(b.model().name())) {
            out.add(set(Value.scalar(ProjectWriter.text(b.model().name())), "model", "name"));
        }
        Map<String, Double> pa = a.model().parameters();
        Map<String, Double> pb = b.model().parameters();
        pa.keySet().stream().filter(k -> !pb.containsKey(k)).forEach(k -> out.add(unset("model", "parameters", k)));
        pb.forEach((k, v) -> {
            if (!v.equals(pa.get(k))) {
                out.add(set(Value.scalar(ProjectWriter.number(v)), "model", "parameters", k));
            }
        });
        a.fields().keySet().stream().filter(k -> !b.fields().containsKey(k)).forEach(k -> out.add(unset("fields", k)));
        b.fields().forEach((name, f) -> field(name, a.fields().get(name), f, out));
        run(a.run(), b.run(), out);
        output(a.output(), b.output(), out);
        return out;
    }

    private static void grid(GridSpec a, GridSpec b, List<Change> out) {
        if (!Arrays.equals(a.origin(), b.origin())) {
            out.add(set(numbers(b.origin()), "grid", "origin"));
        }
        if (!Arrays.equals(a.extent(), b.extent())) {
            out.add(set(numbers(b.extent()), "grid", "extent"));
        }
        if (!Arrays.equals(a.cells(), b.cells())) {
            out.add(set(Value.list(Arrays.stream(b.cells()).mapToObj(Integer::toString).toList(), false), "grid",
                    "cells"));
        }
        if (!Arrays.equals(a.periodic(), b.periodic())) {
            List<String> flags = new ArrayList<>();
            for (boolean p : b.periodic()) {
                flags.add(Boolean.toString(p));
            }
            out.add(set(Value.list(flags, false), "grid", "periodic"));
        }
        if (!Arrays.equals(a.ranks(), b.ranks())) {
            out.add(set(b.ranks() == null ? Value.scalar("auto")
                    : Value.list(Arrays.stream(b.ranks()).mapToObj(Integer::toString).toList(), false), "grid", "ranks"));
        }
    }

    private static void field(String name, FieldSetup a, FieldSetup b, List<Change> out) {
        FieldSetup before = a != null ? a : new FieldSetup(null, null, Map.of());
        if (!Objects.equals(before.initial(), b.initial())) {
            out.add(b.initial() == null ? unset("fields", name, "initial")
                    : set(Value.scalar(ProjectWriter.expression(b.initial())), "fields", name, "initial"));
        }
        condition(before.all(), b.all(), out, "fields", name, "boundary", BoundaryKey.ALL);
        before.sides().keySet().stream().filter(k -> !b.sides().containsKey(k))
                .forEach(k -> out.add(unset("fields", name, "boundary", k.label())));
        b.sides().forEach((k, spec) -> condition(before.sides().get(k), spec, out, "fields", name, "boundary",
                k.label()));
    }

    private static void condition(BoundarySpec a, BoundarySpec b, List<Change> out, String... path) {
        if (Objects.equals(a, b)) {
            return;
        }
        if (b == null) {
            out.add(unset(path));
        } else if (a == null) {
            out.add(set(Value.scalar(ProjectWriter.condition(b)), path));
        } else {
            if (a.type() != b.type()) {
                out.add(set(Value.scalar(b.type().label()), append(path, "type")));
            }
            if (!a.value().equals(b.value())) {
                out.add(set(Value.scalar(ProjectWriter.flowExpression(b.value())), append(path, "value")));
            }
        }
    }

    private static void run(RunSpec a, RunSpec b, List<Change> out) {
        if (a.steps() != null && b.steps() == null && a.endTime() == null && b.endTime() != null) {
            out.add(new Change(List.of("run", "end_time"), Value.scalar(ProjectWriter.number(b.endTime())), "steps"));
        } else if (a.endTime() != null && b.endTime() == null && a.steps() == null && b.steps() != null) {
            out.add(new Change(List.of("run", "steps"), Value.scalar(Long.toString(b.steps())), "end_time"));
        } else {
            steps(a, b, out);
        }
        if (!Objects.equals(a.dt(), b.dt())) {
            out.add(set(Value.scalar(b.dt() == null ? "auto" : ProjectWriter.number(b.dt())), "run", "dt"));
        }
        if (!Objects.equals(a.threads(), b.threads())) {
            out.add(set(Value.scalar(b.threads() == null ? "auto" : Integer.toString(b.threads())), "run", "threads"));
        }
        if (a.precision() != b.precision()) {
            out.add(set(Value.scalar(b.precision().label()), "run", "precision"));
        }
        if (a.backend() != b.backend()) {
            out.add(set(Value.scalar(b.backend().label()), "run", "backend"));
        }
    }

    private static void steps(RunSpec a, RunSpec b, List<Change> out) {
        if (!Objects.equals(a.steps(), b.steps())) {
            out.add(b.steps() == null ? unset("run", "steps") : set(Value.scalar(Long.toString(b.steps())), "run", "steps"));
        }
        if (!Objects.equals(a.endTime(), b.endTime())) {
            out.add(b.endTime() == null ? unset("run", "end_time")
                    : set(Value.scalar(ProjectWriter.number(b.endTime())), "run", "end_time"));
        }
    }

    private static void output(OutputSpec a, OutputSpec b, List<Change> out) {
        if (a.every() != b.every()) {
            out.add(set(Value.scalar(Long.toString(b.every())), "output", "every"));
        }
        if (!Objects.equals(a.fields(), b.fields())) {
            out.add(b.fields() == null ? unset("output", "fields")
                    : set(Value.list(b.fields().stream().map(ProjectWriter::text).toList(), false), "output", "fields"));
        }
        if (a.checkpointEvery() != b.checkpointEvery()) {
            out.add(b.checkpointEvery() == 0 ? unset("output", "checkpoint_every")
                    : set(Value.scalar(Long.toString(b.checkpointEvery())), "output", "checkpoint_every"));
        }
    }

    private static Value numbers(double[] values) {
        return Value.list(Arrays.stream(values).mapToObj(ProjectWriter::number).toList(), false);
    }

    private static Change set(Value value, String... path) {
        return new Change(List.of(path), value);
    }

    private static Change unset(String... path) {
        return new Change(List.of(path), null);
    }

    private static String[] append(String[] path, String key) {
        String[] longer = Arrays.copyOf(path, path.length + 1);
        longer[path.length] = key;
        return longer;
    }
}
