package dev.stagger.gui.monitor;

import dev.stagger.engine.live.Preview;

/** Small previews for tests and the benchmark. */
public final class Previews {
    private Previews() {}

    /** An nx by ny raster on [0, 1]² (cell centres) whose value is {@code x + 10 y}. */
    public static Preview ramp(String field, long step, int nx, int ny) {
        float[] values = new float[nx * ny];
        double[] x = centres(nx);
        double[] y = centres(ny);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                float v = (float) (x[i] + 10 * y[j]);
                values[i + nx * j] = v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return new Preview(field, step, step * 0.01, nx, ny, values, x, y, min, max, "x", ny == 1 ? "" : "y", -1, 0,
                Double.NaN);
    }

    public static double[] centres(int n) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = (i + 0.5) / n;
        }
        return c;
    }
}
