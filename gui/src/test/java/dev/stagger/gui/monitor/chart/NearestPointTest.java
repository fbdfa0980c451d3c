package dev.stagger.gui.monitor.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.gui.monitor.state.ChartPoint;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The point the mouse reads out. */
class NearestPointTest {
    /** 10 pixels per step; y on a log axis, 20 pixels a decade, growing downwards as on screen. */
    private static final DoubleUnaryOperator PX = v -> 10 * v;
    private static final DoubleUnaryOperator PY_LOG = v -> v > 0 ? -20 * Math.log10(v) : Double.NaN;

    private final List<ChartPoint> r = List.of(new ChartPoint(0, 1), new ChartPoint(1, 1e-2), new ChartPoint(2, 1e-4));
    private final List<ChartPoint> s = List.of(new ChartPoint(0, 1e-3), new ChartPoint(1, 0), new ChartPoint(2, 1e-5));

    @Test
    void findsTheNearestPointOfAllSeriesOnScreen() {
        // at step 1, 2 decades down: r's second point exactly
        NearestPoint.Hit hit = NearestPoint.find(List.of(r, s), PX, PY_LOG, 10, 40, 24);
        assertThat(hit.series()).isEqualTo(0);
        assertThat(hit.index()).isEqualTo(1);
        assertThat(hit.point()).isEqualTo(new ChartPoint(1, 1e-2));
        assertThat(hit.distance()).isZero();
        // near step 2, 5 decades down: s's last point (r's is 18 pixels away)
        hit = NearestPoint.find(List.of(r, s), PX, PY_LOG, 19, 98, 24);
        assertThat(hit.series()).isEqualTo(1);
        assertThat(hit.point()).isEqualTo(new ChartPoint(2, 1e-5));
    }

    @Test
    void nothingOutOfReachAndNeverAPointTheAxisCannotShow() {
        assertThat(NearestPoint.find(List.of(r, s), PX, PY_LOG, 500, 500, 24)).isNull();
        assertThat(NearestPoint.find(List.of(), PX, PY_LOG, 0, 0, 24)).isNull();
        // s's zero would be at pixel y NaN: below step 1 another point is found, never that one
        NearestPoint.Hit hit = NearestPoint.find(List.of(s, r), PX, PY_LOG, 10, 200, 1000);
        assertThat(hit.point()).isNotEqualTo(new ChartPoint(1, 0));
    }
}
