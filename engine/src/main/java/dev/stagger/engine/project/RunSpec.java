package dev.stagger.engine.project;

import dev.stagger.engine.field.Precision;
import java.util.Objects;

/**
 * How long and how a run goes. Exactly one of {@code steps} and {@code endTime} is set in a valid
 * project; {@code dt} and {@code threads} are null for "auto" (the model's stable step, all cores).
 */
public record RunSpec(Long steps, Double endTime, Double dt, Integer threads, Precision precision) {

    public RunSpec {
        Objects.requireNonNull(precision, "precision");
    }

    public static RunSpec steps(long steps) {
        return new RunSpec(steps, null, null, null, Precision.F64);
    }
}
