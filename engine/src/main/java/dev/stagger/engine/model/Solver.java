package dev.stagger.engine.model;

import dev.stagger.engine.field.Field;
import java.util.List;
import java.util.Map;

/**
 * Advances one model's fields on one rank. Created by {@link Model#createSolver(SolverContext)} with
 * the fields initialised and their halos filled; the run loop calls {@link #step(double)}.
 */
public interface Solver {

    /** The fields a user can output or preview, by their model names. */
    List<Field> fields();

    default Field field(String name) {
        for (Field f : fields()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no field named " + name);
    }

    /** Advances every field by one time step of length dt, halos and boundaries included. */
    void step(double dt);

    /**
     * The length of the step just taken, when the model chose it itself (a CFL rule inside the
     * model); NaN when it took the dt it was given. The run's time advances by this.
     */
    default double lastStepLength() {
        return Double.NaN;
    }

    /**
     * Bytes that must move per step for T_eff (ParallelStencil's convention {@code A_eff = 2·D_u + D_k}:
     * each updated array read and written once, each read-only array read once).
     */
    long effectiveBytesPerStep();

    /** Model-specific convergence measures of the last step (empty for explicit models). */
    default Map<String, Double> residuals() {
        return Map.of();
    }

    /**
     * The convergence checks of the last step's iteration loop, in order (empty for explicit
     * models): what the monitor plots as residual over iterations. Every rank holds the same values.
     */
    default List<ConvergenceCheck> convergence() {
        return List.of();
    }

    /**
     * This rank's part of a live preview of a field (collective: every rank calls it; rank 0 gets
     * the preview). A device backend bins the field where it lives.
     */
    default dev.stagger.engine.live.Preview preview(dev.stagger.engine.distributed.Communicator comm,
            dev.stagger.engine.distributed.Decomposition decomposition, String name,
            dev.stagger.engine.live.PreviewRequest request, long step, double time) {
        return dev.stagger.engine.live.PreviewBinning.collect(comm, decomposition, field(name), request, step, time);
    }

    /**
     * Sum, point count, min and max of this rank's own points of a field (the live metrics); a
     * device backend reduces them where the field lives.
     */
    default double[] statistics(String name, dev.stagger.engine.distributed.Decomposition decomposition, int rank) {
        return dev.stagger.engine.run.FieldStatistics.owned(field(name), decomposition, rank);
    }

    /**
     * For each of {@link #fields()}, whether its values are known to be finite without reading it
     * (a device backend checks on the device, so the finiteness scan need not copy it back).
     */
    default boolean[] surelyFinite() {
        return new boolean[fields().size()];
    }

    /** Where the fields live, for the run's per-rank table ("cuda device 0 (...)"); null for host arrays. */
    default String device() {
        return null;
    }

    /**
     * Seconds this rank spent {computing, exchanging halos} so far, where the solver measures them
     * itself (a device backend, whose launches return before they finish); empty otherwise.
     */
    default double[] timings() {
        return new double[0];
    }

    /** Frees what the solver holds outside the Java heap (device memory); the default holds nothing. */
    default void close() {}
}
