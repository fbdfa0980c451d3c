package dev.stagger.engine.project;

import dev.stagger.engine.distributed.Decomposition;
import dev.stagger.engine.expr.Expression;
import dev.stagger.engine.expr.ExpressionException;
import dev.stagger.engine.grid.Dimension;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.model.FieldDescription;
import dev.stagger.engine.model.Model;
import dev.stagger.engine.model.ModelDescription;
import dev.stagger.engine.model.Models;
import dev.stagger.engine.model.ParameterSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a project against its model and grid: everything that needs more than one value to
 * judge (names the model knows, stability, decomposition, boundary sides, expressions). Used by
 * {@link ProjectReader} and by the workbench for projects edited in memory.
 */
public final class ProjectValidator {
    private final Project project;
    private final SourceMap map;
    private final Set<String> broken;
    private final List<Problem> problems = new ArrayList<>();

    private ProjectValidator(Project project, SourceMap map, Set<String> broken) {
        this.project = project;
        this.map = map;
        this.broken = broken;
    }

    /** Problems of a project built in memory; they carry key paths but no line numbers. */
    public static List<Problem> validate(Project project) {
        return validate(project, SourceMap.none("project"));
    }

    /** Problems of a project read from a file, positioned with its source map, sorted by position. */
    public static List<Problem> validate(Project project, SourceMap map) {
        return validate(project, map, Set.of());
    }

    /** As above, skipping checks whose inputs the reader already reported as unusable. */
    static List<Problem> validate(Project project, SourceMap map, Set<String> broken) {
        ProjectValidator validator = new ProjectValidator(project, map, broken);
        validator.run();
        validator.problems.sort(byPosition());
        return List.copyOf(validator.problems);
    }

    /** File problems by line and column, then override problems in the order the overrides were given. */
    static Comparator<Problem> byPosition() {
        return (a, b) -> {
            boolean ao = a.source().startsWith("override '");
            boolean bo = b.source().startsWith("override '");
            if (ao || bo) {
                return Boolean.compare(ao, bo);
            }
            int byLine = Integer.compare(a.line(), b.line());
            return byLine != 0 ? byLine : Integer.compare(a.column(), b.column());
        };
    }

    private void run() {
        GridSpec grid = project.grid();
        boolean gridUsable = !affected("grid") && gridValues(grid) && GridLimits.check(this, grid);
        runValues(project.run());
        if (gridUsable) {
            ranks(grid);
        }
        if (affected("model.name") || affected("model.file")) {
            return;
        }
        Optional<Model> found = Models.find(project.model().name());
        if (found.isEmpty()) {
            String name = project.model().name();
            report(map.locate("model.name"), "model.name", "unknown model '" + name + "'"
                    + Hints.didYouMean(name, Models.names()) + " (models: " + String.join(", ", Models.names()) + ")");
            return;
        }
        Model model = found.get();
        ModelDescription description = model.description();
        boolean dimsKnown = !affected(GridParser.DIMS);
        if (dimsKnown && !description.supportsDims(grid.dims())) {
            report(map.locate("grid.origin"), "grid.origin", "model '" + description.name() + "' supports "
                    + description.minDims() + " to " + description.maxDims() + " dimensions, the grid has " + grid.dims());
            return;
        }
        boolean parametersOk = parameters(description);
        Map<String, Double> constants = project.model().resolvedParameters(description);
        if (dimsKnown) {
            new FieldChecks(this, project, model, constants).check();
            if (gridUsable && parametersOk) {
                new FieldValueChecks(this, project, model, constants, grid.toGrid()).check();
            }
        }
        if (gridUsable && parametersOk && !affected("run.dt") && project.run().dt() != null) {
            stability(model, grid.toGrid(), constants);
        }
        if (gridUsable && parametersOk && !affected("run.dt") && !affected("run.steps")) {
            timeStep(model, grid.toGrid(), constants);
        }
    }

    /** True when the reader already reported {@code path}, something below it or above it. */
    boolean affected(String path) {
        for (String b : broken) {
            if (b.equals(path) || b.startsWith(path + ".") || b.startsWith(path + "[") || path.startsWith(b + ".")
                    || path.startsWith(b + "[")) {
                return true;
            }
        }
        return false;
    }

    SourceMap map() {
        return map;
    }

    void report(SourceMap.Position at, String path, String message) {
        problems.add(new Problem(at.source(), at.line(), at.column(), path, message));
    }

    /** Reports an expression mistake at its column inside the file when the text is there verbatim. */
    void report(String path, String text, ExpressionException e) {
        String message = e.reason() + (e.hint() == null ? "" : "; " + e.hint());
        Optional<SourceMap.Position> verbatim = map.verbatimTextPosition(path);
        if (verbatim.isPresent()) {
            SourceMap.Position at = verbatim.get();
            report(new SourceMap.Position(at.source(), at.line(), at.column() + e.columnIn(text) - 1), path, message);
        } else {
            report(map.locate(path), path, message + " (column " + e.columnIn(text) + " of \"" + text + "\")");
        }
    }

    /**
     * Range checks the reader already does while parsing, repeated here for projects built in
     * memory (the workbench's editors); on a read project they find nothing new.
     */
    private boolean gridValues(GridSpec grid) {
        int dims = grid.dims();
        if (dims < 1 || dims > 3 || grid.origin().length != dims || grid.extent().length != dims
                || grid.periodic().length != dims || (grid.ranks() != null && grid.ranks().length != dims)) {
            report(map.locate("grid"), "grid", "origin, extent, cells, periodic and ranks need one value per"
                    + " dimension (1 to 3), got " + grid);
            return false;
        }
        boolean ok = true;
        for (int d = 0; d < dims; d++) {
            if (!(grid.extent()[d] > 0) || !Double.isFinite(grid.extent()[d])) {
                report(map.locate("grid.extent[" + d + "]"), "grid.extent[" + d + "]",
                        "expected a positive number, got " + number(grid.extent()[d]));
                ok = false;
            }
            if (!Double.isFinite(grid.origin()[d])) {
                report(map.locate("grid.origin[" + d + "]"), "grid.origin[" + d + "]", "expected a finite number");
                ok = false;
            }
            if (grid.cells()[d] < Decomposition.MIN_BLOCK_CELLS) {
                report(map.locate("grid.cells[" + d + "]"), "grid.cells[" + d + "]",
                        "expected a whole number >= " + Decomposition.MIN_BLOCK_CELLS + ", got " + grid.cells()[d]);
                ok = false;
            }
        }
        return ok;
    }

    private void runValues(RunSpec run) {
        if (affected("run")) {
            return;
        }
        if ((run.steps() == null) == (run.endTime() == null)) {
            report(map.locate("run"), "run", "give exactly one of run.steps and run.end_time");
        }
        if (run.steps() != null && run.steps() < 1) {
            report(map.locate("run.steps"), "run.steps", "expected a whole number >= 1, got " + run.steps());
        }
        if (run.endTime() != null && !(run.endTime() > 0)) {
            report(map.locate("run.end_time"), "run.end_time", "expected a positive number, got " + run.endTime());
        }
        if (run.dt() != null && !(run.dt() > 0)) {
            report(map.locate("run.dt"), "run.dt", "expected auto or a positive number, got " + run.dt());
        }
        if (run.threads() != null && run.threads() < 1) {
            report(map.locate("run.threads"), "run.threads", "expected auto or a whole number >= 1, got "
                    + run.threads());
        }
    }

    /** A layout fixed in grid.ranks must split the grid as run would: the same check, the same message. */
    private void ranks(GridSpec grid) {
        int[] ranks = grid.ranks();
        if (ranks != null) {
            problems.addAll(new RankFit(grid.toGrid(), ranks).problems(ranks, null, map));
        }
    }

    private boolean parameters(ModelDescription description) {
        boolean ok = true;
        for (Map.Entry<String, Double> given : project.model().parameters().entrySet()) {
            String path = "model.parameters." + given.getKey();
            Optional<ParameterSpec> spec = description.parameter(given.getKey());
            List<String> known = description.parameters().stream().map(ParameterSpec::name).toList();
            if (spec.isEmpty()) {
                report(map.locateKey(path), path, "model '" + description.name() + "' has no parameter '" + given.getKey()
                        + "'" + Hints.didYouMean(given.getKey(), known) + " (parameters: " + String.join(", ", known) + ")");
                ok = false;
            } else if (!spec.get().accepts(given.getValue())) {
                report(map.locate(path), path, given.getKey() + " must be " + spec.get().rangeText() + ", got "
                        + number(given.getValue()));
                ok = false;
            }
        }
        return ok;
    }

    private void stability(Model model, Grid grid, Map<String, Double> constants) {
        double dt = project.run().dt();
        double limit = model.stableTimeStep(grid, constants);
        if (dt > limit) {
            report(map.locate("run.dt"), "run.dt", "dt = " + number(dt) + " exceeds the stable limit "
                    + number(limit) + " of model '" + model.description().name() + "' (dt <= "
                    + model.description().timeStepRule() + "); use a smaller dt or dt: auto");
        }
    }

    /**
     * The step a run takes, and the time it reaches, must be positive finite numbers: an automatic
     * step of a very fine (or very coarse) grid can underflow to 0 (or overflow to infinity).
     */
    private void timeStep(Model model, Grid grid, Map<String, Double> constants) {
        Double given = project.run().dt();
        double dt = given != null ? given : model.stableTimeStep(grid, constants);
        if (given == null && !(dt > 0 && Double.isFinite(dt))) {
            report(map.locate("run.dt"), "run.dt", "the automatic time step " + model.description().timeStepRule()
                    + " of model '" + model.description().name() + "' is " + number(dt) + " on this grid (smallest"
                    + " spacing " + number(grid.minSpacing()) + "), so a run could not advance; use "
                    + (dt > 0 ? "smaller" : "larger") + " cells (grid.extent, grid.cells) or other model.parameters");
            return;
        }
        Long steps = project.run().steps();
        if (steps != null && !Double.isFinite(steps * dt)) {
            report(map.locate("run.steps"), "run.steps", steps + " steps of dt = " + number(dt)
                    + " end beyond the largest number (" + number(Double.MAX_VALUE) + "); use fewer steps");
        }
    }

    /** Six significant digits: enough to compare a time step with its limit. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            return s.replaceAll("\\.?0+e", "e");
        }
        return s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
    }

    /** Checks of the fields section: names, initial conditions, boundary sides and values, outputs. */
    private static final class FieldChecks {
        private final ProjectValidator v;
        private final Project project;
        private final Model model;
        private final Map<String, Double> constants;
        private final int dims;

        FieldChecks(ProjectValidator v, Project project, Model model, Map<String, Double> constants) {
            this.v = v;
            this.project = project;
            this.model = model;
            this.constants = constants;
            this.dims = project.grid().dims();
        }

        void check() {
            List<FieldDescription> all = model.fields(dims);
            List<String> prognostic = all.stream().filter(FieldDescription::prognostic).map(FieldDescription::name)
                    .toList();
            String modelName = model.description().name();
            for (Map.Entry<String, FieldSetup> field : project.fields().entrySet()) {
                String path = "fields." + field.getKey();
                if (!prognostic.contains(field.getKey())) {
                    v.report(v.map().locateKey(path), path, "model '" + modelName + "' has no prognostic field '"
                            + field.getKey() + "'" + Hints.didYouMean(field.getKey(), prognostic) + " (fields: "
                            + String.join(", ", prognostic) + ")");
                    continue;
                }
                setup(path, field.getValue());
            }
            for (String name : prognostic) {
                String path = "fields." + name;
                FieldSetup setup = project.fields().get(name);
                if ((setup == null || setup.initial() == null) && !v.affected(path)) {
                    v.report(v.map().locateMissing(path + ".initial"), path + ".initial", "missing initial condition for field '"
                            + name + "'; add " + path + ".initial: a number or an expression of the coordinates");
                }
            }
            outputs(all.stream().map(FieldDescription::name).toList());
        }

        private void setup(String path, FieldSetup setup) {
            if (setup.initial() != null) {
                expression(path + ".initial", setup.initial());
            }
            if (setup.all() != null) {
                expression(path + ".boundary.all.value", setup.all().value());
            }
            for (Map.Entry<BoundaryKey, BoundarySpec> side : setup.sides().entrySet()) {
                BoundaryKey key = side.getKey();
                String sidePath = path + ".boundary." + key.label();
                if (key.dim() >= dims) {
                    v.report(v.map().locateKey(sidePath), sidePath, "the grid is " + dims + "D and has no "
                            + Dimension.name(key.dim()) + " sides; remove " + key.label());
                } else if (!v.affected("grid.periodic") && project.grid().periodic()[key.dim()]) {
                    v.report(v.map().locateKey(sidePath), sidePath, Dimension.name(key.dim())
                            + " is periodic (grid.periodic[" + key.dim() + "]), so " + key.label()
                            + " takes no boundary condition; remove it or make " + Dimension.name(key.dim())
                            + " non-periodic");
                } else {
                    expression(sidePath + ".value", side.getValue().value());
                }
            }
        }

        private void expression(String path, String text) {
            if (v.affected(path)) {
                return;
            }
            try {
                Expression.parse(text).bind(constants, dims);
            } catch (ExpressionException e) {
                v.report(path, text, e);
            }
        }

        private void outputs(List<String> names) {
            List<String> wanted = project.output().fields();
            for (int i = 0; wanted != null && i < wanted.size(); i++) {
                String path = "output.fields[" + i + "]";
                if (!names.contains(wanted.get(i)) && !v.affected(path)) {
                    v.report(v.map().locate(path), path, "model '" + model.description().name() + "' has no field '"
                            + wanted.get(i) + "'" + Hints.didYouMean(wanted.get(i), names) + " (fields: "
                            + String.join(", ", names) + ")");
                }
            }
        }
    }
}
