package dev.stagger.engine.render;

/**
 * A cividis-like map derived here, not copied: Nuñez, Anderton and Renslow (2018, PLoS ONE
 * 13(7): e0199239) designed cividis to run from dark blue to yellow with lightness rising linearly
 * and to look nearly the same to readers with red-green colour blindness. Those two properties are
 * what we build in, in {@link Oklab}:
 * <ul>
 *   <li>lightness L is linear in t between the two ends;</li>
 *   <li>the colour moves on a smooth curve in (a, b) (a quadratic Bézier) from the blue end through
 *       a nearly neutral, faintly warm grey at t = 0.5 ({@link #MIDDLE}; cividis's middle is a grey
 *       too) to the yellow end. The ends have a close to zero and so has the middle, so the map
 *       varies almost only along b, the blue-yellow axis that readers with red-green colour
 *       blindness (deuteranopes, protanopes) keep. The straight line between the ends would pass
 *       through olive greens instead;</li>
 *   <li>where a colour on that path is outside sRGB, its chroma (distance from the grey axis) is
 *       reduced at the same L and hue until it fits, so lightness stays linear.</li>
 * </ul>
 * The ends are the paper's: dark blue #00204D and yellow #FFEA46.
 */
final class Cividis {
    static final int LOW = 0x00204D;
    static final int HIGH = 0xFFEA46;

    private static final double[] FROM = Oklab.fromSrgb((LOW >> 16 & 0xFF) / 255.0, (LOW >> 8 & 0xFF) / 255.0,
            (LOW & 0xFF) / 255.0);
    private static final double[] TO = Oklab.fromSrgb((HIGH >> 16 & 0xFF) / 255.0, (HIGH >> 8 & 0xFF) / 255.0,
            (HIGH & 0xFF) / 255.0);

    /** (a, b) at t = 0.5: grey, a little to the yellow side, as cividis's middle is. */
    static final double[] MIDDLE = {0, 0.01};
    /** The Bézier's control point, placed so that the curve passes through {@link #MIDDLE} at t = 0.5. */
    private static final double[] CONTROL = {
        2 * MIDDLE[0] - 0.5 * (FROM[1] + TO[1]), 2 * MIDDLE[1] - 0.5 * (FROM[2] + TO[2])};

    private Cividis() {}

    /** The gamma-encoded sRGB {r, g, b} at t in [0, 1], each channel within [0, 1]. */
    static double[] at(double t) {
        double lightness = FROM[0] + t * (TO[0] - FROM[0]);
        double u = 1 - t;
        double a = u * u * FROM[1] + 2 * u * t * CONTROL[0] + t * t * TO[1];
        double b = u * u * FROM[2] + 2 * u * t * CONTROL[1] + t * t * TO[2];
        double[] rgb = Oklab.toSrgb(lightness, a, b);
        if (!Oklab.inGamut(rgb)) {
            // bisect the chroma factor: 0 (grey, always in gamut for 0 <= L <= 1) to 1 (outside)
            double lo = 0;
            double hi = 1;
            for (int k = 0; k < 40; k++) {
                double mid = 0.5 * (lo + hi);
                if (Oklab.inGamut(Oklab.toSrgb(lightness, a * mid, b * mid))) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            rgb = Oklab.toSrgb(lightness, a * lo, b * lo);
        }
        for (int c = 0; c < 3; c++) {
            rgb[c] = Math.max(0, Math.min(1, rgb[c]));
        }
        return rgb;
    }
}
