package dev.stagger.gui.common;

import dev.stagger.engine.render.Colormap;
import java.nio.file.Path;
import java.util.Locale;
import java.util.prefs.Preferences;

/**
 * The workbench's preferences node and the keys Edit > Preferences writes, read by the features
 * that use them (the local MPI target, the monitor's default colormap and time unit, numbers, where
 * runs go).
 * Toolkit-free.
 */
public final class WorkbenchPrefs {
    /** The system property naming another node (tests); default {@link #DEFAULT_NODE}. */
    public static final String NODE_PROPERTY = "stagger.prefs";
    public static final String DEFAULT_NODE = "dev/stagger/workbench";

    /** The {@code mpirun} chosen by the user; absent or empty: the first on {@code PATH}. */
    public static final String MPIRUN = "mpi.mpirun";
    /** The rank count MPI runs start with. */
    public static final String MPI_RANKS = "mpi.ranks";
    /** Worker threads per MPI rank; 0 or absent: the cores divided among the ranks. */
    public static final String MPI_THREADS = "mpi.threads";
    /** The theme, {@code LIGHT} or {@code DARK}. */
    public static final String THEME = "theme";
    /** The colormap a new monitor starts with (a {@link Colormap} name). */
    public static final String COLORMAP = "monitor.colormap";
    /** The unit monitors show simulated time in (a {@link ModelTimeUnit} name); absent: AUTO. */
    public static final String TIME_UNIT = "monitor.timeUnit";
    /** Significant digits of numbers shown (not of numbers typed, which are kept as typed). */
    public static final String DIGITS = "numbers.digits";
    /** The folder runs' output folders go in; absent or empty: next to the project file. */
    public static final String RUNS_FOLDER = "runs.folder";

    public static final int DEFAULT_DIGITS = 4;
    public static final int MIN_DIGITS = 2;
    public static final int MAX_DIGITS = 12;

    private WorkbenchPrefs() {}

    /** The workbench's node (the one {@code StaggerWorkbench} uses). */
    public static Preferences node() {
        return Preferences.userRoot().node(System.getProperty(NODE_PROPERTY, DEFAULT_NODE));
    }

    /** The colormap new monitors start with; {@code fallback} when none was chosen (or it is unknown). */
    public static Colormap colormap(Preferences p, Colormap fallback) {
        String name = p.get(COLORMAP, "");
        for (Colormap m : Colormap.values()) {
            if (m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        return fallback;
    }

    /** {@link #colormap(Preferences, Colormap)} of the workbench's node. */
    public static Colormap colormap(Colormap fallback) {
        return colormap(node(), fallback);
    }

    /** The unit monitors show simulated time in; AUTO when none was chosen (or it is unknown). */
    public static ModelTimeUnit timeUnit(Preferences p) {
        ModelTimeUnit u = ModelTimeUnit.parse(p.get(TIME_UNIT, ""));
        return u == null ? ModelTimeUnit.AUTO : u;
    }

    public static int digits(Preferences p) {
        int d = p.getInt(DIGITS, DEFAULT_DIGITS);
        return d < MIN_DIGITS || d > MAX_DIGITS ? DEFAULT_DIGITS : d;
    }

    /** The folder for runs' output folders, or null for "next to the project". */
    public static Path runsFolder(Preferences p) {
        String f = p.get(RUNS_FOLDER, "").trim();
        return f.isEmpty() || !Path.of(f).isAbsolute() ? null : Path.of(f);
    }

    /** "DARK" or "LIGHT". */
    public static String theme(Preferences p) {
        return "DARK".equals(p.get(THEME, "LIGHT").toUpperCase(Locale.ROOT)) ? "DARK" : "LIGHT";
    }
}
