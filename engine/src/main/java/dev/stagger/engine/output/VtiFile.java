package dev.stagger.engine.output;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What {@link VtiReader} reads from a .vti: the piece extent in point indices (x0 x1 y0 y1 z0 z1),
 * origin and spacing (three each), the step and time when the file carries them, and the arrays by
 * name, point data and cell data apart, in file order.
 */
public record VtiFile(Path file, int[] extent, double[] origin, double[] spacing, OptionalLong step,
        OptionalDouble time, Map<String, VtiArray> pointData, Map<String, VtiArray> cellData) {

    public VtiFile {
        extent = extent.clone();
        origin = origin.clone();
        spacing = spacing.clone();
        pointData = Collections.unmodifiableMap(new LinkedHashMap<>(pointData));
        cellData = Collections.unmodifiableMap(new LinkedHashMap<>(cellData));
    }

    @Override
    public int[] extent() {
        return extent.clone();
    }

    @Override
    public double[] origin() {
        return origin.clone();
    }

    @Override
    public double[] spacing() {
        return spacing.clone();
    }

    /** Points per dimension (extent + 1; 1 where the extent is 0 0). */
    public int[] pointCounts() {
        return new int[] {extent[1] - extent[0] + 1, extent[3] - extent[2] + 1, extent[5] - extent[4] + 1};
    }

    /** Cells per dimension, counting a flat dimension (extent 0 0) as 1, as VTK does. */
    public int[] cellCounts() {
        int[] cells = new int[3];
        for (int d = 0; d < 3; d++) {
            cells[d] = Math.max(extent[2 * d + 1] - extent[2 * d], 1);
        }
        return cells;
    }

    /** Where an array is, or null when the file has no array of that name. */
    public DataAssociation association(String name) {
        return pointData.containsKey(name) ? DataAssociation.POINT
                : cellData.containsKey(name) ? DataAssociation.CELL : null;
    }

    /** Values of a point or cell array, x fastest. */
    public double[] values(String name) {
        VtiArray array = pointData.containsKey(name) ? pointData.get(name) : cellData.get(name);
        if (array == null) {
            throw new IllegalArgumentException(file + " has no array named '" + name + "'; it has point data "
                    + pointData.keySet() + " and cell data " + cellData.keySet());
        }
        return array.values();
    }
}
