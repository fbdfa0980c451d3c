package dev.stagger.gui.monitor.state;

import java.util.Map;

/** One convergence check of an iterative model's step: the iteration and the errors, by name. */
public record ConvergencePoint(long step, long iteration, Map<String, Double> errors) {
    public ConvergencePoint {
        errors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errors));
    }
}
