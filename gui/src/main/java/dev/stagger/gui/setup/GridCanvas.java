package dev.stagger.gui.setup;

import dev.stagger.engine.grid.Dimension;
import dev.stagger.engine.project.GridSpec;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws the domain in physical coordinates: axes with ticks, the rank blocks (coloured, numbered,
 * sized as {@link RankLayout} cuts them), cell lines where they are at least a few pixels apart
 * (every k-th otherwise), and an inset of one staggered cell: Center value (dot), Vertex values
 * (squares), vector components on the faces (arrows). 3D grids are drawn as their x-y plane.
 */
public final class GridCanvas extends Region {
    /** Block fill colours, cycled by rank. */
    static final Color[] BLOCK_COLOURS = {
        Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#59a14f"), Color.web("#e15759"),
        Color.web("#76b7b2"), Color.web("#edc948"), Color.web("#b07aa1"), Color.web("#ff9da7"),
    };
    private static final double MIN_LINE_GAP_PX = 6;
    private static final double MARGIN = 48;

    private final Canvas canvas = new Canvas();
    private final ObservableValue<GridSpec> grid;
    private final ObservableValue<Number> autoRanks;
    private final ReadOnlyObjectWrapper<RankLayout> layout = new ReadOnlyObjectWrapper<>(this, "layout");
    private double[] domainPx = new double[4];

    public GridCanvas(ObservableValue<GridSpec> grid, ObservableValue<Number> autoRanks) {
        this.grid = grid;
        this.autoRanks = autoRanks;
        getChildren().add(canvas);
        getStyleClass().add("grid-canvas");
        setMinSize(200, 160);
        setPrefSize(560, 420);
        grid.addListener((o, a, b) -> redraw());
        autoRanks.addListener((o, a, b) -> redraw());
        widthProperty().addListener(o -> redraw());
        heightProperty().addListener(o -> redraw());
        redraw();
    }

    /** The block geometry currently drawn. */
    public ReadOnlyObjectProperty<RankLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    /** Domain rectangle in canvas pixels: x0, y0 (top), width, height. */
    double[] domainPixels() {
        return domainPx.clone();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    private void redraw() {
        GridSpec g = grid.getValue();
        if (g == null) {
            return;
        }
        RankLayout l = RankLayout.of(g, autoRanks.getValue().intValue());
        layout.set(l);
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, w, h);
        if (w < 2 * MARGIN || h < 2 * MARGIN) {
            return;
        }
        int dims = g.dims();
        double[] o = g.origin();
        double[] e = g.extent();
        int[] cells = g.cells();
        if (!(e[0] > 0) || (dims > 1 && !(e[1] > 0)) || cells[0] < 1 || (dims > 1 && cells[1] < 1)) {
            gc.setFill(Color.FIREBRICK);
            gc.fillText("the grid has no valid extent or cells", MARGIN, MARGIN);
            return;
        }
        double insetW = Math.min(150, w * 0.28);
        double availW = w - 2 * MARGIN - insetW - 16;
        double availH = h - 2 * MARGIN;
        double ex = e[0];
        double ey = dims == 1 ? ex * 0.08 : e[1];
        double scale = Math.min(availW / ex, availH / ey);
        double pw = ex * scale;
        double ph = ey * scale;
        double x0 = MARGIN;
        double y0 = MARGIN + (availH - ph) / 2;
        domainPx = new double[] {x0, y0, pw, ph};
        double oy = dims == 1 ? 0 : o[1];

        // rank blocks
        gc.setFont(Font.font(12));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        for (RankLayout.Block b : l.blocks()) {
            if (dims == 3 && b.coordinates()[2] != 0) {
                continue; // the x-y plane shows the first z layer of blocks
            }
            double bx = x0 + (b.low()[0] - o[0]) * scale;
            double bw = (b.high()[0] - b.low()[0]) * scale;
            double by = dims == 1 ? y0 : y0 + ph - (b.high()[1] - oy) * scale;
            double bh = dims == 1 ? ph : (b.high()[1] - b.low()[1]) * scale;
            Color c = BLOCK_COLOURS[b.rank() % BLOCK_COLOURS.length];
            gc.setFill(c.deriveColor(0, 1, 1, 0.35));
            gc.fillRect(bx, by, bw, bh);
            gc.setStroke(c.darker());
            gc.setLineWidth(2);
            gc.strokeRect(bx + 1, by + 1, bw - 2, bh - 2);
            gc.setFill(Color.BLACK);
            String size = dims == 1 ? String.valueOf(b.cells()[0]) : b.cells()[0] + "×" + b.cells()[1];
            gc.fillText("rank " + b.rank() + "\n" + size, bx + bw / 2, by + bh / 2);
        }

        // cell lines, thinned to a readable density
        gc.setStroke(Color.gray(0.3, 0.35));
        gc.setLineWidth(0.5);
        int strideX = stride(pw / cells[0]);
        for (int i = 0; i <= cells[0]; i += strideX) {
            double x = x0 + pw * i / cells[0];
            gc.strokeLine(x, y0, x, y0 + ph);
        }
        if (dims > 1) {
            int strideY = stride(ph / cells[1]);
            for (int j = 0; j <= cells[1]; j += strideY) {
                double y = y0 + ph - ph * j / cells[1];
                gc.strokeLine(x0, y, x0 + pw, y);
            }
        }
        gc.setStroke(Color.BLACK);
        gc.setLineWidth(1.5);
        gc.strokeRect(x0, y0, pw, ph);

        // axes and ticks in physical units
        gc.setFill(Color.BLACK);
        gc.setLineWidth(1);
        gc.setFont(Font.font(11));
        for (int t = 0; t <= 4; t++) {
            double x = x0 + pw * t / 4;
            gc.strokeLine(x, y0 + ph, x, y0 + ph + 4);
            gc.setTextBaseline(VPos.TOP);
            gc.fillText(number(o[0] + ex * t / 4), x, y0 + ph + 6);
            if (dims > 1) {
                double y = y0 + ph - ph * t / 4;
                gc.strokeLine(x0 - 4, y, x0, y);
                gc.setTextAlign(TextAlignment.RIGHT);
                gc.setTextBaseline(VPos.CENTER);
                gc.fillText(number(oy + ey * t / 4), x0 - 6, y);
                gc.setTextAlign(TextAlignment.CENTER);
            }
        }
        gc.setTextBaseline(VPos.TOP);
        gc.fillText(Dimension.name(0), x0 + pw / 2, y0 + ph + 22);
        if (dims > 1) {
            gc.fillText(Dimension.name(1), x0 - 36, y0 + ph / 2 - 8);
        }
        String caption = cells[0] + (dims > 1 ? " × " + cells[1] : "") + (dims > 2 ? " × " + cells[2] : "")
                + " cells, " + l.summary() + (dims == 3 ? "; x-y plane shown" : "")
                + (strideX > 1 ? "; every " + strideX + "th cell line" : "");
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText(caption, MARGIN, 8);
        if (l.problem() != null) {
            gc.setFill(Color.FIREBRICK);
            gc.fillText(l.problem(), MARGIN, 24);
        }
        drawInset(gc, w - insetW - 8, MARGIN, insetW);
    }

    /** One staggered cell: Center dot, Vertex squares, arrows of the vector components on the faces. */
    private void drawInset(GraphicsContext gc, double x, double y, double size) {
        double s = size - 30;
        double cx = x + 15;
        double cy = y + 20;
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.TOP);
        gc.setFill(Color.BLACK);
        gc.fillText("one cell", x, y);
        gc.setStroke(Color.BLACK);
        gc.setLineWidth(1);
        gc.strokeRect(cx, cy, s, s);
        // vertices: squares
        gc.setFill(Color.web("#e15759"));
        for (double[] v : new double[][] {{cx, cy}, {cx + s, cy}, {cx, cy + s}, {cx + s, cy + s}}) {
            gc.fillRect(v[0] - 4, v[1] - 4, 8, 8);
        }
        // center: dot
        gc.setFill(Color.web("#4e79a7"));
        gc.fillOval(cx + s / 2 - 5, cy + s / 2 - 5, 10, 10);
        // vector components on faces: Vx on x-faces, Vy on y-faces
        gc.setStroke(Color.web("#59a14f"));
        gc.setFill(Color.web("#59a14f"));
        gc.setLineWidth(2);
        for (double fx : new double[] {cx, cx + s}) {
            arrow(gc, fx - 9, cy + s / 2, fx + 9, cy + s / 2);
        }
        for (double fy : new double[] {cy, cy + s}) {
            arrow(gc, cx + s / 2, fy + 9, cx + s / 2, fy - 9);
        }
        gc.setFill(Color.BLACK);
        gc.setFont(Font.font(10));
        double ly = cy + s + 10;
        gc.fillText("● Center (C)   ■ Vertex", x, ly);
        gc.fillText("→ vector components on faces", x, ly + 14);
    }

    private static void arrow(GraphicsContext gc, double x1, double y1, double x2, double y2) {
        gc.strokeLine(x1, y1, x2, y2);
        double a = Math.atan2(y2 - y1, x2 - x1);
        double hx = 5 * Math.cos(a);
        double hy = 5 * Math.sin(a);
        gc.fillPolygon(new double[] {x2, x2 - hx - hy * 0.6, x2 - hx + hy * 0.6},
                new double[] {y2, y2 - hy + hx * 0.6, y2 - hy - hx * 0.6}, 3);
    }

    /** Every k-th line so that drawn lines are at least {@link #MIN_LINE_GAP_PX} apart. */
    static int stride(double pixelsPerCell) {
        int k = 1;
        while (k * pixelsPerCell < MIN_LINE_GAP_PX) {
            k *= 2;
        }
        return k;
    }

    private static String number(double v) {
        String s = String.format(Locale.ROOT, "%.3g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("\\.?0+$", "");
        }
        return s.equals("-0") ? "0" : s;
    }
}
