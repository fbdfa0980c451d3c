package dev.stagger.engine.project;

import dev.stagger.engine.backend.Backend;
import dev.stagger.engine.field.Precision;
import java.util.Objects;

/**
 * How long and how a run goes. Exactly one of {@code steps} and {@code endTime} is set in a valid
 * project; {@code dt} and {@code threads} are null for "auto" (the model's stable step, all cores).
 * {@code backend} is {@code run.backend} (cpu unless the project says otherwise).
 */
public record RunSpec(Long steps, Double endTime, Double dt, Integer threads, Precision precision, Backend backend) {

    public RunSpec {
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(backend, "backend");
    }

    /** A run on the CPU. */
    public RunSpec(Long steps, Double endTime, Double dt, Integer threads, Precision precision) {
        this(steps, endTime, dt, threads, precision, Backend.CPU);
    }

    public RunSpec withBackend(Backend other) {
        return new RunSpec(steps, endTime, dt, threads, precision, other);
    }

    public static RunSpec steps(long steps) {
        return new RunSpec(steps, null, null, null, Precision.F64);
    }
}
