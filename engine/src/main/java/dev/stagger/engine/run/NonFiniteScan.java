package dev.stagger.engine.run;

import dev.stagger.engine.field.DoubleField;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.FloatField;

/**
 * Finds the first value of a field's interior that is not a finite number (NaN, ±Infinity), in
 * storage order (x fastest). One read of the interior, over the flat array: each row is summed as
 * {@code v * 0}, which is 0 for every finite value and NaN for the others, and only a row whose sum
 * is not 0 is searched value by value. Nothing is allocated unless a value is found.
 */
final class NonFiniteScan {
    private NonFiniteScan() {}

    /** The 1-based local indices {i, j, k} of the first non-finite interior value, or null when there is none. */
    static int[] first(Field field) {
        if (field instanceof DoubleField f) {
            return first(f.data(), field);
        }
        return first(((FloatField) field).data(), field);
    }

    private static int[] first(double[] values, Field field) {
        int nx = field.count(0);
        for (int k = 1; k <= field.count(2); k++) {
            for (int j = 1; j <= field.count(1); j++) {
                int row = field.index(1, j, k);
                double zeroIfFinite = 0;
                for (int i = 0; i < nx; i++) {
                    zeroIfFinite += values[row + i] * 0.0;
                }
                if (zeroIfFinite != 0) {
                    for (int i = 0; i < nx; i++) {
                        if (!Double.isFinite(values[row + i])) {
                            return new int[] {i + 1, j, k};
                        }
                    }
                }
            }
        }
        return null;
    }

    private static int[] first(float[] values, Field field) {
        int nx = field.count(0);
        for (int k = 1; k <= field.count(2); k++) {
            for (int j = 1; j <= field.count(1); j++) {
                int row = field.index(1, j, k);
                float zeroIfFinite = 0;
                for (int i = 0; i < nx; i++) {
                    zeroIfFinite += values[row + i] * 0.0f;
                }
                if (zeroIfFinite != 0) {
                    for (int i = 0; i < nx; i++) {
                        if (!Float.isFinite(values[row + i])) {
                            return new int[] {i + 1, j, k};
                        }
                    }
                }
            }
        }
        return null;
    }
}
