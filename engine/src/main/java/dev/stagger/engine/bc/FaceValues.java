package dev.stagger.engine.bc;

import dev.stagger.engine.field.Field;
import dev.stagger.engine.grid.Side;

/**
 * Boundary values along one side of a field: a constant, or one value per point of the face,
 * evaluated once at set-up from an expression of the boundary coordinates. The face is indexed by
 * the two other dimensions' indices (absent dimensions have index 1), halo points included, so the
 * boundary condition also covers the ghost rows and corners.
 */
public final class FaceValues {
    private final double constant;
    private final double[] values;
    private final int firstA;
    private final int firstB;
    private final int sizeA;

    private FaceValues(double constant, double[] values, int firstA, int firstB, int sizeA) {
        this.constant = constant;
        this.values = values;
        this.firstA = firstA;
        this.firstB = firstB;
        this.sizeA = sizeA;
    }

    public static FaceValues constant(double value) {
        return new FaceValues(value, null, 0, 0, 0);
    }

    /** The value of a function of (x, y, z) at each face point of {@code field}'s side of dim d. */
    public static FaceValues evaluate(Field field, int d, Side side, CoordinateFunction function) {
        int a = d == 0 ? 1 : 0;
        int b = d == 2 ? 1 : 2;
        int firstA = field.first(a);
        int firstB = field.first(b);
        int sizeA = field.last(a) - firstA + 1;
        int sizeB = field.last(b) - firstB + 1;
        double[] values = new double[sizeA * sizeB];
        double[] xyz = new double[3];
        var axis = field.grid().axis(d);
        xyz[d] = side == Side.LOW ? axis.origin() : axis.end();
        for (int jb = 0; jb < sizeB; jb++) {
            if (b < field.dims()) {
                xyz[b] = field.coordinate(b, firstB + jb);
            }
            for (int ja = 0; ja < sizeA; ja++) {
                if (a < field.dims()) {
                    xyz[a] = field.coordinate(a, firstA + ja);
                }
                values[ja + sizeA * jb] = function.value(xyz[0], xyz[1], xyz[2]);
            }
        }
        return new FaceValues(0, values, firstA, firstB, sizeA);
    }

    public boolean isConstant() {
        return values == null;
    }

    /** Value at face indices (a, b): the indices of the lower and higher of the other dimensions. */
    public double at(int a, int b) {
        return values == null ? constant : values[(a - firstA) + sizeA * (b - firstB)];
    }

    /** A function of the coordinates of a point. */
    @FunctionalInterface
    public interface CoordinateFunction {
        double value(double x, double y, double z);
    }
}
