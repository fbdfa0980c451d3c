package dev.stagger.gui.monitor.feed;

import dev.stagger.engine.live.Event;
import dev.stagger.engine.live.Status;
import dev.stagger.gui.monitor.state.ChartPoint;
import dev.stagger.gui.monitor.state.ChartThinning;
import dev.stagger.gui.monitor.state.ConvergencePoint;
import dev.stagger.gui.monitor.state.LogLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the run's events and statuses into chart points and log lines, remembering how far the
 * stream has been read. Poll thread only.
 */
final class EventDigest {
    private long lastSequence;
    private final ChartThinning progressThinning = new ChartThinning();

    /** The sequence number of the last event read: the next poll asks for what came after it. */
    long lastSequence() {
        return lastSequence;
    }

    void digest(List<Event> events, FeedBatch batch) {
        // read from sequence 1 on: the stream's first "running" state is the run's start, at wall time 0
        boolean fromStart = lastSequence == 0 && !events.isEmpty() && events.get(0).sequence() == 1;
        for (Event e : events) {
            lastSequence = e.sequence();
            if (fromStart && e.kind() == Event.Kind.STATE && e.text().startsWith("running")) {
                chartPoint(batch, 0, e.value("step"), false);
                fromStart = false;
            }
            digest(e, batch);
        }
    }

    /** The status is a point of its own: the chart needs no progress event to draw from the first status on. */
    void statusPoint(Status status, FeedBatch batch) {
        chartPoint(batch, status.wallSeconds(), status.step(), status.state().isOver());
    }

    private void digest(Event e, FeedBatch batch) {
        switch (e.kind()) {
            case PROGRESS -> chartPoint(batch, e.value("wallSeconds"), e.value("step"),
                    e.value("step") == e.value("totalSteps"));
            case METRICS -> {
                double step = e.value("step");
                if (e.values().containsKey(Event.CONVERGENCE_ITERATION)) {
                    convergence(e, batch);
                    return;
                }
                e.values().entrySet().stream()
                        .filter(v -> !v.getKey().equals("step") && !v.getKey().equals("time"))
                        // an infinite value (Stokes' advective dt limit while V = 0) has no place on a chart
                        // axis, and one such point leaves a JavaFX chart empty
                        .filter(v -> Double.isFinite(v.getValue()))
                        .sorted(Map.Entry.comparingByKey())
                        .forEach(v -> batch.metrics.computeIfAbsent(v.getKey(), k -> new ArrayList<>())
                                .add(new ChartPoint(step, v.getValue())));
            }
            case LOG -> batch.log.add(new LogLine(e.epochMillis(), e.rank(), e.level(), e.text()));
            case STATE -> batch.log.add(new LogLine(e.epochMillis(), e.rank(), "state", e.text()));
        }
    }

    /** One convergence check: its errors by name ("convergence.err_Vx" is err_Vx). */
    private static void convergence(Event e, FeedBatch batch) {
        Map<String, Double> errors = new java.util.LinkedHashMap<>();
        e.values().entrySet().stream()
                .filter(v -> v.getKey().startsWith("convergence.") && !v.getKey().equals(Event.CONVERGENCE_ITERATION))
                .sorted(Map.Entry.comparingByKey())
                .forEach(v -> errors.put(v.getKey().substring("convergence.".length()), v.getValue()));
        batch.convergence.add(new ConvergencePoint((long) e.value("step"), (long) e.value(Event.CONVERGENCE_ITERATION),
                errors));
    }

    /** Adds a step-over-wall-time point if {@link ChartThinning} takes it. */
    private void chartPoint(FeedBatch batch, double wall, double step, boolean last) {
        if (progressThinning.accept(wall, step, last)) {
            batch.progress.add(new ChartPoint(wall, step));
        }
    }
}
