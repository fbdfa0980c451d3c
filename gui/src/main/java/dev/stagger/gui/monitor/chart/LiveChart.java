package dev.stagger.gui.monitor.chart;

import dev.stagger.gui.monitor.state.ChartPoint;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;

/**
 * A line chart made for live series: a y axis that may be logarithmic (with a toggle), zoom and
 * pan, and the nearest point's values under the mouse.
 * <ul>
 *   <li>wheel: zoom around the mouse; drag: zoom to the rectangle; shift-drag or right-drag: pan;
 *       double click: back to the whole run, following its live end. While zoomed, new points do
 *       not move the view ({@link Viewport}).
 *   <li>the chart is given its points in axis space (log10 on a log axis); a value that is not
 *       positive cannot be on a log axis, is left out, and a note says how many were.
 * </ul>
 * The series mirror the state model's lists ({@link SeriesMirror}), which change only in the
 * monitor's pulse, so the chart updates at most once per pulse.
 *
 * <p>Why a JavaFX LineChart and not ChartFX (io.fair-acc:chartfx 11.3.1, which resolves and runs on
 * Java 17 + JavaFX 21): measured headless (Monocle, software pipeline, 2 cores), 100 000 points
 * added 100 per pulse, this chart over {@link dev.stagger.gui.monitor.state.ChartThinning}'s 1 000
 * points cost 3.2 ms FX-thread and 3.8 ms render-thread CPU per pulse (16.9 s for 1 000 pulses, the
 * 60 Hz floor); ChartFX with its own point reduction 2.3 ms and 29 ms (32 s), 2.5 ms and 40 ms with
 * its default markers and error bars (64 s). ChartFX also locks a data set while it renders, so
 * writing one from the pulse (our mailbox path) deadlocked the FX thread; and it would bring a
 * dozen jars (ikonli, commons-math, JTransforms ...). An unthinned LineChart had fallen to 21 ms
 * and 52 ms per pulse by 83 500 points: the thinning stays.
 */
public final class LiveChart extends StackPane {
    /** How near the mouse a point must be, in pixels, to be read out. */
    private static final double HOVER_PIXELS = 24;
    /** A drag shorter than this (pixels, either way) is a click, not a zoom rectangle. */
    private static final double MIN_DRAG_PIXELS = 5;
    private static final double WHEEL_ZOOM = 1.25;

    private final ScaleAxis x;
    private final ScaleAxis y;
    private final LineChart<Number, Number> chart;
    private final Viewport viewport = new Viewport();
    private final Map<XYChart.Series<Number, Number>, SeriesMirror> mirrors = new IdentityHashMap<>();
    private final ReadOnlyIntegerWrapper leftOut = new ReadOnlyIntegerWrapper(this, "leftOut");
    private final Label hover = new Label();
    private final Circle marker = new Circle(4);
    private final Rectangle zoomBox = new Rectangle();
    private final Label note = new Label();
    private Point2D dragStart;
    private Point2D dragLast;
    private boolean panning;

    /**
     * A chart of {@code yLabel} over {@code xLabel}; {@code log}: the y axis starts logarithmic;
     * {@code toggle}: a button switches it between linear and log.
     */
    public LiveChart(String xLabel, String yLabel, boolean log, boolean toggle) {
        x = new ScaleAxis(xLabel);
        y = new ScaleAxis(yLabel);
        y.logProperty().set(log);
        chart = new LineChart<>(x, y);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setMinHeight(120);
        // the chart's "zero" line is at axis value 0, which on a log axis is 1e0: nothing special there
        chart.horizontalZeroLineVisibleProperty().bind(y.logProperty().not());
        getStyleClass().add("live-chart");

        hover.getStyleClass().add("live-chart-hover");
        hover.setStyle("-fx-background-color: -fx-control-inner-background; -fx-border-color: -fx-box-border;"
                + " -fx-padding: 2 5 2 5; -fx-font-size: 11px;");
        hover.setVisible(false);
        hover.setManaged(false);
        marker.setStyle("-fx-fill: transparent; -fx-stroke: -fx-accent; -fx-stroke-width: 2;");
        marker.setVisible(false);
        marker.setManaged(false);
        zoomBox.setStyle("-fx-fill: rgba(80,140,220,0.15); -fx-stroke: rgba(80,140,220,0.8);");
        zoomBox.setVisible(false);
        zoomBox.setManaged(false);
        Pane overlay = new Pane(zoomBox, marker, hover);
        overlay.setMouseTransparent(true);

        note.getStyleClass().add("live-chart-note");
        note.setStyle("-fx-font-size: 10px; -fx-opacity: 0.8;");
        note.visibleProperty().bind(leftOut.greaterThan(0).and(y.logProperty()));
        note.managedProperty().bind(note.visibleProperty());
        note.textProperty().bind(leftOut.asString("%d values ≤ 0 left out of the log axis"));
        HBox corner = new HBox(6, note);
        if (toggle) {
            ToggleButton logButton = new ToggleButton("log");
            logButton.getStyleClass().add("live-chart-log");
            logButton.setStyle("-fx-font-size: 10px; -fx-padding: 1 6 1 6;");
            logButton.setTooltip(new Tooltip("Logarithmic y axis (values ≤ 0 are left out of it)"));
            logButton.selectedProperty().bindBidirectional(y.logProperty());
            corner.getChildren().add(logButton);
        }
        corner.setAlignment(Pos.TOP_RIGHT);
        corner.setPickOnBounds(false);
        corner.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        StackPane.setAlignment(corner, Pos.TOP_RIGHT);
        getChildren().addAll(chart, overlay, corner);

        y.logProperty().addListener((o, was, is) -> {
            // the fixed window is in the old axis space: show the whole run in the new one
            viewport.follow();
            applyViewport();
            mirrors.values().forEach(SeriesMirror::rebuild);
        });
        chart.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        chart.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        chart.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        chart.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        chart.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                follow();
            }
        });
        chart.addEventHandler(MouseEvent.MOUSE_MOVED, e -> showHover(axisPoint(e)));
        chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> showHover(null));
    }

    /** The chart inside (its series, title and id are the caller's). */
    public LineChart<Number, Number> chart() {
        return chart;
    }

    public ScaleAxis xAxis() {
        return x;
    }

    public ScaleAxis yAxis() {
        return y;
    }

    /** Whether the y axis is logarithmic; the toggle, when there is one, is bound to it. */
    public BooleanProperty logProperty() {
        return y.logProperty();
    }

    public Viewport viewport() {
        return viewport;
    }

    /** Values of the series that a log axis cannot show (not positive): the note counts them. */
    public ReadOnlyIntegerProperty leftOutProperty() {
        return leftOut.getReadOnlyProperty();
    }

    /** A new series named {@code name} that mirrors {@code points}. */
    public XYChart.Series<Number, Number> add(String name, ObservableList<ChartPoint> points) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        mirror(s, points);
        chart.getData().add(s);
        return s;
    }

    /** Makes {@code series} (of this chart) mirror {@code points} from now on, instead of what it mirrored. */
    public void mirror(XYChart.Series<Number, Number> series, ObservableList<ChartPoint> points) {
        SeriesMirror old = mirrors.remove(series);
        if (old != null) {
            old.detach();
        }
        SeriesMirror m = new SeriesMirror(points, series, y::toAxis, n -> leftOut.set(leftOut.get() + n));
        mirrors.put(series, m);
        m.attach();
    }

    // ---- zoom and pan: pixels are the axes' own display positions --------------------------------

    /** Zooms by {@code factor} (below 1: in) around the pixel ({@code px} on the x axis, {@code py} on the y axis). */
    public void zoomAt(double px, double py, double factor) {
        viewport.zoom(shown(), axisX(px), axisY(py), factor);
        applyViewport();
    }

    /** Zooms to the rectangle between two pixel corners. */
    public void zoomTo(double px0, double py0, double px1, double py1) {
        viewport.zoomTo(shown(), axisX(px0), axisX(px1), axisY(py0), axisY(py1));
        applyViewport();
    }

    /** Pans as a drag by ({@code dpx}, {@code dpy}) pixels does: the content moves with the mouse. */
    public void pan(double dpx, double dpy) {
        viewport.pan(shown(), axisX(0) - axisX(dpx), axisY(0) - axisY(dpy));
        applyViewport();
    }

    /** The whole run again, following its live end. */
    public void follow() {
        viewport.follow();
        applyViewport();
    }

    private Viewport.Window shown() {
        return new Viewport.Window(x.getLowerBound(), x.getUpperBound(), y.getLowerBound(), y.getUpperBound());
    }

    private double axisX(double px) {
        return x.getValueForDisplay(px).doubleValue();
    }

    private double axisY(double py) {
        return y.getValueForDisplay(py).doubleValue();
    }

    private void applyViewport() {
        viewport.fixed().ifPresentOrElse(w -> {
            x.setAutoRanging(false);
            y.setAutoRanging(false);
            x.setLowerBound(w.xLo());
            x.setUpperBound(w.xHi());
            y.setLowerBound(w.yLo());
            y.setUpperBound(w.yHi());
        }, () -> {
            x.setAutoRanging(true);
            y.setAutoRanging(true);
        });
    }

    // ---- mouse -------------------------------------------------------------------------------------

    /** The mouse in axis pixels, or null outside the plot area. */
    private Point2D axisPoint(MouseEvent e) {
        return axisPoint(e.getSceneX(), e.getSceneY());
    }

    private Point2D axisPoint(double sceneX, double sceneY) {
        double px = x.sceneToLocal(sceneX, sceneY).getX();
        double py = y.sceneToLocal(sceneX, sceneY).getY();
        boolean inside = px >= 0 && px <= x.getWidth() && py >= 0 && py <= y.getHeight();
        return inside ? new Point2D(px, py) : null;
    }

    private void scrolled(ScrollEvent e) {
        Point2D p = axisPoint(e.getSceneX(), e.getSceneY());
        if (p != null && e.getDeltaY() != 0) {
            zoomAt(p.getX(), p.getY(), e.getDeltaY() > 0 ? 1 / WHEEL_ZOOM : WHEEL_ZOOM);
            e.consume();
        }
    }

    private void pressed(MouseEvent e) {
        dragStart = axisPoint(e);
        dragLast = dragStart;
        panning = e.getButton() == MouseButton.SECONDARY || e.getButton() == MouseButton.MIDDLE || e.isShiftDown();
    }

    private void dragged(MouseEvent e) {
        if (dragStart == null) {
            return;
        }
        Point2D now = new Point2D(x.sceneToLocal(e.getSceneX(), e.getSceneY()).getX(),
                y.sceneToLocal(e.getSceneX(), e.getSceneY()).getY());
        showHover(null);
        if (panning) {
            pan(now.getX() - dragLast.getX(), now.getY() - dragLast.getY());
        } else {
            Point2D a = overlayPoint(dragStart);
            Point2D b = overlayPoint(now);
            zoomBox.setX(Math.min(a.getX(), b.getX()));
            zoomBox.setY(Math.min(a.getY(), b.getY()));
            zoomBox.setWidth(Math.abs(a.getX() - b.getX()));
            zoomBox.setHeight(Math.abs(a.getY() - b.getY()));
            zoomBox.setVisible(true);
        }
        dragLast = now;
    }

    private void released(MouseEvent e) {
        if (dragStart != null && !panning && dragLast != null
                && Math.abs(dragLast.getX() - dragStart.getX()) >= MIN_DRAG_PIXELS
                && Math.abs(dragLast.getY() - dragStart.getY()) >= MIN_DRAG_PIXELS) {
            zoomTo(dragStart.getX(), dragStart.getY(), dragLast.getX(), dragLast.getY());
        }
        zoomBox.setVisible(false);
        dragStart = null;
    }

    /** An axis-pixel point in the overlay's coordinates. */
    private Point2D overlayPoint(Point2D axisPixels) {
        Point2D sceneX = x.localToScene(axisPixels.getX(), 0);
        Point2D sceneY = y.localToScene(0, axisPixels.getY());
        return hover.getParent().sceneToLocal(sceneX.getX(), sceneY.getY());
    }

    // ---- the point under the mouse ----------------------------------------------------------------

    /**
     * What hovering at axis pixel {@code p} reads out: "step 1200 · r = 3.162e-05" for the nearest
     * point within reach, or null.
     */
    public String hoverText(Point2D p) {
        NearestPoint.Hit hit = nearest(p);
        if (hit == null) {
            return null;
        }
        String series = chart.getData().get(hit.series()).getName();
        return x.getLabel() + " " + Ticks.value(hit.point().x()) + " · " + (series == null ? y.getLabel() : series)
                + " = " + Ticks.value(hit.point().y());
    }

    private NearestPoint.Hit nearest(Point2D p) {
        if (p == null) {
            return null;
        }
        List<List<ChartPoint>> series = new ArrayList<>();
        for (XYChart.Series<Number, Number> s : chart.getData()) {
            SeriesMirror m = mirrors.get(s);
            series.add(m == null ? List.of() : m.source);
        }
        return NearestPoint.find(series, v -> x.getDisplayPosition(x.toAxis(v)),
                v -> y.getDisplayPosition(y.toAxis(v)), p.getX(), p.getY(), HOVER_PIXELS);
    }

    private void showHover(Point2D p) {
        NearestPoint.Hit hit = nearest(p);
        boolean show = hit != null;
        hover.setVisible(show);
        marker.setVisible(show);
        if (!show) {
            return;
        }
        hover.setText(hoverText(p));
        Point2D at = overlayPoint(new Point2D(x.getDisplayPosition(x.toAxis(hit.point().x())),
                y.getDisplayPosition(y.toAxis(hit.point().y()))));
        marker.setCenterX(at.getX());
        marker.setCenterY(at.getY());
        hover.autosize();
        double w = hover.getWidth();
        double left = at.getX() + 10 + w > getWidth() ? at.getX() - 10 - w : at.getX() + 10;
        hover.relocate(Math.max(0, left), Math.max(0, at.getY() - hover.getHeight() - 6));
    }
}
