package dev.stagger.engine.grid;

/** Names of the (up to three) dimensions, in storage order: x varies fastest. */
public final class Dimension {
    private static final String[] NAMES = {"x", "y", "z"};

    private Dimension() {}

    public static String name(int d) {
        return NAMES[d];
    }

    /** Index of a dimension name ("x", "y", "z"), or -1. */
    public static int of(String name) {
        for (int d = 0; d < NAMES.length; d++) {
            if (NAMES[d].equals(name)) {
                return d;
            }
        }
        return -1;
    }
}
