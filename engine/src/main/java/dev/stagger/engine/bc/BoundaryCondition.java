package dev.stagger.engine.bc;

/**
 * A physical boundary condition on one side of one field (Chmy semantics, DESIGN section 4):
 * Dirichlet fixes the value on the boundary, Neumann fixes the outward derivative (the flux into
 * the domain is {@code -q}).
 */
public sealed interface BoundaryCondition {

    FaceValues values();

    record Dirichlet(FaceValues values) implements BoundaryCondition {}

    record Neumann(FaceValues values) implements BoundaryCondition {}

    static BoundaryCondition dirichlet(double value) {
        return new Dirichlet(FaceValues.constant(value));
    }

    static BoundaryCondition neumann(double value) {
        return new Neumann(FaceValues.constant(value));
    }
}
