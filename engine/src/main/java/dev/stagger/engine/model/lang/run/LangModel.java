package dev.stagger.engine.model.lang.run;

import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.model.FieldDescription;
import dev.stagger.engine.model.FieldKind;
import dev.stagger.engine.model.Model;
import dev.stagger.engine.model.ModelDescription;
import dev.stagger.engine.model.ParameterSpec;
import dev.stagger.engine.model.Solver;
import dev.stagger.engine.model.SolverContext;
import dev.stagger.engine.model.lang.check.CheckedModel;
import dev.stagger.engine.model.lang.check.Locations;
import dev.stagger.engine.model.lang.eval.ReferenceEvaluator;
import dev.stagger.engine.model.lang.jvm.CompiledModel;
import dev.stagger.engine.model.lang.syntax.ModelFile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A model written in the model language, as a {@link Model} of the registry: the CLI, validation,
 * the run assembly and the workbench use it like the hand-written ones. Its kernels are compiled
 * to JVM code once per precision, the first time a solver is made.
 */
public final class LangModel implements Model {
    private final CheckedModel model;
    private final Execution.Mode mode;
    private final ModelDescription description;
    private final Map<Precision, CompiledModel> compiled = new EnumMap<>(Precision.class);

    public LangModel(CheckedModel model) {
        this(model, Execution.Mode.COMPILED);
    }

    public LangModel(CheckedModel model, Execution.Mode mode) {
        this(model, mode, model.file().name());
    }

    /** The model under another name (a catalogue entry may be named apart from its file). */
    public LangModel(CheckedModel model, Execution.Mode mode, String name) {
        this.model = model;
        this.mode = mode;
        ModelFile file = model.file();
        List<ParameterSpec> parameters = new ArrayList<>();
        for (ModelFile.Parameter p : file.parameters()) {
            parameters.add(new ParameterSpec(p.name(), p.unit(), p.defaultValue(), p.min(), p.max(), p.minExclusive(),
                    p.help()));
        }
        String rule = file.stableDt() == null ? "none (give run.dt)" : file.stableDt().text();
        this.description = new ModelDescription(name, file.title() == null ? name : file.title(),
                file.summary() == null ? "" : file.summary().strip(), file.dims(), file.dims(), parameters, rule);
    }

    public CheckedModel checked() {
        return model;
    }

    @Override
    public ModelDescription description() {
        return description;
    }

    @Override
    public List<FieldDescription> fields(int dims) {
        List<FieldDescription> result = new ArrayList<>();
        List<FieldDescription> others = new ArrayList<>();
        for (CheckedModel.Field f : model.fields()) {
            if (!f.output() && !f.prognostic()) {
                continue;
            }
            FieldDescription d = new FieldDescription(f.name(), FieldKind.SCALAR, Locations.toLocations(f.location()),
                    f.prognostic(), f.unit(), f.help());
            (f.prognostic() ? result : others).add(d);
        }
        result.addAll(others);
        return result;
    }

    @Override
    public double stableTimeStep(Grid grid, Map<String, Double> parameters) {
        if (model.stableDt() == null) {
            return Double.POSITIVE_INFINITY;
        }
        double[] scalars = new double[model.scalarNames().size()];
        GridScalars.fill(model, grid, scalars);
        for (ModelFile.Parameter p : model.file().parameters()) {
            scalars[model.slot(p.name())] = parameters.getOrDefault(p.name(), p.defaultValue());
        }
        for (CheckedModel.Assignment c : model.constants()) {
            scalars[c.slot()] = ReferenceEvaluator.scalar(c.value(), scalars);
        }
        return ReferenceEvaluator.scalar(model.stableDt(), scalars);
    }

    @Override
    public int arraysPerRank(int dims) {
        return model.fields().size();
    }

    @Override
    public Solver createSolver(SolverContext context) {
        CompiledModel code = mode == Execution.Mode.COMPILED ? compiled(context.precision()) : null;
        return new LangSolver(context, model, mode, code);
    }

    /** The compiled code for a precision, compiled on first use (ranks in one process share it). */
    public synchronized CompiledModel compiled(Precision precision) {
        return compiled.computeIfAbsent(precision, p -> CompiledModel.compile(model, p == Precision.F32));
    }
}
