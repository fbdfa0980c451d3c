package dev.stagger.engine.output;

import java.util.Locale;

/**
 * File names of a run's outputs: {@code <project>_<step, 6 digits>.vti} per step, {@code
 * <project>.pvd} for the time series, and for runs on several ranks one {@code .pvti} per step
 * naming {@code <project>_<step>_r<rank, 4 digits>.vti} pieces. Names sort by step in a file
 * browser; steps beyond 999999 simply get more digits.
 */
public record OutputNaming(String projectName) {

    public OutputNaming {
        if (projectName == null || projectName.isBlank()) {
            throw new IllegalArgumentException("output names need a non-empty project name");
        }
        for (int n = 0; n < projectName.length(); n++) {
            char c = projectName.charAt(n);
            if (c == '/' || c == '\\' || c == ':' || Character.isISOControl(c)) {
                throw new IllegalArgumentException("project name '" + projectName
                        + "' cannot be used in file names: it contains '" + printable(c) + "'");
            }
        }
    }

    public String vti(long step) {
        return stem(step) + ".vti";
    }

    public String pvti(long step) {
        return stem(step) + ".pvti";
    }

    /** The piece a rank writes for a step; the step's {@link #pvti(long)} names it. */
    public String piece(long step, int rank) {
        if (rank < 0) {
            throw new IllegalArgumentException("negative rank " + rank);
        }
        return stem(step) + String.format(Locale.ROOT, "_r%04d", rank) + ".vti";
    }

    public String pvd() {
        return projectName + ".pvd";
    }

    private String stem(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("negative step " + step);
        }
        return projectName + String.format(Locale.ROOT, "_%06d", step);
    }

    private static String printable(char c) {
        return Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c);
    }
}
