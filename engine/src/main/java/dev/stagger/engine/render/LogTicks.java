package dev.stagger.engine.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ticks for a log axis (a colour bar under {@link Scale#LOG}): at the decades (1, 10, 100, ...)
 * inside the range, every second or fifth decade when they would crowd; where the range holds
 * fewer than two decades, at 1, 2 and 5 times them; where it holds fewer than two of those, at
 * round linear steps. Decades are labelled "10³" (or "1e3" where the font has no superscripts),
 * other ticks as plain numbers. Shared by the headless renderer and the workbench.
 */
public final class LogTicks {
    private static final char[] SUPERSCRIPT = {
        '\u2070', '\u00B9', '\u00B2', '\u00B3', '\u2074', '\u2075', '\u2076', '\u2077', '\u2078', '\u2079'};
    private static final char SUPERSCRIPT_MINUS = '\u207B';

    private LogTicks() {}

    /** Tick values within [lo, hi] (0 < lo < hi), increasing, at most about {@code most} of them. */
    public static double[] values(double lo, double hi, int most) {
        if (!(lo > 0 && hi > lo) || !Double.isFinite(hi)) {
            return new double[0];
        }
        most = Math.max(2, most);
        int first = (int) Math.ceil(Math.log10(lo) - 1e-9);
        int last = (int) Math.floor(Math.log10(hi) + 1e-9);
        List<Double> ticks = new ArrayList<>();
        int decades = last - first + 1;
        if (decades >= 2) {
            int every = 1;
            while ((decades + every - 1) / every > most) {
                every = every == 1 ? 2 : every == 2 ? 5 : every * 2;
            }
            // multiples of `every` when the decades are thinned, so that 10^0 stays a tick
            for (int k = Math.floorDiv(first + every - 1, every) * every; k <= last; k += every) {
                ticks.add(Math.pow(10, k));
            }
            if (ticks.size() >= 2) {
                return unbox(ticks);
            }
            ticks.clear();
        }
        for (int k = first - 1; k <= last; k++) {
            for (int m : new int[] {1, 2, 5}) {
                double t = m * Math.pow(10, k);
                if (t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9)) {
                    ticks.add(t);
                }
            }
        }
        if (ticks.size() >= 2 && ticks.size() <= most) {
            return unbox(ticks);
        }
        // within less than a factor of about 2.5: round linear steps, placed on the log axis
        ticks.clear();
        double raw = (hi - lo) / most;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag <= 1 ? mag : raw / mag <= 2 ? 2 * mag : raw / mag <= 5 ? 5 * mag : 10 * mag;
        for (long i = (long) Math.ceil(lo / step - 1e-9); i * step <= hi + step * 1e-9; i++) {
            ticks.add(i * step);
        }
        return unbox(ticks);
    }

    /**
     * The ticks' labels: powers of ten as "10⁻³" (or "1e-3" without {@code superscripts}) when every
     * tick is a decade, else each as a plain number of up to four significant digits ("0.002").
     */
    public static String[] labels(double[] ticks, boolean superscripts) {
        boolean decades = true;
        for (double t : ticks) {
            decades &= Math.abs(t / Math.pow(10, Math.round(Math.log10(t))) - 1) < 1e-9;
        }
        String[] labels = new String[ticks.length];
        for (int i = 0; i < ticks.length; i++) {
            int k = (int) Math.round(Math.log10(ticks[i]));
            labels[i] = decades ? (superscripts ? "10" + superscript(k) : "1e" + k) : plain(ticks[i]);
        }
        return labels;
    }

    private static String plain(double v) {
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            String s = String.format(Locale.ROOT, "%.3e", v);
            int e = s.indexOf('e');
            return trimZeros(s.substring(0, e)) + "e" + Integer.parseInt(s.substring(e + 1));
        }
        return trimZeros(String.format(Locale.ROOT, "%." + Math.max(0, 3 - (int) Math.floor(Math.log10(a))) + "f", v));
    }

    static String superscript(int k) {
        StringBuilder b = new StringBuilder();
        if (k < 0) {
            b.append(SUPERSCRIPT_MINUS);
        }
        for (char c : Integer.toString(Math.abs(k)).toCharArray()) {
            b.append(SUPERSCRIPT[c - '0']);
        }
        return b.toString();
    }

    private static String trimZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static double[] unbox(List<Double> list) {
        double[] a = new double[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }
}
