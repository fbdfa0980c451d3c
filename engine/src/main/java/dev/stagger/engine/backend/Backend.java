package dev.stagger.engine.backend;

import java.util.Locale;

/** Where a run computes: {@code run.backend} in a project, {@code --backend} on the command line. */
public enum Backend {
    /** Worker threads on the CPU (always there). */
    CPU("cpu"),
    /** One GPU per rank; the run fails, naming what is missing, when it cannot have one. */
    CUDA("cuda"),
    /** A GPU when one is usable, else the CPU with a visible message saying why. */
    AUTO("auto");

    private final String label;

    Backend(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses cpu, cuda or auto; null when unknown. */
    public static Backend parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "cpu" -> CPU;
            case "cuda", "gpu" -> CUDA;
            case "auto" -> AUTO;
            default -> null;
        };
    }
}
