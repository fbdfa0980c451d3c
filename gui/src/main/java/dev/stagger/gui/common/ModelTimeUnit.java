package dev.stagger.gui.common;

import java.util.Locale;

/**
 * The unit simulated (model) time is shown in: a fixed one, or {@link #AUTO}, which picks for each
 * value the unit that makes its number read well (90 s as "1.5 min", 3.2e13 s as "1.014 Myr").
 * Model time is in seconds: project files give times and parameters in SI units, and the run
 * reports its time in the same unit. A year is the Julian year, 365.25 days, as astronomy and
 * geoscience (kyr, Myr) use it. Toolkit-free.
 */
public enum ModelTimeUnit {
    AUTO("auto", "auto", Double.NaN),
    SECONDS("s", "seconds", 1),
    MINUTES("min", "minutes", 60),
    HOURS("h", "hours", 3600),
    DAYS("d", "days", 86_400),
    YEARS("yr", "years", ModelTimeUnit.YEAR_SECONDS),
    KILOYEARS("kyr", "thousand years", 1e3 * ModelTimeUnit.YEAR_SECONDS),
    MEGAYEARS("Myr", "million years", 1e6 * ModelTimeUnit.YEAR_SECONDS);

    /** The Julian year in seconds. */
    public static final double YEAR_SECONDS = 365.25 * 86_400;

    private final String symbol;
    private final String words;
    private final double seconds;

    ModelTimeUnit(String symbol, String words, double seconds) {
        this.symbol = symbol;
        this.words = words;
        this.seconds = seconds;
    }

    /** "s", "min", ..., "Myr"; "auto" for {@link #AUTO}. */
    public String symbol() {
        return symbol;
    }

    /** Seconds per unit; NaN for {@link #AUTO}. */
    public double seconds() {
        return seconds;
    }

    /**
     * The unit AUTO shows {@code secondsValue} in: the largest whose value is at least 1 (seconds
     * for anything under a minute, zero and non-finite values included).
     */
    public static ModelTimeUnit fitting(double secondsValue) {
        double a = Math.abs(secondsValue);
        ModelTimeUnit best = SECONDS;
        for (ModelTimeUnit u : values()) {
            if (u != AUTO && Double.isFinite(a) && a >= u.seconds) {
                best = u;
            }
        }
        return best;
    }

    /** {@code secondsValue} in this unit (AUTO: in {@link #fitting} its value) with up to six significant digits: "1.5 min". */
    public String format(double secondsValue) {
        ModelTimeUnit u = this == AUTO ? fitting(secondsValue) : this;
        if (!Double.isFinite(secondsValue)) {
            return secondsValue + " " + u.symbol;
        }
        return number(secondsValue / u.seconds) + " " + u.symbol;
    }

    /** Six significant digits, trailing zeros dropped: "1.5", "0.0232515", "1.23457e+08" stays as is. */
    static String number(double v) {
        if (v == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "");
            if (mantissa.endsWith(".")) {
                mantissa = mantissa.substring(0, mantissa.length() - 1);
            }
        }
        return e < 0 ? mantissa : mantissa + s.substring(e);
    }

    /** What a chooser shows: "auto (the unit that fits)", "days (d)". */
    public String describe() {
        return this == AUTO ? "auto (s, min, h, d, yr, kyr or Myr: whichever fits)" : words + " (" + symbol + ")";
    }

    /** The unit whose {@link #name()} or symbol is {@code text} (any case for names), or null. */
    public static ModelTimeUnit parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        for (ModelTimeUnit u : values()) {
            if (u.name().equalsIgnoreCase(t) || u.symbol.equals(t)) {
                return u;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return describe();
    }
}
