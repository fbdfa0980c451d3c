package dev.stagger.engine.bc;

import dev.stagger.engine.field.Field;
import dev.stagger.engine.grid.Location;
import dev.stagger.engine.grid.Side;

/**
 * The boundary conditions of one field, per dimension and side. A side without a condition is left
 * alone (it is periodic, or a neighbouring rank fills it through the halo exchange).
 *
 * <p>Per dimension d, on the ghost layer next to each side, over the full face including halos:
 * <ul>
 *   <li>Vertex in d: Dirichlet(a) sets the boundary node itself, {@code f[1]=a}, {@code f[n+1]=a};
 *       Neumann(q) sets the ghost, {@code f[0]=f[1]-Δq}, {@code f[n+2]=f[n+1]+Δq}.
 *   <li>Center in d: Dirichlet(a) sets the ghost so the face value is a, {@code f[0]=2a-f[1]},
 *       {@code f[n+1]=2a-f[n]}; Neumann(q) {@code f[0]=f[1]-Δq}, {@code f[n+1]=f[n]+Δq}.
 * </ul>
 * {@link #applyAll()} goes z, y, x, so x wins at corners.
 */
public final class FieldBoundaries {
    private final Field field;
    private final BoundaryCondition[][] conditions;

    public FieldBoundaries(Field field) {
        this.field = field;
        this.conditions = new BoundaryCondition[field.dims()][2];
    }

    public Field field() {
        return field;
    }

    public FieldBoundaries set(int d, Side side, BoundaryCondition condition) {
        conditions[d][side.ordinal()] = condition;
        return this;
    }

    /** The same condition on every side of every dimension. */
    public FieldBoundaries setAll(BoundaryCondition condition) {
        for (int d = 0; d < field.dims(); d++) {
            for (Side side : Side.values()) {
                set(d, side, condition);
            }
        }
        return this;
    }

    public BoundaryCondition get(int d, Side side) {
        return conditions[d][side.ordinal()];
    }

    public void applyAll() {
        for (int d = field.dims() - 1; d >= 0; d--) {
            apply(d);
        }
    }

    /** Applies both sides of dimension d. */
    public void apply(int d) {
        for (Side side : Side.values()) {
            BoundaryCondition bc = conditions[d][side.ordinal()];
            if (bc != null) {
                apply(d, side, bc);
            }
        }
    }

    private void apply(int d, Side side, BoundaryCondition bc) {
        int a = d == 0 ? 1 : 0;
        int b = d == 2 ? 1 : 2;
        int n = field.count(d);
        boolean vertex = field.location(d) == Location.VERTEX;
        boolean low = side == Side.LOW;
        boolean dirichlet = bc instanceof BoundaryCondition.Dirichlet;
        double h = field.grid().spacing(d);
        // target: the point written; source: its interior neighbour; sign: +1 high, -1 low
        int target;
        int source;
        if (vertex && dirichlet) {
            target = low ? 1 : n;
            source = target;
        } else {
            target = low ? 0 : n + 1;
            source = low ? 1 : n;
        }
        double sign = low ? -1 : 1;
        int strideD = field.stride(d);
        int strideA = field.stride(a);
        int strideB = field.stride(b);
        int delta = (source - target) * strideD;
        FaceValues values = bc.values();
        for (int ib = field.first(b); ib <= field.last(b); ib++) {
            for (int ia = field.first(a); ia <= field.last(a); ia++) {
                int flat = field.offset() + target * strideD + ia * strideA + ib * strideB;
                double v = values.at(ia, ib);
                double result;
                if (dirichlet) {
                    result = vertex ? v : 2 * v - field.get(flat + delta);
                } else {
                    result = field.get(flat + delta) + sign * h * v;
                }
                field.set(flat, result);
            }
        }
    }
}
