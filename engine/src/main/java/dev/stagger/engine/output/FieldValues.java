package dev.stagger.engine.output;

import dev.stagger.engine.field.DoubleField;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.FloatField;
import dev.stagger.engine.grid.Location;
import java.io.IOException;

/**
 * Streams a field's interior (never its halo) into a sink, x fastest, in the field's own precision:
 * as stored for point data and all-Center fields, averaged onto cell centers for staggered fields.
 */
final class FieldValues {
    private FieldValues() {}

    /** Number of values {@link #write} emits for the field. */
    static long count(Field field) {
        long n = 1;
        for (int d = 0; d < 3; d++) {
            n *= extent(field, d);
        }
        return n;
    }

    static long bytes(Field field) {
        return count(field) * field.precision().bytes();
    }

    static void write(Field field, LittleEndianSink sink) throws IOException {
        int[] corners = cornerOffsets(field);
        int nx = extent(field, 0);
        int ny = extent(field, 1);
        int nz = extent(field, 2);
        for (int k = 1; k <= nz; k++) {
            for (int j = 1; j <= ny; j++) {
                int row = field.index(1, j, k);
                if (field instanceof FloatField f) {
                    writeRow(f.data(), row, nx, corners, sink);
                } else {
                    writeRow(((DoubleField) field).data(), row, nx, corners, sink);
                }
            }
        }
    }

    /** Points along d: a field's own count for point data, the cell count for cell data. */
    private static int extent(Field field, int d) {
        if (d >= field.dims()) {
            return 1;
        }
        return DataAssociation.of(field) == DataAssociation.POINT ? field.count(d) : field.grid().cells(d);
    }

    /**
     * Flat offsets, from a cell's index, of the values averaged onto it: cell c lies between
     * vertices c and c+1 in every Vertex dimension of a staggered field, so 2^m corners.
     */
    private static int[] cornerOffsets(Field field) {
        if (!DataAssociation.needsAveraging(field)) {
            return new int[] {0};
        }
        int[] offsets = {0};
        for (int d = 0; d < field.dims(); d++) {
            if (field.location(d) == Location.VERTEX) {
                int[] doubled = new int[offsets.length * 2];
                for (int n = 0; n < offsets.length; n++) {
                    doubled[2 * n] = offsets[n];
                    doubled[2 * n + 1] = offsets[n] + field.stride(d);
                }
                offsets = doubled;
            }
        }
        return offsets;
    }

    private static void writeRow(float[] data, int row, int nx, int[] corners, LittleEndianSink sink)
            throws IOException {
        if (corners.length == 1) {
            sink.putFloats(data, row, nx);
            return;
        }
        for (int i = 0; i < nx; i++) {
            double sum = 0;
            for (int corner : corners) {
                sum += data[row + i + corner];
            }
            // summing in double and rounding once gives the correctly rounded mean of two floats
            sink.putFloat((float) (sum / corners.length));
        }
    }

    private static void writeRow(double[] data, int row, int nx, int[] corners, LittleEndianSink sink)
            throws IOException {
        if (corners.length == 1) {
            sink.putDoubles(data, row, nx);
            return;
        }
        for (int i = 0; i < nx; i++) {
            double sum = 0;
            for (int corner : corners) {
                sum += data[row + i + corner];
            }
            sink.putDouble(sum / corners.length);
        }
    }
}
