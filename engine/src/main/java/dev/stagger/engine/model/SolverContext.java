package dev.stagger.engine.model;

import dev.stagger.engine.bc.FieldBoundaries;
import dev.stagger.engine.distributed.HaloExchange;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import dev.stagger.engine.launch.Launcher;

/**
 * What a solver gets from the run: the grid of its block, precision, parameter values, the
 * launcher on this rank's workers, the halo exchange, and the project's initial and boundary
 * conditions. A solver never reads the project file itself, so the same solver serves the CLI,
 * the workbench, one rank or many.
 */
public interface SolverContext {

    Grid grid();

    Precision precision();

    double parameter(String name);

    Launcher launcher();

    HaloExchange exchange();

    /** A zeroed field with a halo of one. */
    Field newField(String name, Location[] location);

    /** Sets the interior of a prognostic field from its initial condition. */
    void initialize(Field field, String modelFieldName);

    /**
     * The boundary conditions of model field {@code modelFieldName} bound to {@code target} (a work
     * buffer of the same shape may carry the conditions of the field it becomes), set only on sides
     * that are physical domain boundaries of this rank.
     */
    FieldBoundaries boundaries(Field target, String modelFieldName);

    /**
     * The ranks of this run, for reductions a model computes itself (a convergence check, a
     * time-step rule): every rank calls the same reductions in the same order.
     */
    /**
     * The step a restarted run continues from (its fields come from a checkpoint through
     * {@link #initialize}); -1 for a run from the initial conditions.
     */
    default long restartStep() {
        return -1;
    }

    /**
     * The device this rank's fields live on (a GPU of the CUDA backend), or null for host arrays
     * worked on by {@link #launcher()}.
     */
    default Object device() {
        return null;
    }

    /**
     * Whether halo exchange overlaps the inner region's computation (on, except to measure what
     * overlap gains); the launcher applies it on the host, a device backend with its streams.
     */
    default boolean overlap() {
        return true;
    }

    default dev.stagger.engine.distributed.Communicator communicator() {
        return new dev.stagger.engine.distributed.SelfCommunicator();
    }
}
