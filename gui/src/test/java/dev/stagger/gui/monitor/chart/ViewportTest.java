package dev.stagger.gui.monitor.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stagger.gui.monitor.chart.Viewport.Window;
import org.junit.jupiter.api.Test;

/** Zoom and pan of a live chart, without the toolkit. */
class ViewportTest {
    private static final Window SHOWN = new Window(0, 100, -8, 0);

    @Test
    void followsUntilAGestureAndAgainAfterReset() {
        Viewport v = new Viewport();
        assertThat(v.following()).isTrue();
        assertThat(v.fixed()).isEmpty();
        v.zoom(SHOWN, 50, -4, 0.5);
        assertThat(v.following()).isFalse();
        v.follow();
        assertThat(v.fixed()).isEmpty();
    }

    @Test
    void zoomKeepsThePointUnderTheMouseInPlace() {
        Viewport v = new Viewport();
        v.zoom(SHOWN, 80, -2, 0.5);
        Window w = v.fixed().orElseThrow();
        assertThat(w.width()).isCloseTo(50, within(1e-9));
        assertThat(w.height()).isCloseTo(4, within(1e-9));
        // 80 was 80% of the way across and still is
        assertThat((80 - w.xLo()) / w.width()).isCloseTo(0.8, within(1e-12));
        assertThat((-2 - w.yLo()) / w.height()).isCloseTo(0.75, within(1e-12));
        // a second zoom starts from the zoomed window, not from what the data would show
        v.zoom(new Window(0, 1e6, -300, 0), 80, -2, 2);
        assertThat(v.fixed().orElseThrow().width()).isCloseTo(100, within(1e-9));
    }

    @Test
    void aRectangleBecomesTheWindowWhicheverWayItWasDragged() {
        Viewport v = new Viewport();
        v.zoomTo(SHOWN, 60, 20, -1, -5);
        assertThat(v.fixed()).contains(new Window(20, 60, -5, -1));
    }

    @Test
    void panMovesTheWindowAndKeepsItsSize() {
        Viewport v = new Viewport();
        v.zoomTo(SHOWN, 20, 60, -5, -1);
        v.pan(SHOWN, 10, -1);
        assertThat(v.fixed()).contains(new Window(30, 70, -6, -2));
    }

    @Test
    void liveDataDoesNotMoveAZoomedWindow() {
        Viewport v = new Viewport();
        v.zoomTo(SHOWN, 20, 60, -5, -1);
        // the data grew to step 10 000 and down to 1e-12: the window is what the user chose
        Window grown = new Window(0, 10_000, -12, 0);
        v.pan(grown, 0, 0);
        assertThat(v.fixed()).contains(new Window(20, 60, -5, -1));
    }

    @Test
    void aWindowTooNarrowForDoublesIsRefusedButTheGestureStillStopsFollowing() {
        Viewport v = new Viewport();
        v.zoomTo(SHOWN, 50, 50, -5, -1);
        assertThat(v.fixed()).as("a zero-width rectangle keeps the shown window").contains(SHOWN);
        for (int i = 0; i < 200; i++) {
            v.zoom(SHOWN, 50, -4, 0.5);
        }
        Window w = v.fixed().orElseThrow();
        assertThat(w.width()).isPositive();
        assertThat(w.xLo()).isLessThan(w.xHi());
        v.zoom(SHOWN, Double.NaN, -4, 0.5);
        assertThat(v.fixed()).contains(w);
    }
}
