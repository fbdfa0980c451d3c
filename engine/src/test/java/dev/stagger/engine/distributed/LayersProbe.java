package dev.stagger.engine.distributed;

import dev.stagger.engine.field.Field;
import java.nio.DoubleBuffer;

/** Test access to the package-private {@link Layers}: the reference for the CUDA pack and unpack. */
public final class LayersProbe {
    private LayersProbe() {}

    public static double[] pack(Field field, int d, int from, int to) {
        DoubleBuffer buffer = DoubleBuffer.allocate(Layers.size(field, d) * (to - from + 1));
        Layers.pack(field, d, from, to, buffer);
        return buffer.array();
    }

    public static void unpack(Field field, int d, int from, int to, double[] values) {
        Layers.unpack(field, d, from, to, DoubleBuffer.wrap(values));
    }
}
