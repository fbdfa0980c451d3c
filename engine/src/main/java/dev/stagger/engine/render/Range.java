package dev.stagger.engine.render;

/**
 * The values mapped to the ends of the colour map (2D) or of the value axis (1D): fixed, or
 * {@link #auto()}, the preview's own min and max. Both NaN means auto; otherwise both must be
 * finite with {@code min <= max} ({@code min == max} is drawn as a constant field).
 */
public record Range(double min, double max) {

    private static final Range AUTO = new Range(Double.NaN, Double.NaN);

    public Range {
        boolean auto = Double.isNaN(min) && Double.isNaN(max);
        if (!auto && !(Double.isFinite(min) && Double.isFinite(max) && min <= max)) {
            throw new IllegalArgumentException("range " + min + " to " + max
                    + ": needs finite min <= max (or Range.auto())");
        }
    }

    /** The preview's own min and max. */
    public static Range auto() {
        return AUTO;
    }

    public static Range of(double min, double max) {
        return new Range(min, max);
    }

    public boolean isAuto() {
        return Double.isNaN(min);
    }
}
