package dev.stagger.gui.setup;

import dev.stagger.engine.grid.Location;
import dev.stagger.engine.model.FieldDescription;
import dev.stagger.engine.model.Model;
import dev.stagger.engine.model.Models;
import dev.stagger.engine.model.ParameterSpec;
import dev.stagger.engine.model.lang.catalogue.DimensionFamily;
import dev.stagger.engine.model.lang.catalogue.Equations;
import dev.stagger.engine.model.lang.check.CheckedModel;
import dev.stagger.engine.model.lang.run.LangModel;
import dev.stagger.engine.model.lang.syntax.ModelFile;
import dev.stagger.engine.project.Project;
import dev.stagger.gui.common.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the Model page shows, built from a project's model without the toolkit: its title, where it
 * comes from, its equations as the engine renders them ({@code stagger models}), its parameters
 * with unit, range and help, and its fields with their locations and boundary conditions. A
 * built-in model and a model file give the same overview; the editors are built from the same
 * description.
 *
 * @param source "built-in model stokes-2d" or "model file /path/to/it.yaml"
 * @param equations the engine's rendering, one line each (empty for a hand-written model)
 * @param problem why there is nothing to show (unknown model), else empty
 */
public record ModelOverview(String title, String source, String summary, String dims, String timeStepRule,
        List<String> equations, List<ParameterRow> parameters, List<FieldRow> fields, String problem) {

    /** A parameter: the project's value (or the default), unit, range in words, and help. */
    public record ParameterRow(String name, String value, String unit, String range, String defaultValue,
            String help) {}

    /**
     * A field the model computes.
     *
     * @param location one word per dimension: "(center, vertex)"
     * @param role "state: initial and boundary conditions from the project", "output", ...
     * @param boundary the conditions the model fixes itself ("x: dirichlet 0, y: neumann 0"), or
     *     "from the project", or "" when the field has none
     */
    public record FieldRow(String name, String location, String role, String unit, String boundary, String help) {}

    public ModelOverview {
        equations = List.copyOf(equations);
        parameters = List.copyOf(parameters);
        fields = List.copyOf(fields);
    }

    /** The overview of the model {@code project} names. */
    public static ModelOverview of(Project project) {
        String name = project.model().name();
        Optional<Model> found = Models.find(name);
        if (found.isEmpty()) {
            return new ModelOverview(name, "", "", "", "", List.of(), List.of(), List.of(),
                    "unknown model '" + name + "': see Help > Models, or name a model file (model: {file: ...})");
        }
        Model model = found.get();
        var d = model.description();
        int dims = project.grid().dims();
        LangModel equations0 = written(model, dims);
        String source = project.model().file() != null ? "model file " + project.model().file()
                : name.startsWith("file:") ? "model file " + name.substring("file:".length())
                : "built-in model " + name + (equations0 != null && !equations0.description().name().equals(name)
                        ? " (" + equations0.description().name() + " in " + dims + "D)" : "");
        String dimsText = d.minDims() == d.maxDims() ? d.minDims() + "D" : d.minDims() + "D to " + d.maxDims() + "D";
        List<ParameterRow> parameters = new ArrayList<>();
        Map<String, Double> values = project.model().resolvedParameters(d);
        for (ParameterSpec p : d.parameters()) {
            parameters.add(new ParameterRow(p.name(), Numbers.format(values.get(p.name())), p.unit(), p.rangeText(),
                    Numbers.format(p.defaultValue()), p.help()));
        }
        List<String> equations = List.of();
        List<FieldRow> fields = new ArrayList<>();
        if (equations0 != null) {
            CheckedModel checked = equations0.checked();
            equations = Equations.lines(checked);
            for (CheckedModel.Field f : checked.fields()) {
                fields.add(new FieldRow(f.name(), location(f.location()), role(f.prognostic(), f.output()),
                        f.unit() == null ? "" : f.unit(), boundary(f.name(), f.boundary(), checked.dims()), f.help() == null ? "" : f.help()));
            }
        } else {
            for (FieldDescription f : model.fields(dims)) {
                fields.add(new FieldRow(f.name(), location(f.location()), role(f.prognostic(), true), f.unit(),
                        f.prognostic() ? "from the project" : "", f.help()));
            }
        }
        return new ModelOverview(d.title(), source, d.summary(), dimsText, d.timeStepRule(), equations, parameters,
                fields, "");
    }

    /**
     * True when the project's model computes each step's dt itself (a per-step scalar named dt,
     * as Stokes and the shallow ice do): the run's dt then does not set the step.
     */
    public static boolean choosesOwnStep(Project project) {
        LangModel lang = written(project);
        return lang != null && lang.checked().scalars().stream().anyMatch(a -> a.name().equals("dt"));
    }

    /** The model file the project's model runs on its grid (a family's member by dimensions), or null. */
    public static LangModel written(Project project) {
        return Models.find(project.model().name()).map(m -> written(m, project.grid().dims())).orElse(null);
    }

    private static LangModel written(Model model, int dims) {
        if (model instanceof LangModel lang) {
            return lang;
        }
        if (model instanceof DimensionFamily family && model.description().supportsDims(dims)) {
            return family.forDims(dims);
        }
        return null;
    }

    /** True when the model sets up its state itself: no field takes an initial condition from the project. */
    public boolean initialisesItself() {
        return fields.stream().noneMatch(f -> f.role().startsWith("state"));
    }

    /** Fields whose boundary conditions the model fixes itself, as "Vx: x dirichlet 0, y neumann 0". */
    public List<String> fixedBoundaries() {
        return fields.stream().filter(f -> !f.boundary().isEmpty() && !f.boundary().equals("from the project"))
                .map(f -> f.name() + ": " + f.boundary()).toList();
    }

    static String location(String compact) {
        if (compact == null) {
            return "(everywhere)";
        }
        List<String> words = new ArrayList<>();
        for (char c : compact.toCharArray()) {
            words.add(c == 'C' ? "center" : "vertex");
        }
        return "(" + String.join(", ", words) + ")";
    }

    static String location(Location[] locations) {
        List<String> words = new ArrayList<>();
        for (Location l : locations) {
            words.add(l.name().toLowerCase(Locale.ROOT));
        }
        return "(" + String.join(", ", words) + ")";
    }

    private static String role(boolean prognostic, boolean output) {
        if (prognostic) {
            return "state: initial and boundary conditions from the project";
        }
        return output ? "computed, written to the output" : "internal (not written)";
    }

    private static String boundary(String field, ModelFile.BoundarySpec spec, int dims) {
        if (spec == null) {
            return "";
        }
        if (spec.projectField() != null) {
            return "from the project" + (spec.projectField().equals(field) ? "" : " (field " + spec.projectField() + ")");
        }
        List<String> parts = new ArrayList<>();
        spec.fixed().forEach((dim, b) -> {
            if (dim < dims) {
                parts.add("xyz".charAt(dim) + ": " + b.kind() + " " + Numbers.format(b.value()));
            }
        });
        return String.join(", ", parts);
    }
}
