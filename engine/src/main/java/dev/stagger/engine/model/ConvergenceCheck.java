package dev.stagger.engine.model;

import java.util.Map;

/**
 * One convergence check of an iterative model's loop (a pseudo-transient iteration): the iteration
 * it was made at, counted from 1 within the loop, and the errors the loop's criteria read, by name
 * (Stokes: err_divV, err_Vx, err_Vy), in the model's order.
 */
public record ConvergenceCheck(long iteration, Map<String, Double> errors) {
    public ConvergenceCheck {
        errors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errors));
    }
}
