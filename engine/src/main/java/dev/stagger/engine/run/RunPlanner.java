package dev.stagger.engine.run;

import dev.stagger.engine.bc.BoundarySetup;
import dev.stagger.engine.bc.FaceValues;
import dev.stagger.engine.expr.CompiledExpression;
import dev.stagger.engine.expr.Expression;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Side;
import dev.stagger.engine.model.FieldDescription;
import dev.stagger.engine.model.Model;
import dev.stagger.engine.model.Models;
import dev.stagger.engine.project.BoundarySpec;
import dev.stagger.engine.project.BoundaryType;
import dev.stagger.engine.project.FieldSetup;
import dev.stagger.engine.project.Project;
import dev.stagger.engine.project.RunSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a validated {@link Project} into a {@link RunPlan}: expressions compiled against the
 * parameter values, "auto" settings resolved, command-line overrides of the run applied.
 */
public final class RunPlanner {
    private RunPlanner() {}

    /** Settings the CLI or the workbench may impose on top of the project's run section. */
    public record RunOverrides(Integer threads, Long steps, Precision precision,
            dev.stagger.engine.backend.Backend backend) {
        public static final RunOverrides NONE = new RunOverrides(null, null, null);

        /** Without a backend override (the project's run.backend holds). */
        public RunOverrides(Integer threads, Long steps, Precision precision) {
            this(threads, steps, precision, null);
        }
    }

    /** The plan for a project that passed validation (the reader validates). */
    public static RunPlan plan(Project project, String name, RunOverrides overrides) {
        Model model = Models.find(project.model().name())
                .orElseThrow(() -> new IllegalArgumentException("unknown model " + project.model().name()));
        Grid grid = project.grid().toGrid();
        Map<String, Double> parameters = project.model().resolvedParameters(model.description());
        Map<String, FaceValues.CoordinateFunction> initial = new LinkedHashMap<>();
        Map<String, BoundarySetup> boundaries = new LinkedHashMap<>();
        for (FieldDescription field : model.fields(grid.dims())) {
            if (!field.prognostic()) {
                continue;
            }
            FieldSetup setup = project.fields().get(field.name());
            CompiledExpression ic = Expression.parse(setup.initial()).bind(parameters, grid.dims());
            initial.put(field.name(), ic::value);
            boundaries.put(field.name(), boundaries(setup, grid, parameters));
        }
        RunSpec run = project.run();
        double stable = model.stableTimeStep(grid, parameters);
        double dt = run.dt() != null ? run.dt() : stable;
        long steps = overrides.steps() != null ? overrides.steps() : run.steps() != null ? run.steps() : 0;
        double endTime = overrides.steps() == null && run.endTime() != null ? run.endTime() : 0;
        int threads = overrides.threads() != null ? overrides.threads()
                : run.threads() != null ? run.threads() : Runtime.getRuntime().availableProcessors();
        Precision precision = overrides.precision() != null ? overrides.precision() : run.precision();
        // by default every field the model describes (a model's state may be more than what the
        // project initialises: Stokes' velocities and stresses)
        List<String> described = model.fields(grid.dims()).stream().map(FieldDescription::name).toList();
        List<String> outputFields = project.output().fields() != null ? project.output().fields() : described;
        return new RunPlan(name, project.title(), grid, project.grid().ranks(), model, parameters, initial, boundaries, precision, threads,
                steps, endTime, dt, Math.toIntExact(project.output().every()), outputFields);
    }

    private static BoundarySetup boundaries(FieldSetup setup, Grid grid, Map<String, Double> parameters) {
        BoundarySetup result = new BoundarySetup(grid.dims());
        for (int d = 0; d < grid.dims(); d++) {
            if (grid.periodic(d)) {
                continue;
            }
            for (Side side : Side.values()) {
                BoundarySpec spec = setup.boundary(d, side);
                CompiledExpression value = Expression.parse(spec.value()).bind(parameters, grid.dims());
                result.set(d, side, spec.type() == BoundaryType.DIRICHLET, value::value, value.isConstant());
            }
        }
        return result;
    }
}
