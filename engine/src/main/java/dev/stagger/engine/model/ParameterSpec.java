package dev.stagger.engine.model;

/**
 * One model parameter as the CLI and the workbench show it: a name used in project files and
 * expressions, its unit, default, allowed range and a one-line help text. Editors are built from
 * this description; validation checks values against the range.
 */
public record ParameterSpec(
        String name, String unit, double defaultValue, double min, double max, boolean minExclusive, String help) {

    public ParameterSpec {
        if (!(min <= defaultValue && defaultValue <= max) || (minExclusive && defaultValue == min)) {
            throw new IllegalArgumentException("default of " + name + " lies outside its range");
        }
    }

    /** A parameter that must be strictly positive. */
    public static ParameterSpec positive(String name, String unit, double defaultValue, String help) {
        return new ParameterSpec(name, unit, defaultValue, 0, Double.POSITIVE_INFINITY, true, help);
    }

    public boolean accepts(double value) {
        return Double.isFinite(value) && value <= max && (minExclusive ? value > min : value >= min);
    }

    /** The range in words, for messages: "> 0", "in [0, 1]", "≥ 0". */
    public String rangeText() {
        if (min == Double.NEGATIVE_INFINITY && max == Double.POSITIVE_INFINITY) {
            return "any";
        }
        String low = minExclusive ? "> " + fmt(min) : ">= " + fmt(min);
        if (max == Double.POSITIVE_INFINITY) {
            return low;
        }
        if (min == Double.NEGATIVE_INFINITY) {
            return "<= " + fmt(max);
        }
        return (minExclusive ? "in (" : "in [") + fmt(min) + ", " + fmt(max) + "]";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
