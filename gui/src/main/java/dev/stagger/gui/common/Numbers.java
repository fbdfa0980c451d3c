package dev.stagger.gui.common;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * The one number format of the workbench: numbers are shown and read with a '.' decimal point
 * whatever the system's locale (the project files and the command line use '.', and a field that
 * showed "0,5" but only accepted "0.5" would be a trap), with the significant digits of Edit >
 * Preferences. Toolkit-free.
 */
public final class Numbers {
    private Numbers() {}

    /** {@code v} with the preferred significant digits: "0.001235", "1.235e+06", "42", "NaN". */
    public static String format(double v) {
        return format(v, WorkbenchPrefs.digits(WorkbenchPrefs.node()));
    }

    /**
     * {@code v} with {@code digits} significant digits, plain between 1e-4 and 1e6 (trailing zeros
     * dropped), scientific outside (Locale.ROOT's "%e" form).
     */
    public static String format(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e6) {
            BigDecimal d = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        }
        String s = String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
        // 1.500e+06 -> 1.5e+06
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + s.substring(e);
    }

    /** The exact value for a field to edit: whole numbers without ".0", others as Java writes them. */
    public static String editable(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** A number typed with a '.' decimal point ("0.5", "1e-3", " 2 "); null for anything else ("0,5", "", "NaN"). */
    public static Double parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        // Java also reads "1d", "0x1p3" and "Infinity": not numbers a user means
        if (t.isEmpty() || !t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        double v = Double.parseDouble(t);
        return Double.isFinite(v) ? v : null;
    }
}
