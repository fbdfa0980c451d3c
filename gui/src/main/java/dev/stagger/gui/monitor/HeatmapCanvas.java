package dev.stagger.gui.monitor;

import dev.stagger.gui.monitor.frame.Frame;
import dev.stagger.engine.live.Preview;
import dev.stagger.engine.render.ColourScale;
import dev.stagger.engine.render.LogTicks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleBinaryOperator;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link Frame}: a 2D raster as a heatmap (nearest-neighbour pixels, the domain's aspect,
 * y up) with axes in physical units and a colour bar (ticks at decades on a log scale, with a
 * "≤ 0" box for the values a log scale has no place for), a 1D one as a line plot. Only copies the
 * frame's ready ARGB pixels into an image; the colour mapping happened off the FX thread. Text and
 * axes take the theme's text colour (read from a hidden label), so light and dark themes both work.
 */
public final class HeatmapCanvas extends Region {
    private static final double LEFT = 64;
    private static final double RIGHT = 86;
    private static final double TOP = 20; // room for the cursor readout above the plot
    private static final double BOTTOM = 42;

    private final Canvas canvas = new Canvas();
    private final Label themeProbe = new Label();
    private final DoubleBinaryOperator valueAt;
    private final ReadOnlyStringWrapper cursorText = new ReadOnlyStringWrapper(this, "cursorText", "");
    private WritableImage image;
    private WritableImage colorbar;
    private Frame frame;
    private String placeholder = "waiting for the first frame";
    private long draws;
    // the plot rectangle and the physical box it shows, for the cursor readout
    private double px;
    private double py;
    private double pw;
    private double ph;
    private double xlo;
    private double xhi;
    private double ylo;
    private double yhi;

    /** @param valueAt the value at physical (x, y), NaN where none: {@link MonitorViewModel#valueAt} */
    public HeatmapCanvas(DoubleBinaryOperator valueAt) {
        this.valueAt = valueAt;
        getStyleClass().add("heatmap-canvas");
        themeProbe.setManaged(false);
        themeProbe.setVisible(false);
        getChildren().addAll(canvas, themeProbe);
        setMinSize(240, 180);
        setPrefSize(640, 520);
        canvas.setOnMouseMoved(e -> cursor(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> cursorText.set(""));
    }

    /** "x = 0.25, y = -1.5: C = 0.731" under the mouse, empty outside the plot. */
    public ReadOnlyStringProperty cursorTextProperty() {
        return cursorText.getReadOnlyProperty();
    }

    /** Shows {@code f} (FX thread). */
    public void show(Frame f) {
        this.frame = f;
        if (f != null && !f.preview().isLine()) {
            if (image == null || (int) image.getWidth() != f.width() || (int) image.getHeight() != f.height()) {
                image = new WritableImage(f.width(), f.height());
            }
            // opaque pixels: premultiplied and plain ARGB are the same, and the pre format copies straight
            image.getPixelWriter().setPixels(0, 0, f.width(), f.height(), PixelFormat.getIntArgbPreInstance(), f.argb(),
                    0, f.width());
            if (colorbar == null || frameColormapChanged(f)) {
                int[] table = f.colormap().table();
                int[] column = new int[table.length];
                for (int k = 0; k < table.length; k++) {
                    column[k] = table[table.length - 1 - k];
                }
                colorbar = new WritableImage(1, table.length);
                colorbar.getPixelWriter().setPixels(0, 0, 1, table.length, PixelFormat.getIntArgbPreInstance(), column,
                        0, 1);
                colorbarMap = f.colormap();
            }
        }
        draw();
    }

    private dev.stagger.engine.render.Colormap colorbarMap;

    private boolean frameColormapChanged(Frame f) {
        return f.colormap() != colorbarMap;
    }

    /** What to say while there is no frame (empty where a message elsewhere says why). */
    public void setPlaceholder(String text) {
        placeholder = text == null ? "" : text;
        if (frame == null) {
            draw();
        }
    }

    /** Frames drawn so far. */
    public long draws() {
        return draws;
    }

    /** The image the raster was last copied into (null before the first 2D frame): for tests. */
    WritableImage image() {
        return image;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        Paint ink = themeProbe.getTextFill() == null ? Color.GRAY : themeProbe.getTextFill();
        g.setFill(ink);
        g.setStroke(ink);
        g.setFont(Font.font(11));
        g.setLineWidth(1);
        if (frame == null || w < LEFT + RIGHT + 10 || h < TOP + BOTTOM + 10) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(frame == null ? placeholder : "", w / 2, h / 2);
            return;
        }
        draws++;
        Preview p = frame.preview();
        xlo = edge(p.x(), true);
        xhi = edge(p.x(), false);
        double aw = w - LEFT - RIGHT;
        double ah = h - TOP - BOTTOM;
        if (p.isLine()) {
            double[] v = valueRange(frame);
            ylo = v[0];
            yhi = v[1];
            px = LEFT;
            py = TOP;
            pw = aw;
            ph = ah;
            linePlot(g, p);
        } else {
            ylo = edge(p.y(), true);
            yhi = edge(p.y(), false);
            // the domain's aspect, within bounds so that slivers stay readable
            double aspect = Math.max(0.1, Math.min(10, (yhi - ylo) / (xhi - xlo)));
            pw = Math.min(aw, ah / aspect);
            ph = pw * aspect;
            px = LEFT + (aw - pw) / 2;
            py = TOP + (ah - ph) / 2;
            g.setImageSmoothing(false);
            g.drawImage(image, px, py, pw, ph);
            colorbar(g, px + pw + 14, py, 14, ph);
        }
        if (!frame.scale().note().isEmpty()) {
            // why the log scale asked for is not shown (nothing positive); top right, clear of the cursor readout
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(frame.scale().note(), w - 4, TOP / 2);
        }
        g.strokeRect(px + 0.5, py + 0.5, pw - 1, ph - 1);
        axes(g, p);
    }

    private void linePlot(GraphicsContext g, Preview p) {
        int n = p.nx();
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = toPixelX(p.x()[i]);
            ys[i] = toPixelY(p.values()[i]);
        }
        g.save();
        g.beginPath();
        g.rect(px, py, pw, ph);
        g.clip();
        g.setLineWidth(1.5);
        g.strokePolyline(xs, ys, n);
        g.restore();
    }

    private void colorbar(GraphicsContext g, double x, double y, double w, double h) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double barHeight = h;
        if (frame.scale().hasUnder() && h >= 60) {
            // the values a log scale has no place for: a box in their colour below the bar
            double box = Math.min(14, h / 4);
            barHeight = h - box - 4;
            Paint ink = g.getFill();
            int low = frame.colormap().argb(0);
            g.setFill(Color.rgb(low >> 16 & 0xFF, low >> 8 & 0xFF, low & 0xFF));
            g.fillRect(x, y + h - box, w, box);
            g.setFill(ink);
            g.strokeRect(x + 0.5, y + h - box + 0.5, w - 1, box - 1);
            g.fillText(UNDER_LABEL, x + w + 6, y + h - box / 2);
        }
        g.drawImage(colorbar, x, y, w, barHeight);
        g.strokeRect(x + 0.5, y + 0.5, w - 1, barHeight - 1);
        for (BarTick t : colorbarTicks(frame.scale(), Math.max(2, (int) (barHeight / 40)))) {
            double ty = y + barHeight - t.fraction() * barHeight;
            g.strokeLine(x + w, ty, x + w + 4, ty);
            g.fillText(t.label(), x + w + 6, ty);
        }
    }

    /** What the box under a log scale's colour bar is labelled. */
    static final String UNDER_LABEL = "\u2264 0";

    /** A colour bar tick: where it sits (0 bottom, 1 top) and what it reads. */
    record BarTick(double fraction, String label) {}

    /** The colour bar's ticks: round numbers on a linear scale, decades (or 1-2-5) on a log one. */
    static List<BarTick> colorbarTicks(ColourScale scale, int most) {
        List<BarTick> out = new ArrayList<>();
        if (scale.isLog()) {
            double[] values = LogTicks.values(scale.lo(), scale.hi(), most);
            String[] labels = LogTicks.labels(values, true);
            for (int k = 0; k < values.length; k++) {
                out.add(new BarTick(scale.fraction(values[k]), labels[k]));
            }
            return out;
        }
        List<Double> ticks = ticks(scale.lo(), scale.hi(), most);
        for (double t : ticks) {
            out.add(new BarTick(scale.fraction(t), label(t, step(ticks))));
        }
        return out;
    }

    private void axes(GraphicsContext g, Preview p) {
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        List<Double> xTicks = ticks(xlo, xhi, Math.max(2, (int) (pw / 80)));
        for (double t : xTicks) {
            double tx = toPixelX(t);
            g.strokeLine(tx, py + ph, tx, py + ph + 4);
            g.fillText(label(t, step(xTicks)), tx, py + ph + 6);
        }
        g.fillText(p.xLabel(), px + pw / 2, py + ph + 22);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        List<Double> yTicks = ticks(ylo, yhi, Math.max(2, (int) (ph / 50)));
        for (double t : yTicks) {
            double ty = toPixelY(t);
            g.strokeLine(px - 4, ty, px, ty);
            g.fillText(label(t, step(yTicks)), px - 6, ty);
        }
        String yName = p.isLine() ? p.field() : p.yLabel();
        g.save();
        g.translate(12, py + ph / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(yName, 0, 0);
        g.restore();
    }

    private double toPixelX(double x) {
        return px + (x - xlo) / (xhi - xlo) * pw;
    }

    private double toPixelY(double y) {
        return py + ph - (y - ylo) / (yhi - ylo) * ph;
    }

    private void cursor(double mx, double my) {
        if (frame == null || mx < px || mx > px + pw || my < py || my > py + ph) {
            cursorText.set("");
            return;
        }
        Preview p = frame.preview();
        double x = xlo + (mx - px) / pw * (xhi - xlo);
        if (p.isLine()) {
            double v = valueAt.applyAsDouble(x, 0);
            cursorText.set(String.format(Locale.ROOT, "%s = %.4g: %s = %.6g", p.xLabel(), x, p.field(), v));
        } else {
            double y = ylo + (py + ph - my) / ph * (yhi - ylo);
            double v = valueAt.applyAsDouble(x, y);
            cursorText.set(String.format(Locale.ROOT, "%s = %.4g, %s = %.4g: %s = %.6g", p.xLabel(), x, p.yLabel(), y,
                    p.field(), v) + underNote(frame.scale(), v));
        }
    }

    /** What the readout adds for a value a log scale has no place for. */
    static String underNote(ColourScale scale, double v) {
        return scale.isLog() && v <= 0 ? " (" + UNDER_LABEL + ": below the log scale, drawn in its low-end colour)" : "";
    }

    /** The outer edge of the first (low) or last bin of increasing centres {@code c}. */
    static double edge(double[] c, boolean low) {
        int n = c.length;
        if (n == 1) {
            return low ? c[0] - 0.5 : c[0] + 0.5;
        }
        return low ? c[0] - (c[1] - c[0]) / 2 : c[n - 1] + (c[n - 1] - c[n - 2]) / 2;
    }

    private static double[] valueRange(Frame f) {
        double lo = f.min();
        double hi = f.max();
        double d = (hi - lo) * 0.05;
        return new double[] {lo - d, hi + d};
    }

    /** Round-numbered ticks within [lo, hi], about {@code most} of them. */
    static List<Double> ticks(double lo, double hi, int most) {
        List<Double> out = new ArrayList<>();
        double span = hi - lo;
        if (!(span > 0) || !Double.isFinite(span)) {
            return out;
        }
        double raw = span / most;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag <= 1 ? mag : raw / mag <= 2 ? 2 * mag : raw / mag <= 5 ? 5 * mag : 10 * mag;
        for (double t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return out;
    }

    private static double step(List<Double> ticks) {
        return ticks.size() < 2 ? 0 : ticks.get(1) - ticks.get(0);
    }

    /**
     * A tick's number: four significant digits, more where the ticks are closer than that resolves
     * (a nearly uniform field's colour bar spans 0.1945120 to 0.1945126), trailing zeros dropped.
     */
    static String label(double v, double step) {
        int digits = 4;
        if (step > 0 && v != 0 && Double.isFinite(v)) {
            int needed = (int) Math.floor(Math.log10(Math.abs(v))) - (int) Math.floor(Math.log10(step)) + 1;
            digits = Math.max(4, Math.min(15, needed));
        }
        String s = String.format(Locale.ROOT, "%." + digits + "g", v);
        if (s.contains("e")) {
            return s;
        }
        if (s.indexOf('.') < 0) {
            return s;
        }
        // trailing zeros and a bare point go; by hand, since a regex is compiled per call and this runs per tick
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}
