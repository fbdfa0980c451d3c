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

    /** Makes host field {@code field} hold its current values (a device copies it back); called before it is read. */
    default void toHost(int field) {}

    /**
     * This rank's preview bins of a field, made where the field lives (a device bins it there and
     * sends only the bins); null when the space has no such way (the caller bins the host field).
     */
    default dev.stagger.engine.live.PreviewBinning.LocalBins previewBins(int field,
            dev.stagger.engine.live.PreviewBinning.Plan plan) {
        return null;
    }

    /**
     * The sum, min and max of a field's points {@code 1..n[d]} (the owned points the monitor's
     * statistics cover), computed where the field lives; null when the space has no such way.
     * The sum may be added in another order than the host's.
     */
    default double[] statistics(int field, int[] n) {
        return null;
    }

    /**
     * Whether every value of a field is known to be finite without looking at the host copy (a
     * device reduces it there); false means "not known", and the caller scans the host field.
     */
    default boolean surelyFinite(int field) {
        return false;
    }

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
