package dev.stagger.gui.shell;

import java.util.prefs.Preferences;

/**
 * Where the main window was and how its split panes were divided, remembered between sessions.
 *
 * @param setupDivider the position of the divider between setup editor and run side (0..1)
 * @param jobsDivider the position of the divider between monitor and job list (0..1)
 */
public record WindowLayout(double x, double y, double width, double height, boolean maximized,
        double setupDivider, double jobsDivider) {

    public static final WindowLayout DEFAULT = new WindowLayout(Double.NaN, Double.NaN, 1200, 800, false, 0.42, 0.68);

    public static WindowLayout load(Preferences prefs) {
        return new WindowLayout(
                prefs.getDouble("window.x", DEFAULT.x),
                prefs.getDouble("window.y", DEFAULT.y),
                Math.max(640, prefs.getDouble("window.width", DEFAULT.width)),
                Math.max(480, prefs.getDouble("window.height", DEFAULT.height)),
                prefs.getBoolean("window.maximized", false),
                clamp(prefs.getDouble("window.setupDivider", DEFAULT.setupDivider)),
                clamp(prefs.getDouble("window.jobsDivider", DEFAULT.jobsDivider)));
    }

    public void save(Preferences prefs) {
        prefs.putDouble("window.x", x);
        prefs.putDouble("window.y", y);
        prefs.putDouble("window.width", width);
        prefs.putDouble("window.height", height);
        prefs.putBoolean("window.maximized", maximized);
        prefs.putDouble("window.setupDivider", setupDivider);
        prefs.putDouble("window.jobsDivider", jobsDivider);
    }

    private static double clamp(double d) {
        return Double.isNaN(d) ? 0.5 : Math.max(0.1, Math.min(0.9, d));
    }
}
