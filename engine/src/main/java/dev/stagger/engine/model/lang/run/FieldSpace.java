package dev.stagger.engine.model.lang.run;

import java.util.List;

/**
 * Where a model's fields live while it runs, and the field operations of its step program on
 * them: the host's arrays (worker threads) or a GPU's memory. {@link LangSolver} interprets the
 * program (loops, conditions, scalars, convergence) once for both; only these operations differ.
 */
public interface FieldSpace extends AutoCloseable {

    /** Runs kernel {@code index} over its range, then exchanges and bounds the fields it lists under {@code then}. */
    void kernel(int index);

    /** Swaps the values of two fields of the same shape. */
    void swap(int a, int b);

    /** Copies field {@code from} into field {@code to}. */
    void copy(int to, int from);

    /** Exchanges the halos of the fields and applies their boundary conditions, dimension z, y, x. */
    void boundary(List<Integer> fields);

    /** Reduction {@code index} over this rank's points (the caller combines the ranks). */
    double reduce(int index);

    /** Makes the host fields hold the current values (a device copies them back); called before they are read. */
    default void toHost() {}

    /** Where the fields live, for the run's per-rank table ("cuda device 0 (...)"); null for the host. */
    default String describe() {
        return null;
    }

    /** Seconds spent computing and exchanging halos so far, where the space measures them; empty otherwise. */
    default double[] timings() {
        return new double[0];
    }

    @Override
    default void close() {}
}
