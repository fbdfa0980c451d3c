package dev.stagger.engine.render;

import java.util.Arrays;
import java.util.Locale;

/**
 * The colour maps Stagger draws fields with, each a 256-entry table of packed ARGB ints computed
 * once. Plain ints and no AWT, so that the headless PNG renderer and the JavaFX workbench share
 * the same colours.
 */
public enum Colormap {
    /** matplotlib's default: perceptually uniform, readable in greyscale and by colour-blind readers. */
    VIRIDIS("viridis", 0xFF808080),
    /**
     * Blue to yellow with lightness rising linearly, nearly the same for red-green colour-blind
     * readers (after Nuñez et al. 2018; derived in {@link Cividis}). Its middle is grey, so bad
     * values are drawn dull red.
     */
    CIVIDIS("cividis", 0xFFC03030),
    /** Google's improved rainbow: high contrast for spotting structure, not perceptually uniform. */
    TURBO("turbo", 0xFF808080),
    /** Moreland's diverging cool-to-warm map (ParaView's default): for fields with a meaningful middle. */
    COOLWARM("coolwarm", 0xFF808080),
    /** Linear black to white. Mid-grey is a regular value here, so bad values are drawn dull red. */
    GREY("grey", 0xFFC03030),
    /** Each map reversed (matplotlib's "_r"): low values bright, e.g. depth or ice thickness drawn dark. */
    VIRIDIS_R("viridis_r", 0xFF808080),
    CIVIDIS_R("cividis_r", 0xFFC03030),
    TURBO_R("turbo_r", 0xFF808080),
    COOLWARM_R("coolwarm_r", 0xFF808080),
    GREY_R("grey_r", 0xFFC03030);

    /** Entries per table. */
    public static final int SIZE = 256;

    private final String label;
    private final int bad;
    private final int[] table;

    Colormap(String label, int bad) {
        this.label = label;
        this.bad = bad;
        this.table = new int[SIZE];
        boolean reversed = label.endsWith("_r");
        String base = reversed ? label.substring(0, label.length() - 2) : label;
        for (int k = 0; k < SIZE; k++) {
            double t = k / (double) (SIZE - 1);
            table[k] = compute(base, reversed ? 1 - t : t);
        }
    }

    /**
     * The colour of {@code t} in [0, 1] as packed opaque ARGB: values outside are clamped to the
     * ends, NaN gives {@link #badArgb()}. The table is sampled like matplotlib's: entry
     * {@code floor(t * 256)}, with t = 1 in the last entry.
     */
    public int argb(double t) {
        if (Double.isNaN(t)) {
            return bad;
        }
        if (t <= 0) {
            return table[0];
        }
        if (t >= 1) {
            return table[SIZE - 1];
        }
        return table[Math.min(SIZE - 1, (int) (t * SIZE))];
    }

    /** The colour of values that are not numbers (NaN), distinct from every colour of the map. */
    public int badArgb() {
        return bad;
    }

    /** A copy of the table, entry 0 for t = 0 and entry 255 for t = 1. */
    public int[] table() {
        return Arrays.copyOf(table, SIZE);
    }

    /** The lower-case name used in project files and on the command line, e.g. "viridis". */
    public String label() {
        return label;
    }

    /** The map named {@code name} (any case, surrounding blanks ignored, "gray" too), or null if none is. */
    public static Colormap parse(String name) {
        if (name == null) {
            return null;
        }
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (key.equals("gray")) {
            return GREY;
        }
        for (Colormap map : values()) {
            if (map.label.equals(key)) {
                return map;
            }
        }
        return null;
    }

    /** The maps' names without the reversed ones, joined by {@code separator}: "viridis|cividis|...". */
    public static String choices(String separator) {
        return String.join(separator, Arrays.stream(values()).map(Colormap::label).filter(l -> !l.endsWith("_r")).toList());
    }

    @Override
    public String toString() {
        return label;
    }

    // ---- the maps ----------------------------------------------------------------------------

    private static int compute(String label, double t) {
        return switch (label) {
            case "viridis" -> interpolate(Tables.VIRIDIS_AT, Tables.VIRIDIS_RGB, t);
            case "cividis" -> pack(Cividis.at(t));
            case "turbo" -> turbo(t);
            case "coolwarm" -> interpolate(Tables.COOLWARM_AT, Tables.COOLWARM_RGB, t);
            case "grey" -> pack(t, t, t);
            default -> throw new AssertionError(label);
        };
    }

    /**
     * Turbo by its published polynomial approximation (colormap design Anton Mikhailov, polynomial
     * Ruofei Du, Google LLC 2019, Apache-2.0), within about 1% of the original table.
     */
    private static int turbo(double t) {
        double r = 0.13572138 + t * (4.61539260 + t * (-42.66032258 + t * (132.13108234
                + t * (-152.94239396 + t * 59.28637943))));
        double g = 0.09140261 + t * (2.19418839 + t * (4.84296658 + t * (-14.18503333
                + t * (4.27729857 + t * 2.82956604))));
        double b = 0.10667330 + t * (12.64194608 + t * (-60.58204836 + t * (110.36276771
                + t * (-89.90310912 + t * 27.34824973))));
        return pack(r, g, b);
    }

    /** Linear interpolation between anchors at increasing positions {@code at} (0 first, 1 last). */
    private static int interpolate(double[] at, double[][] rgb, double t) {
        int k = 1;
        while (k < at.length - 1 && at[k] < t) {
            k++;
        }
        double f = (t - at[k - 1]) / (at[k] - at[k - 1]);
        f = Math.max(0, Math.min(1, f));
        double[] a = rgb[k - 1];
        double[] b = rgb[k];
        return pack(a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2]));
    }

    private static int pack(double[] rgb) {
        return pack(rgb[0], rgb[1], rgb[2]);
    }

    private static int pack(double r, double g, double b) {
        return 0xFF000000 | channel(r) << 16 | channel(g) << 8 | channel(b);
    }

    private static int channel(double v) {
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }

    /** Anchor tables, in a holder class: enum constants are built before the enum's own static fields. */
    private static final class Tables {
        /**
         * matplotlib's viridis (van der Walt and Smith, CC0): every 8th entry of its 256-entry table
         * and the last one, so linear interpolation reproduces the table to within one level of 255.
         */
        private static final double[] VIRIDIS_AT;
        private static final double[][] VIRIDIS_RGB = {
            {0.267004, 0.004874, 0.329415}, // entry 0
            {0.277018, 0.050344, 0.375715}, // 8
            {0.282327, 0.094955, 0.417331}, // 16
            {0.282884, 0.135920, 0.453427}, // 24
            {0.278826, 0.175490, 0.483397}, // 32
            {0.270595, 0.214069, 0.507052}, // 40
            {0.258965, 0.251537, 0.524736}, // 48
            {0.244972, 0.287675, 0.537260}, // 56
            {0.229739, 0.322361, 0.545706}, // 64
            {0.214298, 0.355619, 0.551184}, // 72
            {0.199430, 0.387607, 0.554642}, // 80
            {0.185556, 0.418570, 0.556753}, // 88
            {0.172719, 0.448791, 0.557885}, // 96
            {0.160665, 0.478540, 0.558115}, // 104
            {0.149039, 0.508051, 0.557250}, // 112
            {0.137770, 0.537492, 0.554906}, // 120
            {0.127568, 0.566949, 0.550556}, // 128
            {0.120565, 0.596422, 0.543611}, // 136
            {0.120638, 0.625828, 0.533488}, // 144
            {0.132268, 0.655014, 0.519661}, // 152
            {0.157851, 0.683765, 0.501686}, // 160
            {0.196571, 0.711827, 0.479221}, // 168
            {0.246070, 0.738910, 0.452024}, // 176
            {0.304148, 0.764704, 0.419943}, // 184
            {0.369214, 0.788888, 0.382914}, // 192
            {0.440137, 0.811138, 0.340967}, // 200
            {0.515992, 0.831158, 0.294279}, // 208
            {0.595839, 0.848717, 0.243329}, // 216
            {0.678489, 0.863742, 0.189503}, // 224
            {0.762373, 0.876424, 0.137064}, // 232
            {0.845561, 0.887322, 0.099702}, // 240
            {0.926106, 0.897330, 0.104071}, // 248
            {0.993248, 0.906157, 0.143936}, // 255
        };

        /** Moreland's cool-warm map ("Diverging Color Maps for Scientific Visualization", 2009), 33 anchors in 0-255. */
        private static final double[] COOLWARM_AT;
        private static final double[][] COOLWARM_RGB;
        private static final int[][] COOLWARM_BYTES = {
            {59, 76, 192}, {68, 90, 204}, {77, 104, 215}, {87, 117, 225}, {98, 130, 234}, {108, 142, 241},
            {119, 154, 247}, {130, 165, 251}, {141, 176, 254}, {152, 185, 255}, {163, 194, 255}, {174, 201, 253},
            {184, 208, 249}, {194, 213, 244}, {204, 217, 238}, {213, 219, 230}, {221, 221, 221}, {229, 216, 209},
            {236, 211, 197}, {241, 204, 185}, {245, 196, 173}, {247, 187, 160}, {247, 177, 148}, {247, 166, 135},
            {244, 154, 123}, {241, 141, 111}, {236, 127, 99}, {229, 112, 88}, {222, 96, 77}, {213, 80, 66},
            {203, 62, 56}, {192, 40, 47}, {180, 4, 38},
        };

        static {
            VIRIDIS_AT = new double[VIRIDIS_RGB.length];
            for (int k = 0; k < VIRIDIS_AT.length; k++) {
                VIRIDIS_AT[k] = Math.min(8 * k, 255) / 255.0;
            }
            COOLWARM_AT = new double[COOLWARM_BYTES.length];
            COOLWARM_RGB = new double[COOLWARM_BYTES.length][];
            for (int k = 0; k < COOLWARM_BYTES.length; k++) {
                COOLWARM_AT[k] = k / (double) (COOLWARM_BYTES.length - 1);
                COOLWARM_RGB[k] = new double[] {
                    COOLWARM_BYTES[k][0] / 255.0, COOLWARM_BYTES[k][1] / 255.0, COOLWARM_BYTES[k][2] / 255.0};
            }
        }
    }
}
