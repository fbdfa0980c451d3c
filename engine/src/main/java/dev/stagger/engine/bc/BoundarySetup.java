package dev.stagger.engine.bc;

import dev.stagger.engine.distributed.HaloExchange;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.grid.Side;

/**
 * The boundary conditions a project gives one model field, before they are bound to a field's
 * storage: per dimension and side, Dirichlet or Neumann with a value as a function of the boundary
 * coordinates. Periodic dimensions have none.
 */
public final class BoundarySetup {
    private final Side[] sides = Side.values();
    private final boolean[][] dirichlet;
    private final FaceValues.CoordinateFunction[][] values;
    private final boolean[][] constant;

    public BoundarySetup(int dims) {
        dirichlet = new boolean[dims][2];
        values = new FaceValues.CoordinateFunction[dims][2];
        constant = new boolean[dims][2];
    }

    /** Sets one side. {@code isConstant} lets the binding skip evaluating the function per face point. */
    public BoundarySetup set(int d, Side side, boolean isDirichlet, FaceValues.CoordinateFunction value,
            boolean isConstant) {
        dirichlet[d][side.ordinal()] = isDirichlet;
        values[d][side.ordinal()] = value;
        constant[d][side.ordinal()] = isConstant;
        return this;
    }

    public BoundarySetup setConstant(int d, Side side, boolean isDirichlet, double value) {
        return set(d, side, isDirichlet, (x, y, z) -> value, true);
    }

    public boolean has(int d, Side side) {
        return values[d][side.ordinal()] != null;
    }

    /** The conditions for {@code target}, on the sides that are physical boundaries of this rank. */
    public FieldBoundaries bind(Field target, HaloExchange exchange) {
        FieldBoundaries result = new FieldBoundaries(target);
        for (int d = 0; d < dirichlet.length; d++) {
            for (Side side : sides) {
                FaceValues.CoordinateFunction f = values[d][side.ordinal()];
                if (f == null || !exchange.isDomainBoundary(d, side.ordinal())) {
                    continue;
                }
                FaceValues face = constant[d][side.ordinal()]
                        ? FaceValues.constant(f.value(0, 0, 0))
                        : FaceValues.evaluate(target, d, side, f);
                result.set(d, side, dirichlet[d][side.ordinal()]
                        ? new BoundaryCondition.Dirichlet(face)
                        : new BoundaryCondition.Neumann(face));
            }
        }
        return result;
    }
}
