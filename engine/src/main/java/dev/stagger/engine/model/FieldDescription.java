package dev.stagger.engine.model;

import dev.stagger.engine.grid.Location;

/**
 * A field a model computes. {@code location} holds one entry per dimension (for a scalar);
 * {@code prognostic} fields are the model's state: they take an initial condition and boundary
 * conditions in the project file, the others are derived each step (fluxes, stresses).
 */
public record FieldDescription(String name, FieldKind kind, Location[] location, boolean prognostic, String unit,
        String help) {

    public FieldDescription {
        location = location.clone();
    }

    @Override
    public Location[] location() {
        return location.clone();
    }
}
