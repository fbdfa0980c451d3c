package dev.stagger.engine.field;

/** Floating-point precision of a field's storage. */
public enum Precision {
    F32("f32", Float.BYTES),
    F64("f64", Double.BYTES);

    private final String label;
    private final int bytes;

    Precision(String label, int bytes) {
        this.label = label;
        this.bytes = bytes;
    }

    public String label() {
        return label;
    }

    public int bytes() {
        return bytes;
    }

    /** Parses "f32"/"f64" (also "float32", "float64", "single", "double"); null when unknown. */
    public static Precision parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "f32", "float32", "single", "float" -> F32;
            case "f64", "float64", "double" -> F64;
            default -> null;
        };
    }
}
