package dev.stagger.engine.run;

import dev.stagger.engine.bc.BoundarySetup;
import dev.stagger.engine.bc.FaceValues;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.model.Model;
import java.util.List;
import java.util.Map;

/**
 * A run with everything resolved to values: what the engine needs and nothing of the file it came
 * from. {@code dt} is the time step; the run ends after {@code steps} steps, or at {@code endTime}
 * (the last step shortened to land on it) when that is positive.
 *
 * @param name short name used for output files (the project file's base name)
 * @param ranks MPI ranks per dimension as the project gives them (0 = chosen automatically), or null for auto
 * @param outputEvery steps between outputs, 0 for the final state only
 */
public record RunPlan(
        String name,
        String title,
        Grid grid,
        int[] ranks,
        Model model,
        Map<String, Double> parameters,
        Map<String, FaceValues.CoordinateFunction> initial,
        Map<String, BoundarySetup> boundaries,
        Precision precision,
        int threads,
        long steps,
        double endTime,
        double dt,
        int outputEvery,
        List<String> outputFields) {

    public RunPlan {
        parameters = Map.copyOf(parameters);
        initial = Map.copyOf(initial);
        boundaries = Map.copyOf(boundaries);
        outputFields = List.copyOf(outputFields);
        ranks = ranks == null ? new int[grid.dims()] : ranks.clone();
        if (!(dt > 0) || !Double.isFinite(dt)) {
            // validation refuses these with the key that causes them; reaching here is a bug
            throw new IllegalArgumentException("time step must be positive and finite, got " + dt);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** Total number of steps: as given, or enough to reach the end time. */
    public long totalSteps() {
        return endTime > 0 ? (long) Math.ceil(endTime / dt - 1e-9) : steps;
    }

    /** The length of step number {@code step} (0-based), shortened at the end to hit the end time. */
    public double stepLength(long step, double time) {
        return endTime > 0 ? Math.min(dt, endTime - time) : dt;
    }

    @Override
    public int[] ranks() {
        return ranks.clone();
    }

    /**
     * Ranks per dimension for a run on {@code size} ranks: the project's, with free (0) entries
     * filled like MPI_Dims_create. One rank ignores the project's layout (an embedded run of a
     * project meant for a cluster still works).
     *
     * @throws IllegalArgumentException with a message for the user when the layout cannot hold that many ranks
     */
    public int[] ranksFor(int size) {
        int[] given = ranks.clone();
        if (size == 1) {
            java.util.Arrays.fill(given, 1);
            return given;
        }
        try {
            return dev.stagger.engine.distributed.Topology.createDims(size, given);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("grid.ranks " + java.util.Arrays.toString(ranks).replace(" ", "")
                    + " cannot hold " + size + " ranks; use grid.ranks: auto or start as many ranks as the layout has");
        }
    }

    public RunPlan withThreads(int newThreads) {
        return new RunPlan(name, title, grid, ranks, model, parameters, initial, boundaries, precision, newThreads, steps,
                endTime, dt, outputEvery, outputFields);
    }
}
