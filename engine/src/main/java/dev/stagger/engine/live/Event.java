package dev.stagger.engine.live;

import java.util.Map;

/**
 * One numbered entry of a run's stream: progress, metrics or a log line. Sequence numbers start
 * at 1 and have no gaps, so a client that reconnects asks for what follows the last one it saw.
 *
 * @param values for PROGRESS: step, time, wallSeconds, cellUpdatesPerSecond, totalSteps;
 *     for METRICS: "field.min", "field.max", "field.mean" per field, residuals by name, and step/time;
 *     or, for one convergence check of an iterative model's last step, {@link #CONVERGENCE_ITERATION}
 *     and "convergence.&lt;error&gt;" with step/time
 * @param text the log line (LOG), with its rank and level in {@code rank} and {@code level}
 */
public record Event(long sequence, Kind kind, long epochMillis, Map<String, Double> values, int rank, String level,
        String text) {

    /** The key that marks a METRICS event as one convergence check (the iteration it was made at). */
    public static final String CONVERGENCE_ITERATION = "convergence.iteration";

    public enum Kind {
        PROGRESS,
        METRICS,
        LOG,
        STATE
    }

    public Event {
        values = Map.copyOf(values);
        text = text == null ? "" : text;
        level = level == null ? "" : level;
    }

    public double value(String key) {
        Double v = values.get(key);
        return v == null ? Double.NaN : v;
    }
}
