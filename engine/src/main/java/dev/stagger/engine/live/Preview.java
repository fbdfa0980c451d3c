package dev.stagger.engine.live;

/**
 * A picture-sized view of one field at one step, as the live-run server sends it: float32 values
 * on an {@code nx} by {@code ny} raster (x fastest; {@code ny = 1} for a 1D field), each value the
 * mean of the block of grid points it covers, with the coordinates of the raster's points (block
 * centres) and the field's true min and max over the whole grid. A 3D field is previewed as one
 * slice: {@code sliceAxis} (0-2, or -1 in 1D and 2D) at grid index {@code sliceIndex}, and x, y
 * then name the two remaining axes in order.
 */
public record Preview(
        String field,
        long step,
        double time,
        int nx,
        int ny,
        float[] values,
        double[] x,
        double[] y,
        double min,
        double max,
        String xLabel,
        String yLabel,
        int sliceAxis,
        int sliceIndex,
        double sliceCoordinate) {

    public Preview {
        if (values.length != nx * ny || x.length != nx || y.length != ny) {
            throw new IllegalArgumentException("preview of " + field + ": " + values.length + " values, " + x.length
                    + " x and " + y.length + " y coordinates for a " + nx + " x " + ny + " raster");
        }
    }

    public float value(int i, int j) {
        return values[i + nx * j];
    }

    public boolean isLine() {
        return ny == 1;
    }
}
