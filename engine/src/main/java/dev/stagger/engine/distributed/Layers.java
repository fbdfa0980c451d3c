package dev.stagger.engine.distributed;

import dev.stagger.engine.field.DoubleField;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.FloatField;
import java.nio.DoubleBuffer;

/**
 * Copies whole layers of a field (all points with index {@code i} along d, over the full cross-
 * section of the other dimensions, halos included) to and from a contiguous buffer, in a fixed
 * order both sides agree on. Sending the full cross-section is what makes corners right when
 * dimensions are exchanged one after the other.
 */
final class Layers {
    private Layers() {}

    /** Points in one layer of {@code field} across dimension d. */
    static int size(Field field, int d) {
        return field.length() / field.size(d);
    }

    /** Appends layers {@code from..to} (inclusive) along d to the buffer at its position. */
    static void pack(Field field, int d, int from, int to, DoubleBuffer buffer) {
        int a = d == 0 ? 1 : 0;
        int b = d == 2 ? 1 : 2;
        int strideA = field.stride(a);
        for (int layer = from; layer <= to; layer++) {
            for (int ib = field.first(b); ib <= field.last(b); ib++) {
                int flat = field.offset() + layer * field.stride(d) + field.first(a) * strideA + ib * field.stride(b);
                int n = field.last(a) - field.first(a) + 1;
                if (field instanceof DoubleField df) {
                    double[] v = df.data();
                    for (int c = 0; c < n; c++, flat += strideA) {
                        buffer.put(v[flat]);
                    }
                } else {
                    float[] v = ((FloatField) field).data();
                    for (int c = 0; c < n; c++, flat += strideA) {
                        buffer.put(v[flat]);
                    }
                }
            }
        }
    }

    /** Fills layers {@code from..to} along d from the buffer at its position. */
    static void unpack(Field field, int d, int from, int to, DoubleBuffer buffer) {
        int a = d == 0 ? 1 : 0;
        int b = d == 2 ? 1 : 2;
        int strideA = field.stride(a);
        for (int layer = from; layer <= to; layer++) {
            for (int ib = field.first(b); ib <= field.last(b); ib++) {
                int flat = field.offset() + layer * field.stride(d) + field.first(a) * strideA + ib * field.stride(b);
                int n = field.last(a) - field.first(a) + 1;
                if (field instanceof DoubleField df) {
                    double[] v = df.data();
                    for (int c = 0; c < n; c++, flat += strideA) {
                        v[flat] = buffer.get();
                    }
                } else {
                    float[] v = ((FloatField) field).data();
                    for (int c = 0; c < n; c++, flat += strideA) {
                        v[flat] = (float) buffer.get();
                    }
                }
            }
        }
    }
}
