package dev.stagger.engine.model.diffusion;

import dev.stagger.engine.field.DoubleField;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.FloatField;
import dev.stagger.engine.launch.Box;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The diffusion step of {@link DiffusionKernels} with explicit SIMD (the JDK's vector module):
 * whole vectors along each x row, the scalar loop for the remainder. Lane-wise add, subtract and
 * multiply in the same order as the scalar expression (no fused multiply-add), so the results are
 * bit-for-bit those of the scalar reference (tested). Only loaded when the module is present.
 */
final class DiffusionVectorKernels {
    private static final VectorSpecies<Double> F64 = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F32 = FloatVector.SPECIES_PREFERRED;

    private DiffusionVectorKernels() {}

    static void step(Field current, Field next, Box b, double ax, double ay, double az) {
        if (current instanceof DoubleField c) {
            stepF64(c.data(), ((DoubleField) next).data(), current, b, ax, ay, az);
        } else {
            stepF32(((FloatField) current).data(), ((FloatField) next).data(), current, b, (float) ax, (float) ay,
                    (float) az);
        }
    }

    private static void stepF64(double[] c, double[] n, Field shape, Box b, double ax, double ay, double az) {
        int sy = shape.dims() > 1 ? shape.stride(1) : 0;
        int sz = shape.dims() > 2 ? shape.stride(2) : 0;
        int lanes = F64.length();
        for (int k = b.k0(); k <= b.k1(); k++) {
            for (int j = b.j0(); j <= b.j1(); j++) {
                int p0 = shape.index(b.i0(), j, k);
                int end = p0 + b.i1() - b.i0() + 1;
                int p = p0;
                for (; p + lanes <= end; p += lanes) {
                    DoubleVector cp = DoubleVector.fromArray(F64, c, p);
                    DoubleVector r = cp.add(DoubleVector.fromArray(F64, c, p + 1).sub(cp)
                            .sub(cp.sub(DoubleVector.fromArray(F64, c, p - 1))).mul(ax));
                    if (sy != 0) {
                        r = r.add(DoubleVector.fromArray(F64, c, p + sy).sub(cp)
                                .sub(cp.sub(DoubleVector.fromArray(F64, c, p - sy))).mul(ay));
                    }
                    if (sz != 0) {
                        r = r.add(DoubleVector.fromArray(F64, c, p + sz).sub(cp)
                                .sub(cp.sub(DoubleVector.fromArray(F64, c, p - sz))).mul(az));
                    }
                    r.intoArray(n, p);
                }
                if (p < end) {
                    DiffusionKernels.rowF64(c, n, shape.dims(), sy, sz, p, end - 1, ax, ay, az);
                }
            }
        }
    }

    private static void stepF32(float[] c, float[] n, Field shape, Box b, float ax, float ay, float az) {
        int sy = shape.dims() > 1 ? shape.stride(1) : 0;
        int sz = shape.dims() > 2 ? shape.stride(2) : 0;
        int lanes = F32.length();
        for (int k = b.k0(); k <= b.k1(); k++) {
            for (int j = b.j0(); j <= b.j1(); j++) {
                int p0 = shape.index(b.i0(), j, k);
                int end = p0 + b.i1() - b.i0() + 1;
                int p = p0;
                for (; p + lanes <= end; p += lanes) {
                    FloatVector cp = FloatVector.fromArray(F32, c, p);
                    FloatVector r = cp.add(FloatVector.fromArray(F32, c, p + 1).sub(cp)
                            .sub(cp.sub(FloatVector.fromArray(F32, c, p - 1))).mul(ax));
                    if (sy != 0) {
                        r = r.add(FloatVector.fromArray(F32, c, p + sy).sub(cp)
                                .sub(cp.sub(FloatVector.fromArray(F32, c, p - sy))).mul(ay));
                    }
                    if (sz != 0) {
                        r = r.add(FloatVector.fromArray(F32, c, p + sz).sub(cp)
                                .sub(cp.sub(FloatVector.fromArray(F32, c, p - sz))).mul(az));
                    }
                    r.intoArray(n, p);
                }
                if (p < end) {
                    DiffusionKernels.rowF32(c, n, shape.dims(), sy, sz, p, end - 1, ax, ay, az);
                }
            }
        }
    }
}
