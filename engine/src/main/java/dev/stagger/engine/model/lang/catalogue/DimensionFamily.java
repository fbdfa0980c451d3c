package dev.stagger.engine.model.lang.catalogue;

import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.model.FieldDescription;
import dev.stagger.engine.model.Model;
import dev.stagger.engine.model.ModelDescription;
import dev.stagger.engine.model.Solver;
import dev.stagger.engine.model.SolverContext;
import dev.stagger.engine.model.lang.run.LangModel;
import java.util.List;
import java.util.Map;

/**
 * One model name for a model written once per dimension count: {@code diffusion} is
 * {@code diffusion-eq-1d}, {@code -2d} or {@code -3d} by the grid's dimensions. Projects name it as
 * they always have; the equations are the catalogue's model files.
 */
public final class DimensionFamily implements Model {
    private final ModelDescription description;
    private final Map<Integer, LangModel> byDims;

    DimensionFamily(ModelDescription description, Map<Integer, LangModel> byDims) {
        this.description = description;
        this.byDims = Map.copyOf(byDims);
    }

    /** The member for a grid of {@code dims} dimensions. */
    public LangModel forDims(int dims) {
        LangModel m = byDims.get(dims);
        if (m == null) {
            throw new IllegalArgumentException(description.name() + " has no " + dims + "D form; it runs in "
                    + description.minDims() + "D to " + description.maxDims() + "D");
        }
        return m;
    }

    @Override
    public ModelDescription description() {
        return description;
    }

    @Override
    public List<FieldDescription> fields(int dims) {
        return forDims(dims).fields(dims);
    }

    @Override
    public double stableTimeStep(Grid grid, Map<String, Double> parameters) {
        return forDims(grid.dims()).stableTimeStep(grid, parameters);
    }

    @Override
    public int arraysPerRank(int dims) {
        return forDims(dims).arraysPerRank(dims);
    }

    @Override
    public Solver createSolver(SolverContext context) {
        return forDims(context.grid().dims()).createSolver(context);
    }
}
