package dev.stagger.gui.help;

import dev.stagger.engine.expr.Expression;
import dev.stagger.engine.grid.Location;
import dev.stagger.engine.model.FieldDescription;
import dev.stagger.engine.model.Model;
import dev.stagger.engine.model.ModelDescription;
import dev.stagger.engine.model.Models;
import dev.stagger.engine.model.ParameterSpec;
import dev.stagger.gui.common.Numbers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The manual's pages as text, without the toolkit. The models and expression pages are written
 * from the engine's descriptions ({@link Models#all()}, {@link Expression#functions()}); the
 * shortcuts page from the accelerators the window's menus really have.
 */
public final class Manual {
    public static final String PROJECT_FORMAT = "project-format";
    public static final String EXPRESSIONS = "expressions";
    public static final String MODELS = "models";
    public static final String SHORTCUTS = "shortcuts";

    /** One page: {@code id} for links, {@code title} for the list, {@code text} to read. */
    public record Page(String id, String title, String text) {}

    /** A command and its keys, as the platform writes them ("Ctrl+Shift+Z"). */
    public record Shortcut(String command, String keys) {}

    private Manual() {}

    /** All pages, in reading order. */
    public static List<Page> pages(List<Shortcut> shortcuts) {
        return List.of(projectFormat(), expressions(), models(), shortcuts(shortcuts));
    }

    /** The annotated sample project (the README's), and the keys of format 1. */
    static Page projectFormat() {
        StringBuilder s = new StringBuilder();
        s.append("A project is a YAML file. Every key is checked when it is opened or run: a misspelt key, a\n")
                .append("wrong type, a value out of range, a bad expression or an unstable time step is reported with\n")
                .append("its line and column, all problems at once (in the workbench: the notice's Details).\n\n")
                .append("The 2D diffusion sample, with what each key means:\n\n");
        s.append(resource("project-format.yaml"));
        s.append("\nBoundary conditions: Dirichlet fixes the value on the boundary, Neumann the outward\n")
                .append("derivative; sides without a condition are zero-flux (Neumann 0). Values may be numbers or\n")
                .append("expressions of the boundary coordinates (see Expressions). Periodic dimensions take none.\n")
                .append("\nThe command line edits a project in place, keeping comments: stagger edit PROJECT --set KEY=VALUE\n")
                .append("(KEY is the dotted path, e.g. model.parameters.chi or grid.cells[0]).\n");
        return new Page(PROJECT_FORMAT, "Project format", s.toString());
    }

    /** Operators, functions (the parser's own list) and names an expression may use. */
    static Page expressions() {
        StringBuilder s = new StringBuilder();
        s.append("Initial conditions and boundary values may be expressions.\n\n")
                .append("Operators     + - * / ^   (^ binds tighter than unary minus: -x^2 is -(x^2)), parentheses\n")
                .append("Numbers       1, 0.5, .5, 2e-3   (always with a '.' decimal point)\n")
                .append("Coordinates   x y z   (of the cell centre or vertex the value is for; on a boundary, of the boundary)\n")
                .append("Constants     pi\n\nFunctions\n");
        for (String f : Expression.functions()) {
            s.append("  ").append(f).append('\n');
        }
        s.append("\nParameters    the model's parameter names stand for their values:\n");
        for (Model m : Models.all()) {
            ModelDescription d = m.description();
            s.append("  ").append(d.name()).append(": ")
                    .append(String.join(", ", d.parameters().stream().map(ParameterSpec::name).toList())).append('\n');
        }
        s.append("\nExamples      exp(-x^2 - y^2)    sin(pi*y)*chi    max(0, 1 - sqrt(x^2 + y^2)/0.1)\n");
        return new Page(EXPRESSIONS, "Expressions", s.toString());
    }

    /** Each model: its equations (summary), time step rule, parameters and fields. */
    static Page models() {
        StringBuilder s = new StringBuilder();
        s.append("The models, as the engine describes them (the same as `stagger models`). An open project's\n")
                .append("Model page shows its model's equations, parameters and fields with their locations, for a\n")
                .append("built-in model and a model file (model: {file: ...}) alike; iterative models plot their\n")
                .append("convergence in the monitor's Convergence tab.\n");
        for (Model m : Models.all()) {
            ModelDescription d = m.description();
            s.append("\n").append(d.title()).append("   (model.name: ").append(d.name()).append(", ").append(d.minDims())
                    .append("D to ").append(d.maxDims()).append("D)\n");
            s.append("-".repeat(Math.min(78, d.title().length()))).append('\n');
            s.append(wrap(d.summary(), 92)).append('\n');
            s.append("Stable time step: dt <= ").append(d.timeStepRule()).append("\n\nParameters\n");
            s.append(String.format(Locale.ROOT, "  %-10s %-8s %-10s %-14s %s%n", "name", "unit", "default", "range", "meaning"));
            for (ParameterSpec p : d.parameters()) {
                s.append(String.format(Locale.ROOT, "  %-10s %-8s %-10s %-14s %s%n", p.name(), p.unit(),
                        Numbers.editable(p.defaultValue()), p.rangeText(), p.help()));
            }
            s.append("Fields (locations in 2D)\n");
            for (FieldDescription f : m.fields(Math.max(d.minDims(), Math.min(2, d.maxDims())))) {
                s.append(String.format(Locale.ROOT, "  %-10s %-10s %-22s %s%n", f.name(),
                        f.kind().name().toLowerCase(Locale.ROOT),
                        Arrays.toString(Arrays.stream(f.location()).map(Location::name).toArray()).toLowerCase(Locale.ROOT),
                        (f.prognostic() ? "needs initial and boundary conditions; " : "") + f.help()));
            }
        }
        return new Page(MODELS, "Models and equations", s.toString());
    }

    /** The keys of every menu command, and the ones outside the menus. */
    static Page shortcuts(List<Shortcut> shortcuts) {
        StringBuilder s = new StringBuilder("Keyboard shortcuts (the menus show them too)\n\n");
        int width = shortcuts.stream().mapToInt(k -> k.keys().length()).max().orElse(0);
        for (Shortcut k : shortcuts) {
            s.append("  ").append(k.keys()).append(" ".repeat(width - k.keys().length() + 3)).append(k.command()).append('\n');
        }
        s.append("\nEverywhere: Alt and the underlined letter opens a menu; Tab and Shift+Tab move between controls;\n")
                .append("Space presses the focused button, Enter a dialog's default one. In the editors, Enter (or\n")
                .append("leaving the field) applies what was typed and Escape brings the value back. In the boundary\n")
                .append("editor the sides are in the Tab order: Tab to a side and press Space (or Enter) to choose it.\n");
        return new Page(SHORTCUTS, "Keyboard shortcuts", s.toString());
    }

    private static String resource(String name) {
        try (InputStream in = Objects.requireNonNull(Manual.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} with its lines broken at spaces to at most {@code width} characters. */
    static String wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.strip().split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split(" +")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }

    /** Every word of the pages, for tests that look for names. */
    static TreeSet<String> words(List<Page> pages) {
        TreeSet<String> w = new TreeSet<>();
        pages.forEach(p -> w.addAll(Arrays.asList(p.text().split("[^A-Za-z0-9_]+"))));
        return w;
    }
}
