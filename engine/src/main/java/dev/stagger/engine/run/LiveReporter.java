package dev.stagger.engine.run;

import dev.stagger.engine.live.Event;
import dev.stagger.engine.live.LiveRun;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.Status;
import java.util.List;
import java.util.Map;

/**
 * Keeps rank 0's {@link LiveRun} current: the status after every step (a small record, no I/O),
 * progress events at most ten times a second plus the last step, log lines for outputs and
 * checkpoints. Does nothing where there is no live side (other ranks, unwatched runs).
 */
final class LiveReporter {
    private static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;

    private final LiveRun live;
    private final RunPlan plan;
    private final long total;
    private final List<String> ranks;
    private final List<String> fields;
    private final int rankCount;
    private long lastProgress = Long.MIN_VALUE;
    private Progress latest;

    LiveReporter(LiveRun live, RunPlan plan, long total, List<String> ranks, List<String> fields, int rankCount) {
        this.live = live;
        this.plan = plan;
        this.total = total;
        this.ranks = ranks == null ? List.of() : ranks;
        this.fields = fields;
        this.rankCount = rankCount;
        if (live != null) {
            for (String line : this.ranks) {
                live.events().log(0, "info", line);
            }
        }
    }

    private Status status(RunState state, long step, double time, double wall, double rate) {
        return new Status(plan.name(), plan.title(), plan.model().description().name(), state, step, total, time,
                plan.endTime(), wall, rate, rankCount, ranks, fields, plan.grid().dims(), plan.grid().cells());
    }

    void state(RunState state, long step, double time) {
        if (live != null) {
            double wall = latest == null ? 0 : latest.wallSeconds();
            double rate = latest == null ? 0 : latest.cellUpdatesPerSecond();
            live.update(status(state, step, time, wall, rate));
            live.events().append(Event.Kind.STATE, Map.of("step", (double) step), 0, "info",
                    state.name().toLowerCase() + " at step " + step);
        }
    }

    void stepped(Progress p, boolean paused) {
        latest = p;
        if (live == null) {
            return;
        }
        live.update(status(paused ? RunState.PAUSED : RunState.RUNNING, p.step(), p.time(), p.wallSeconds(),
                p.cellUpdatesPerSecond()));
        long now = System.nanoTime();
        // the first report goes out at once (now - MIN_VALUE would overflow to a negative number)
        if (lastProgress == Long.MIN_VALUE || now - lastProgress >= PROGRESS_INTERVAL_NANOS
                || p.step() == p.totalSteps()) {
            lastProgress = now;
            live.events().append(Event.Kind.PROGRESS, Map.of("step", (double) p.step(), "time", p.time(),
                    "wallSeconds", p.wallSeconds(), "cellUpdatesPerSecond", p.cellUpdatesPerSecond(), "totalSteps",
                    (double) p.totalSteps()), 0, "", "");
        }
    }

    void log(String text) {
        if (live != null) {
            live.events().log(0, "info", text);
        }
    }

    /** The run stops as failed at this step: the reason as an error line, the state, and no more waiting requests. */
    void failed(long step, double time, String message) {
        if (live != null) {
            live.events().log(0, "error", message);
            double wall = latest == null ? 0 : latest.wallSeconds();
            double rate = latest == null ? 0 : latest.cellUpdatesPerSecond();
            live.update(status(RunState.FAILED, step, time, wall, rate));
            live.events().append(Event.Kind.STATE, Map.of("step", (double) step), 0, "error", "failed at step " + step);
            live.drain("the run has failed: " + message);
        }
    }

    void finished(RunSummary summary, RunState state) {
        if (live != null) {
            live.events().log(0, "info", summary.line());
            if (summary.perRank().size() > 1 || summary.perRank().stream().anyMatch(l -> l.contains("cuda"))) {
                summary.perRank().forEach(l -> live.events().log(0, "info", l));
            }
            live.update(status(state, summary.steps(), summary.time(), summary.wallSeconds(),
                    summary.cellUpdatesPerSecond()));
            live.events().append(Event.Kind.STATE, Map.of("step", (double) summary.steps()), 0, "info",
                    state.name().toLowerCase() + " at step " + summary.steps());
            live.drain("the run has ended (" + state.name().toLowerCase() + ")");
        }
    }
}
