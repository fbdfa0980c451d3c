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
 * @param outputEvery steps between outputs, 0 for the final state only
 */
public record RunPlan(
        String name,
        String title,
        Grid grid,
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
        if (!(dt > 0)) {
            throw new IllegalArgumentException("time step must be positive, got " + dt);
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

    public RunPlan withThreads(int newThreads) {
        return new RunPlan(name, title, grid, model, parameters, initial, boundaries, precision, newThreads, steps,
                endTime, dt, outputEvery, outputFields);
    }
}
