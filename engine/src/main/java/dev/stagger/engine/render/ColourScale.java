package dev.stagger.engine.render;

/**
 * Where each value falls on the colour map: {@link #fraction} gives t in [0, 1] for
 * {@link Colormap#argb}. Linear: t = (v - lo) / (hi - lo). Log: t = (log v - log lo) / (log hi -
 * log lo), with lo > 0. A logarithm has no place for zero or negative values, so under a log
 * scale:
 * <ul>
 *   <li>the range starts at the smallest positive value (of the data, or of a fixed range whose
 *       low end is not positive), and</li>
 *   <li>non-positive values are "under" the range: drawn in the map's low-end colour (as values
 *       below a fixed range are), with {@link #hasUnder()} so that the colour bar says so;</li>
 *   <li>when no value is positive there is nothing to take logarithms of: the scale falls back
 *       to linear and {@link #note()} says why, for the picture to show.</li>
 * </ul>
 * Shared by the headless renderer and the workbench, so both place values alike.
 *
 * @param scale the scale used (LINEAR after a fallback)
 * @param lo the value at t = 0
 * @param hi the value at t = 1, {@code hi > lo}
 * @param hasUnder under LOG, whether some finite values are not positive
 * @param note why the scale asked for was not used, or ""
 */
public record ColourScale(Scale scale, double lo, double hi, boolean hasUnder, String note) {
    /** What a log scale with nothing positive says. */
    public static final String NO_POSITIVE = "log scale needs values > 0: shown linear";
    /** What a log scale says for a 1D field: its line plot keeps a linear value axis. */
    public static final String LINE_STAYS_LINEAR = "log scale is for 2D pictures: a line plot stays linear";

    public ColourScale {
        if (!(hi > lo) || (scale == Scale.LOG && !(lo > 0)) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException(scale + " colour scale from " + lo + " to " + hi);
        }
    }

    public static ColourScale linear(double lo, double hi) {
        return new ColourScale(Scale.LINEAR, lo, hi, false, "");
    }

    /**
     * The scale for {@code values} under {@code requested}.
     *
     * @param linearLo the linear range's low end, already chosen (the fixed range, or the data's
     *     own, widened when empty): used as is for LINEAR and for the fallback
     * @param linearHi its high end, {@code > linearLo}
     * @param fixed whether the range was fixed by the user (its ends are then kept where they can be)
     */
    public static ColourScale of(Scale requested, double linearLo, double linearHi, boolean fixed, float[] values) {
        if (requested != Scale.LOG) {
            return linear(linearLo, linearHi);
        }
        double smallestPositive = Double.POSITIVE_INFINITY;
        double largest = Double.NEGATIVE_INFINITY;
        boolean under = false;
        for (float v : values) {
            if (v > 0 && v < Float.POSITIVE_INFINITY) {
                smallestPositive = Math.min(smallestPositive, v);
                largest = Math.max(largest, v);
            } else if (v <= 0) {
                under = true; // -inf too; NaN is neither
            }
        }
        double lo = fixed && linearLo > 0 ? linearLo : smallestPositive;
        double hi = fixed ? linearHi : largest;
        if (!(hi > 0) || !Double.isFinite(lo)) {
            return new ColourScale(Scale.LINEAR, linearLo, linearHi, false, NO_POSITIVE);
        }
        if (!(hi > lo)) {
            // one positive value (or a fixed top below the data's smallest): a decade around it
            double centre = Math.sqrt(Math.min(lo, hi) * Math.max(lo, hi));
            lo = centre / Math.sqrt(10);
            hi = centre * Math.sqrt(10);
        }
        return new ColourScale(Scale.LOG, lo, hi, under, "");
    }

    /** t of {@code v}: below 0 or above 1 outside the range (clamped by the map), NaN for NaN, -inf for v <= 0 on LOG. */
    public double fraction(double v) {
        if (scale == Scale.LOG) {
            if (v > 0) {
                return (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
            }
            return Double.isNaN(v) ? Double.NaN : Double.NEGATIVE_INFINITY;
        }
        return (v - lo) / (hi - lo);
    }

    /** The value at t (the inverse of {@link #fraction} within the range): for colour bars. */
    public double valueAt(double t) {
        if (scale == Scale.LOG) {
            return Math.pow(10, Math.log10(lo) + t * (Math.log10(hi) - Math.log10(lo)));
        }
        return lo + t * (hi - lo);
    }

    public boolean isLog() {
        return scale == Scale.LOG;
    }
}
