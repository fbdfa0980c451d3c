package dev.stagger.engine.run;

import java.util.Locale;

/** Number formatting for progress and summaries. */
public final class Units {
    private Units() {}

    /** 1.23e9 → "1.23 G". */
    public static String si(double value) {
        String[] prefixes = {"", " k", " M", " G", " T"};
        int p = 0;
        double v = value;
        while (Math.abs(v) >= 1000 && p < prefixes.length - 1) {
            v /= 1000;
            p++;
        }
        return String.format(Locale.ROOT, "%.3g%s", v, prefixes[p]);
    }
}
