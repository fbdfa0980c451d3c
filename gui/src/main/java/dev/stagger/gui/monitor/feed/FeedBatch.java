package dev.stagger.gui.monitor.feed;

import dev.stagger.engine.live.Status;
import dev.stagger.gui.monitor.state.ChartPoint;
import dev.stagger.gui.monitor.state.ConvergencePoint;
import dev.stagger.gui.monitor.state.LogLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the feed learnt since the last pulse: the newest status, new chart points and log lines.
 * Built on the poll thread, merged under the feed's lock, applied whole by the pulse.
 */
public final class FeedBatch {
    Status status;
    final List<ChartPoint> progress = new ArrayList<>();
    final Map<String, List<ChartPoint>> metrics = new LinkedHashMap<>();
    final List<LogLine> log = new ArrayList<>();
    final List<ConvergencePoint> convergence = new ArrayList<>();

    /** The newest status, or null when no round ended since. */
    public Status status() {
        return status;
    }

    /** New points of the progress chart (step over wall seconds), already thinned. */
    public List<ChartPoint> progress() {
        return progress;
    }

    /** New points per metric key, in order of arrival. */
    public Map<String, List<ChartPoint>> metrics() {
        return metrics;
    }

    /** New convergence checks of iterative models, in order of arrival. */
    public List<ConvergencePoint> convergence() {
        return convergence;
    }

    public List<LogLine> log() {
        return log;
    }

    public boolean isEmpty() {
        return status == null && progress.isEmpty() && metrics.isEmpty() && log.isEmpty()
                && convergence.isEmpty();
    }

    /** Adds {@code later}'s news to this one's; its status replaces this one's. */
    void merge(FeedBatch later) {
        if (later.status != null) {
            status = later.status;
        }
        progress.addAll(later.progress);
        later.metrics.forEach((k, v) -> metrics.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        log.addAll(later.log);
        convergence.addAll(later.convergence);
    }
}
