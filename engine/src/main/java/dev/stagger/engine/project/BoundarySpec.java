package dev.stagger.engine.project;

import java.util.Objects;

/**
 * One side's boundary condition: Dirichlet fixes the value, Neumann the outward derivative.
 * {@code value} is the text of a number or an expression of the boundary coordinates.
 */
public record BoundarySpec(BoundaryType type, String value) {

    /** What a side gets when the project says nothing: zero flux. */
    public static final BoundarySpec ZERO_FLUX = new BoundarySpec(BoundaryType.NEUMANN, "0");

    public BoundarySpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }
}
