package dev.stagger.gui.monitor.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a chart axis puts its ticks and what it writes there, in axis space: the value itself on a
 * linear axis, its log10 on a log axis. No toolkit, so the arithmetic is tested on its own.
 */
public final class Ticks {
    private Ticks() {}

    /**
     * Major ticks of a log axis over log10 values [{@code lo}, {@code hi}]: whole decades, every
     * decade while at most {@code maxTicks} fit, else every 2nd, 5th, 10th ... decade (a residual
     * falling from 1e0 to 1e-300 still gets a handful of readable labels). At least the decade at or
     * below {@code lo}'s ceiling: a range inside one decade still shows where it sits.
     */
    public static List<Double> logMajor(double lo, double hi, int maxTicks) {
        double step = logStep(lo, hi, maxTicks);
        List<Double> ticks = new ArrayList<>();
        for (double d = Math.ceil(lo / step) * step; d <= hi + 1e-9; d += step) {
            ticks.add(Math.rint(d));
        }
        return ticks;
    }

    /** Decades between two major ticks of a log axis over [lo, hi] with room for {@code maxTicks}. */
    public static double logStep(double lo, double hi, int maxTicks) {
        double decades = Math.max(hi - lo, 1e-12);
        int room = Math.max(1, maxTicks - 1);
        for (double mag = 1; ; mag *= 10) {
            for (int f : new int[] {1, 2, 5}) {
                if (decades / (f * mag) <= room) {
                    return f * mag;
                }
            }
        }
    }

    /**
     * Minor ticks of a log axis: 2·10^d ... 9·10^d when every decade is a major tick (their log10,
     * inside [lo, hi]), the skipped decades when the major ticks skip some, none past 10 decades per
     * step (they would be a grey smear).
     */
    public static List<Double> logMinor(double lo, double hi, double step) {
        List<Double> minor = new ArrayList<>();
        if (step == 1) {
            for (double d = Math.floor(lo); d <= hi; d++) {
                for (int k = 2; k <= 9; k++) {
                    double v = d + Math.log10(k);
                    if (v >= lo && v <= hi) {
                        minor.add(v);
                    }
                }
            }
        } else if (step <= 10) {
            for (double d = Math.ceil(lo); d <= hi; d++) {
                if (Math.abs(Math.IEEEremainder(d, step)) > 1e-9) {
                    minor.add(d);
                }
            }
        }
        return minor;
    }

    /** The label of a log tick at log10 value {@code v}: "1e-6", "1e0"; nothing between decades. */
    public static String logLabel(double v) {
        double r = Math.rint(v);
        return Math.abs(v - r) < 1e-9 ? "1e" + (long) r : "";
    }

    /** A value as a log axis' tooltip says it: "3.162e-05". */
    public static String value(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return Double.isFinite(v) ? "0" : String.valueOf(v);
        }
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e6 ? trim(String.format(Locale.ROOT, "%.6g", v))
                : String.format(Locale.ROOT, "%.4g", v).replace("e+", "e");
    }

    /** Step between linear ticks over [lo, hi]: 1, 2 or 5 times a power of ten, at most {@code maxTicks} ticks. */
    public static double linearStep(double lo, double hi, int maxTicks) {
        double span = hi - lo;
        if (!(span > 0) || !Double.isFinite(span)) {
            return 1;
        }
        double raw = span / Math.max(1, maxTicks - 1);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        for (int f : new int[] {1, 2, 5, 10}) {
            if (f * mag >= raw) {
                return f * mag;
            }
        }
        return 10 * mag;
    }

    /** Linear ticks: the multiples of {@link #linearStep} inside [lo, hi]. */
    public static List<Double> linear(double lo, double hi, int maxTicks) {
        double step = linearStep(lo, hi, maxTicks);
        List<Double> ticks = new ArrayList<>();
        long first = (long) Math.ceil(lo / step - 1e-9);
        for (long k = first; k * step <= hi + step * 1e-9 && ticks.size() <= maxTicks + 1; k++) {
            // in decimal: 3 × 0.1 is 0.30000000000000004 in binary, and a tooltip or test would say so
            double v = BigDecimal.valueOf(k).multiply(BigDecimal.valueOf(step)).doubleValue();
            ticks.add(v == 0 ? 0.0 : v); // no "-0"
        }
        return ticks;
    }

    /** A linear tick's label: as many decimals as the step needs, or scientific for very large or small. */
    public static String linearLabel(double v, double step) {
        if (Math.abs(v) < step * 1e-9) {
            return "0";
        }
        double a = Math.max(Math.abs(v), step);
        if (a >= 1e6 || step < 1e-4) {
            int digits = Math.max(0, (int) Math.ceil(Math.log10(a / step) - 1e-9));
            return String.format(Locale.ROOT, "%." + Math.min(digits, 6) + "e", v).replace("e+", "e");
        }
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String trim(String s) {
        return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
