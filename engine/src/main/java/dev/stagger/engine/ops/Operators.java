package dev.stagger.engine.ops;

import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.VectorField;
import dev.stagger.engine.grid.Location;

/**
 * Finite-difference operators as small pure functions of (field, index), Chmy's semantics: a
 * derivative of a Center field along d lives on the vertex i ({@code (f[i]-f[i-1])/Δ}), of a
 * Vertex field on the center i ({@code (f[i+1]-f[i])/Δ}); {@code lerp} averages the two neighbours
 * along d onto the other location. These serve set-up, diagnostics and tests; kernels inline the
 * same arithmetic over flat arrays.
 */
public final class Operators {
    private Operators() {}

    /** ∂f/∂x_d at index (i, j, k) of the location opposite to f's along d. */
    public static double derivative(Field f, int d, int i, int j, int k) {
        int p = f.index(i, j, k);
        int s = f.stride(d);
        double h = f.grid().spacing(d);
        return f.location(d) == Location.CENTER ? (f.get(p) - f.get(p - s)) / h : (f.get(p + s) - f.get(p)) / h;
    }

    /** ∂²f/∂x_d² at (i, j, k), at f's own location. */
    public static double secondDerivative(Field f, int d, int i, int j, int k) {
        int p = f.index(i, j, k);
        int s = f.stride(d);
        double h = f.grid().spacing(d);
        return (f.get(p + s) - 2 * f.get(p) + f.get(p - s)) / (h * h);
    }

    /** Sum of the second derivatives over all dimensions. */
    public static double laplacian(Field f, int i, int j, int k) {
        double sum = 0;
        for (int d = 0; d < f.dims(); d++) {
            sum += secondDerivative(f, d, i, j, k);
        }
        return sum;
    }

    /** Divergence of a staggered vector field at cell center (i, j, k). */
    public static double divergence(VectorField v, int i, int j, int k) {
        double sum = 0;
        for (int d = 0; d < v.dims(); d++) {
            sum += derivative(v.component(d), d, i, j, k);
        }
        return sum;
    }

    /** Average of the two neighbours along d, onto the location opposite to f's there. */
    public static double lerp(Field f, int d, int i, int j, int k) {
        int p = f.index(i, j, k);
        int s = f.stride(d);
        return f.location(d) == Location.CENTER ? 0.5 * (f.get(p - s) + f.get(p)) : 0.5 * (f.get(p) + f.get(p + s));
    }

    /**
     * f interpolated to {@code target} at (i, j, k): averaged along every dimension where the
     * locations differ (2, 4 or 8 neighbours, equal weights on a uniform grid).
     */
    public static double interpolate(Field f, Location[] target, int i, int j, int k) {
        int[] lo = {i, j, k};
        int[] span = {0, 0, 0};
        for (int d = 0; d < f.dims(); d++) {
            if (target[d] != f.location(d)) {
                span[d] = 1;
                if (f.location(d) == Location.CENTER) {
                    lo[d] -= 1;
                }
            }
        }
        double sum = 0;
        int n = 0;
        for (int c = 0; c <= span[2]; c++) {
            for (int b = 0; b <= span[1]; b++) {
                for (int a = 0; a <= span[0]; a++) {
                    sum += f.at(lo[0] + a, lo[1] + b, lo[2] + c);
                    n++;
                }
            }
        }
        return sum / n;
    }

    /** |v| at cell center (i, j, k), each component interpolated to the center first. */
    public static double magnitudeAtCenter(VectorField v, int i, int j, int k) {
        Location[] centers = Location.all(Location.CENTER, v.dims());
        double sum = 0;
        for (int d = 0; d < v.dims(); d++) {
            double c = interpolate(v.component(d), centers, i, j, k);
            sum += c * c;
        }
        return Math.sqrt(sum);
    }
}
