package dev.stagger.engine.model.diffusion;

import dev.stagger.engine.field.DoubleField;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.FloatField;
import dev.stagger.engine.launch.Box;

/**
 * One explicit diffusion step on cell centers, fused: {@code C' = C - Δt·∇·q} with the face fluxes
 * {@code q = -χ∇C} formed inline, so C is read once and C' written once per step (no flux arrays:
 * that is what lets the step run at memory bandwidth).
 *
 * <p>Written as {@code C' = C + a_d·((E-P) - (P-W))} per dimension with {@code a_d = Δt·χ/Δ_d²}:
 * the difference across a face is the same expression in both cells that share it, so with
 * zero-flux walls the total of C changes only by round-off. One loop per precision and dimension
 * count, flat arrays, running indices; shapes are checked once by the solver.
 */
final class DiffusionKernels {
    private DiffusionKernels() {}

    /**
     * Updates the interior centers of {@code next} inside {@code box} from {@code current}, with the
     * SIMD kernels when the JVM has the vector module, else with the scalar ones (same numbers).
     */
    static void step(Field current, Field next, Box box, double ax, double ay, double az) {
        Box b = interior(current, box);
        if (b.isEmpty()) {
            return;
        }
        if (VectorSupport.AVAILABLE) {
            DiffusionVectorKernels.step(current, next, b, ax, ay, az);
        } else {
            scalar(current, next, b, ax, ay, az);
        }
    }

    static Box interior(Field current, Box box) {
        return box.intersect(new Box(1, current.count(0), 1, current.count(1), 1, current.count(2)));
    }

    /** The scalar reference: every other kernel must give bit-for-bit these values. */
    static void scalar(Field current, Field next, Box b, double ax, double ay, double az) {
        if (b.isEmpty()) {
            return;
        }
        if (current instanceof DoubleField c) {
            stepF64(c.data(), ((DoubleField) next).data(), current, b, ax, ay, az);
        } else {
            stepF32(((FloatField) current).data(), ((FloatField) next).data(), current, b, (float) ax, (float) ay,
                    (float) az);
        }
    }

    static void stepF64(double[] c, double[] n, Field shape, Box b, double ax, double ay, double az) {
        int sy = shape.stride(1);
        int sz = shape.stride(2);
        int dims = shape.dims();
        for (int k = b.k0(); k <= b.k1(); k++) {
            for (int j = b.j0(); j <= b.j1(); j++) {
                int p0 = shape.index(b.i0(), j, k);
                rowF64(c, n, dims, sy, sz, p0, p0 + b.i1() - b.i0(), ax, ay, az);
            }
        }
    }

    /** One x row, flat indices {@code p0..p1}: also the remainder of a SIMD row (no allocation per row). */
    static void rowF64(double[] c, double[] n, int dims, int sy, int sz, int p0, int p1, double ax, double ay, double az) {
        if (dims == 1) {
            for (int p = p0; p <= p1; p++) {
                double cp = c[p];
                n[p] = cp + ax * ((c[p + 1] - cp) - (cp - c[p - 1]));
            }
        } else if (dims == 2) {
            for (int p = p0; p <= p1; p++) {
                double cp = c[p];
                n[p] = cp + ax * ((c[p + 1] - cp) - (cp - c[p - 1]))
                        + ay * ((c[p + sy] - cp) - (cp - c[p - sy]));
            }
        } else {
            for (int p = p0; p <= p1; p++) {
                double cp = c[p];
                n[p] = cp + ax * ((c[p + 1] - cp) - (cp - c[p - 1]))
                        + ay * ((c[p + sy] - cp) - (cp - c[p - sy]))
                        + az * ((c[p + sz] - cp) - (cp - c[p - sz]));
            }
        }
    }

    static void stepF32(float[] c, float[] n, Field shape, Box b, float ax, float ay, float az) {
        int sy = shape.stride(1);
        int sz = shape.stride(2);
        int dims = shape.dims();
        for (int k = b.k0(); k <= b.k1(); k++) {
            for (int j = b.j0(); j <= b.j1(); j++) {
                int p0 = shape.index(b.i0(), j, k);
                rowF32(c, n, dims, sy, sz, p0, p0 + b.i1() - b.i0(), ax, ay, az);
            }
        }
    }

    /** One x row, flat indices {@code p0..p1}: also the remainder of a SIMD row (no allocation per row). */
    static void rowF32(float[] c, float[] n, int dims, int sy, int sz, int p0, int p1, float ax, float ay, float az) {
        if (dims == 1) {
            for (int p = p0; p <= p1; p++) {
                float cp = c[p];
                n[p] = cp + ax * ((c[p + 1] - cp) - (cp - c[p - 1]));
            }
        } else if (dims == 2) {
            for (int p = p0; p <= p1; p++) {
                float cp = c[p];
                n[p] = cp + ax * ((c[p + 1] - cp) - (cp - c[p - 1]))
                        + ay * ((c[p + sy] - cp) - (cp - c[p - sy]));
            }
        } else {
            for (int p = p0; p <= p1; p++) {
                float cp = c[p];
                n[p] = cp + ax * ((c[p + 1] - cp) - (cp - c[p - 1]))
                        + ay * ((c[p + sy] - cp) - (cp - c[p - sy]))
                        + az * ((c[p + sz] - cp) - (cp - c[p - sz]));
            }
        }
    }
}
