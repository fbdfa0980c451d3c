package dev.stagger.gui.monitor.chart;

import dev.stagger.gui.monitor.state.ChartPoint;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The point under the mouse: of all series, the one nearest on screen, within a radius. The caller
 * gives the axes' value-to-pixel mappings (a log axis maps a value that is not positive to NaN, and
 * such a point is never found). No toolkit.
 */
public final class NearestPoint {
    private NearestPoint() {}

    /** A point found: which series, its index there, the point (in data units) and its pixel distance. */
    public record Hit(int series, int index, ChartPoint point, double distance) {}

    /**
     * The point of {@code series} nearest to pixel ({@code px}, {@code py}), or null when none lies
     * within {@code maxPixels}. A scan: a series is at most a few thousand points (they are thinned).
     */
    public static Hit find(List<? extends List<ChartPoint>> series, DoubleUnaryOperator toPixelX,
            DoubleUnaryOperator toPixelY, double px, double py, double maxPixels) {
        Hit best = null;
        double bestSquared = maxPixels * maxPixels;
        for (int s = 0; s < series.size(); s++) {
            List<ChartPoint> points = series.get(s);
            for (int i = 0; i < points.size(); i++) {
                ChartPoint p = points.get(i);
                double dx = toPixelX.applyAsDouble(p.x()) - px;
                double dy = toPixelY.applyAsDouble(p.y()) - py;
                double d2 = dx * dx + dy * dy;
                if (d2 <= bestSquared) { // NaN never is
                    bestSquared = d2;
                    best = new Hit(s, i, p, Math.sqrt(d2));
                }
            }
        }
        return best;
    }
}
