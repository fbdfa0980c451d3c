package dev.stagger.engine.live;

import java.util.List;

/**
 * A run's state at a glance.
 *
 * @param ranks one line per rank: host, block and backend (e.g. "rank 1 on node7: cells 64x128 at (64,0), cpu x 8 threads")
 */
public record Status(
        String runName,
        String title,
        String model,
        RunState state,
        long step,
        long totalSteps,
        double time,
        double endTime,
        double wallSeconds,
        double cellUpdatesPerSecond,
        int rankCount,
        List<String> ranks,
        List<String> fields,
        int dims,
        int[] cells) {

    public Status {
        ranks = List.copyOf(ranks);
        fields = List.copyOf(fields);
        cells = cells.clone();
    }

    /** The same status in another state (paused, resumed). */
    public Status withState(RunState newState) {
        return new Status(runName, title, model, newState, step, totalSteps, time, endTime, wallSeconds,
                cellUpdatesPerSecond, rankCount, ranks, fields, dims, cells);
    }

    @Override
    public int[] cells() {
        return cells.clone();
    }
}
