package dev.stagger.engine.model;

import dev.stagger.engine.grid.Grid;
import java.util.List;
import java.util.Map;

/**
 * A physical model: its description (parameters, fields, stability rule) and, for a run, the
 * solver that advances its fields. Implementations are registered in {@link Models}.
 */
public interface Model {

    ModelDescription description();

    /** The fields of this model on a grid of {@code dims} dimensions, prognostic ones first. */
    List<FieldDescription> fields(int dims);

    /**
     * Largest stable time step on {@code grid} for the given parameter values (every parameter of
     * the description is present). Validation compares a project's explicit time step with it.
     */
    double stableTimeStep(Grid grid, Map<String, Double> parameters);

    /**
     * How many arrays of a rank's block (halos included) a solver keeps: its fields and their work
     * copies. Run checks it against the heap before it allocates. The default assumes every
     * component of every field has one work copy; a model that keeps more says so.
     */
    default int arraysPerRank(int dims) {
        int arrays = 0;
        for (FieldDescription field : fields(dims)) {
            arrays += switch (field.kind()) {
                case SCALAR -> 1;
                case VECTOR -> dims;
                case TENSOR -> dims * dims;
            };
        }
        return 2 * arrays;
    }

    /** A solver for one rank, its fields initialised and their halos filled. */
    Solver createSolver(SolverContext context);
}
