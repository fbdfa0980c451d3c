package dev.stagger.engine.render;

import java.util.Locale;

/** How values are spread over a colour map: evenly, or evenly per decade (for fields that span powers of ten). */
public enum Scale {
    LINEAR("linear"),
    /** Base-10 logarithm; only positive values have a place on it (see {@link ColourScale}). */
    LOG("log");

    private final String label;

    Scale(String label) {
        this.label = label;
    }

    /** The lower-case name used on the command line: "linear" or "log". */
    public String label() {
        return label;
    }

    /** The scale named {@code name} (any case, blanks ignored), or null if none is. */
    public static Scale parse(String name) {
        if (name == null) {
            return null;
        }
        String key = name.strip().toLowerCase(Locale.ROOT);
        for (Scale s : values()) {
            if (s.label.equals(key)) {
                return s;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return label;
    }
}
