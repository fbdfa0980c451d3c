package dev.stagger.gui.monitor.chart;

import java.util.Optional;

/**
 * What part of a live chart is in view, in axis space (log10 on a log axis): either it follows the
 * data (the axes range over all of it, so the live end is always in view) or the user has zoomed or
 * panned to a fixed window, which new data does not move. Zoom and pan start from the window shown
 * at that moment; {@link #follow()} (a double click) returns to following. No toolkit: the chart
 * view turns mouse gestures into these calls and applies {@link #fixed()} to its axes.
 */
public final class Viewport {
    /** A rectangle of axis space, lower bounds first. */
    public record Window(double xLo, double xHi, double yLo, double yHi) {
        public double width() {
            return xHi - xLo;
        }

        public double height() {
            return yHi - yLo;
        }
    }

    /** No window narrower than this fraction of its own centre's magnitude: doubles run out of digits. */
    private static final double MIN_RELATIVE_SPAN = 1e-12;

    private Window fixed;

    /** The fixed window, empty while following the data. */
    public Optional<Window> fixed() {
        return Optional.ofNullable(fixed);
    }

    public boolean following() {
        return fixed == null;
    }

    /** Follows the data again: the axes range over all of it, whatever arrives. */
    public void follow() {
        fixed = null;
    }

    /**
     * Zooms by {@code factor} (below 1: in) around ({@code x}, {@code y}), which stays where it is on
     * screen. {@code shown} is the window on screen now (what the axes auto-ranged to while following).
     */
    public void zoom(Window shown, double x, double y, double factor) {
        Window w = base(shown);
        set(x - (x - w.xLo) * factor, x + (w.xHi - x) * factor, y - (y - w.yLo) * factor, y + (w.yHi - y) * factor, w);
    }

    /** Zooms to the rectangle a drag spanned (corners in any order). */
    public void zoomTo(Window shown, double x0, double x1, double y0, double y1) {
        set(Math.min(x0, x1), Math.max(x0, x1), Math.min(y0, y1), Math.max(y0, y1), base(shown));
    }

    /** Moves the window by ({@code dx}, {@code dy}) in axis units: a drag to the right looks further left. */
    public void pan(Window shown, double dx, double dy) {
        Window w = base(shown);
        set(w.xLo + dx, w.xHi + dx, w.yLo + dy, w.yHi + dy, w);
    }

    private Window base(Window shown) {
        return fixed != null ? fixed : shown;
    }

    /** Takes the new window unless it is not finite or too narrow to draw; then the old one stays. */
    private void set(double xLo, double xHi, double yLo, double yHi, Window old) {
        if (usable(xLo, xHi) && usable(yLo, yHi)) {
            fixed = new Window(xLo, xHi, yLo, yHi);
        } else if (fixed == null) {
            fixed = old; // a gesture was made: stop following even if it could not zoom further
        }
    }

    private static boolean usable(double lo, double hi) {
        double span = hi - lo;
        double centre = Math.max(Math.abs(lo), Math.abs(hi));
        return Double.isFinite(lo) && Double.isFinite(hi) && span > 0 && span > centre * MIN_RELATIVE_SPAN;
    }
}
