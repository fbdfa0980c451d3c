package dev.stagger.engine.distributed;

import dev.stagger.engine.field.DoubleField;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.FloatField;

/**
 * The halo exchange of a periodic dimension held by a single rank: each ghost layer takes the
 * interior layer one period away ({@code f[g] = f[g ± n]}), over the full cross-section including
 * the halos of the other dimensions, so corners come right when dimensions go in sequence. For a
 * Vertex field the point n+1 is the same physical point as 1: it is computed, never copied.
 */
public final class PeriodicWrap {
    private PeriodicWrap() {}

    public static void wrap(Field field, int d) {
        int period = field.grid().cells(d);
        int halo = field.halo();
        int count = field.count(d);
        int a = d == 0 ? 1 : 0;
        int b = d == 2 ? 1 : 2;
        for (int h = 1; h <= halo; h++) {
            copyLayer(field, d, a, b, 1 - h, 1 - h + period);
            copyLayer(field, d, a, b, count + h, count + h - period);
        }
    }

    private static void copyLayer(Field field, int d, int a, int b, int target, int source) {
        int strideD = field.stride(d);
        int strideA = field.stride(a);
        int strideB = field.stride(b);
        int delta = (source - target) * strideD;
        int firstA = field.first(a);
        int lastA = field.last(a);
        for (int ib = field.first(b); ib <= field.last(b); ib++) {
            int flat = field.offset() + target * strideD + firstA * strideA + ib * strideB;
            if (field instanceof DoubleField df) {
                double[] v = df.data();
                for (int ia = firstA; ia <= lastA; ia++, flat += strideA) {
                    v[flat] = v[flat + delta];
                }
            } else {
                float[] v = ((FloatField) field).data();
                for (int ia = firstA; ia <= lastA; ia++, flat += strideA) {
                    v[flat] = v[flat + delta];
                }
            }
        }
    }
}
