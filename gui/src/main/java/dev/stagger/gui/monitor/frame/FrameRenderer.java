package dev.stagger.gui.monitor.frame;

import dev.stagger.engine.live.Preview;
import dev.stagger.engine.render.Colormap;
import dev.stagger.engine.render.ColourScale;
import dev.stagger.engine.render.Range;
import dev.stagger.engine.render.Scale;

/**
 * Colour-maps a {@link Preview} into ARGB pixels, off the FX thread. One flat loop per row over the
 * float values, a 256-entry table lookup per value; the output's row 0 is the raster's last row, so
 * y goes up on screen. The same colours as the engine's PNG figures ({@link Colormap#argb}): a value
 * at fraction t of the range takes entry {@code floor(t * 256)} (t = 1 the last), values outside the
 * range are clamped, NaN is the map's bad colour, and an empty range is widened like the figures do.
 * On a log scale ({@link ColourScale}) t is the fraction of the range's decades, and values that
 * are not positive take the low-end colour.
 */
public final class FrameRenderer {
    private static final int LAST = Colormap.SIZE - 1;
    /** A relative range below about a hundred float steps: previews carry floats, so no finer. */
    private static final double FLOAT_RESOLVED = 1e-5;

    private FrameRenderer() {}

    /** A new frame of {@code preview} in {@code map}, spanning {@code range} (auto: the preview's min and max). */
    public static Frame render(Preview preview, Colormap map, Range range) {
        return render(preview, map, range, Scale.LINEAR);
    }

    /** As {@link #render(Preview, Colormap, Range)}, with the colours spread by {@code scale}. */
    public static Frame render(Preview preview, Colormap map, Range range, Scale scale) {
        double[] span = span(preview, range);
        ColourScale colours = preview.isLine()
                ? new ColourScale(Scale.LINEAR, span[0], span[1], false,
                        scale == Scale.LOG ? ColourScale.LINE_STAYS_LINEAR : "")
                : ColourScale.of(scale, span[0], span[1], !range.isAuto(), preview.values());
        int[] argb = new int[preview.nx() * preview.ny()];
        if (colours.isLog()) {
            renderLog(preview.values(), preview.nx(), preview.ny(), map.table(), map.badArgb(), colours.lo(),
                    colours.hi(), argb);
        } else {
            render(preview.values(), preview.nx(), preview.ny(), map.table(), map.badArgb(), colours.lo(),
                    colours.hi(), argb);
        }
        return new Frame(preview, argb, map, colours);
    }

    /**
     * The values mapped to the colour map's ends: the fixed range, or the preview's min and max;
     * an empty or non-finite one widened so that a constant field shows the map's middle.
     */
    static double[] span(Preview preview, Range range) {
        double lo = range.isAuto() ? preview.min() : range.min();
        double hi = range.isAuto() ? preview.max() : range.max();
        if (range.isAuto() && hi - lo <= FLOAT_RESOLVED * Math.max(Math.abs(lo), Math.abs(hi))) {
            double[] shown = floatRange(preview.values());
            lo = shown[0];
            hi = shown[1];
        }
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi) {
            lo = 0;
            hi = 1;
        }
        if (!(hi > lo)) {
            double d = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= d;
            hi += d;
        }
        return new double[] {lo, hi};
    }

    /**
     * The range of the values as shown (floats). Used when the field's exact range is too narrow for
     * floats to resolve (a field at steady state): mapped over its exact min and max, such a field
     * would show as one colour with a colour bar of identical ticks; over the floats' own range its
     * remaining variation spans the map.
     */
    private static double[] floatRange(float[] values) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            if (v < lo) {
                lo = v;
            }
            if (v > hi) {
                hi = v;
            }
        }
        return new double[] {lo, hi};
    }

    /**
     * The kernel: {@code values} (nx by ny, x fastest, row 0 at the bottom) into {@code out} (row 0 at
     * the top) through {@code table} (256 entries); {@code hi > lo}.
     */
    static void render(float[] values, int nx, int ny, int[] table, int bad, double lo, double hi, int[] out) {
        if (table.length != Colormap.SIZE || values.length != nx * ny || out.length != nx * ny || !(hi > lo)) {
            throw new IllegalArgumentException("render: " + values.length + " values, " + out.length + " pixels for "
                    + nx + " x " + ny + ", table " + table.length + ", range " + lo + " to " + hi);
        }
        // the same arithmetic as Colormap.argb, so both give the same entry to the last bit:
        // t = (v - lo) * (1 / (hi - lo)), entry floor(t * 256), clamped to 0..255
        final double inv = 1 / (hi - lo);
        for (int j = 0; j < ny; j++) {
            int src = j * nx;
            int dst = (ny - 1 - j) * nx;
            for (int i = 0; i < nx; i++) {
                float v = values[src + i];
                double t = (v - lo) * inv;
                int k = t <= 0 ? 0 : t >= 1 ? LAST : Math.min(LAST, (int) (t * Colormap.SIZE));
                // NaN fails both comparisons and lands in (int) NaN = 0: the bad colour instead
                out[dst + i] = v == v ? table[k] : bad;
            }
        }
    }

    /**
     * The log kernel: as {@link #render(float[], int, int, int[], int, double, double, int[])} with
     * t = (log10 v - log10 lo) / (log10 hi - log10 lo), the arithmetic of
     * {@link ColourScale#fraction}; {@code 0 < lo < hi}. Values that are not positive are under the
     * range (the low-end colour), NaN the bad colour.
     */
    static void renderLog(float[] values, int nx, int ny, int[] table, int bad, double lo, double hi, int[] out) {
        if (table.length != Colormap.SIZE || values.length != nx * ny || out.length != nx * ny || !(hi > lo && lo > 0)) {
            throw new IllegalArgumentException("render: " + values.length + " values, " + out.length + " pixels for "
                    + nx + " x " + ny + ", table " + table.length + ", log range " + lo + " to " + hi);
        }
        final double logLo = Math.log10(lo);
        final double decades = Math.log10(hi) - logLo;
        for (int j = 0; j < ny; j++) {
            int src = j * nx;
            int dst = (ny - 1 - j) * nx;
            for (int i = 0; i < nx; i++) {
                float v = values[src + i];
                int k;
                if (v > 0) {
                    double t = (Math.log10(v) - logLo) / decades;
                    k = t <= 0 ? 0 : t >= 1 ? LAST : Math.min(LAST, (int) (t * Colormap.SIZE));
                } else {
                    k = 0;
                }
                out[dst + i] = v == v ? table[k] : bad;
            }
        }
    }
}
