package dev.stagger.engine.render;

import dev.stagger.engine.live.Preview;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Draws a {@link Preview} as a figure: a heatmap with axes, ticks and a colour bar for a 2D raster,
 * a line plot for a 1D one. Uses only {@link BufferedImage} and {@link Graphics2D}, which need no
 * display, so it works headless on a cluster node (and sets no system property to get there).
 */
public final class PreviewImage {

    /** The size {@code stagger preview} draws by default. */
    public static final int DEFAULT_WIDTH = 900;
    public static final int DEFAULT_HEIGHT = 700;
    /** Smaller images cannot hold the axes and labels readably. */
    public static final int MIN_WIDTH = 240;
    public static final int MIN_HEIGHT = 180;

    /**
     * A domain more elongated than this (height over width, or the reverse) is drawn with its plot
     * area stretched to this ratio rather than true to its extents, which would leave a sliver a few
     * pixels thick with no room for tick labels. Below it the aspect ratio is exact.
     */
    static final double MAX_ASPECT = 10;

    private static final Color TEXT = new Color(0x22, 0x22, 0x22);
    private static final Color AXIS = new Color(0x33, 0x33, 0x33);
    private static final Color GRID = new Color(0xE4, 0xE4, 0xE4);
    /** matplotlib's first line colour. */
    private static final Color LINE = new Color(0x1F, 0x77, 0xB4);

    private PreviewImage() {}

    /**
     * Draws {@code preview} into a new {@code width} by {@code height} ARGB image (opaque white
     * background). For a 2D raster: nearest-neighbour blocks with the domain's aspect ratio, y up,
     * the colour map spanning {@code range} (values outside it clamped, NaN in the map's bad
     * colour) and a colour bar; for a 1D one ({@link Preview#isLine()}): the values against x, the
     * value axis spanning {@code range}, or the preview's min and max padded by 5%.
     */
    public static BufferedImage render(Preview preview, Colormap map, int width, int height, Range range) {
        return render(preview, map, width, height, range, Scale.LINEAR);
    }

    /**
     * As {@link #render(Preview, Colormap, int, int, Range)}, with the colours spread over the range
     * by {@code scale}. Under {@link Scale#LOG} (2D only; a line plot keeps a linear axis, and its title says so) the colour
     * bar has ticks at decades, and {@link ColourScale} says what becomes of values that are not
     * positive: drawn in the map's low-end colour, shown as a "≤ 0" box under the colour bar; with
     * nothing positive the picture is linear and its title says so.
     */
    public static BufferedImage render(Preview preview, Colormap map, int width, int height, Range range, Scale scale) {
        return draw(preview, map, width, height, range, scale).image();
    }

    /**
     * The image and where its plot area, colour bar (null for a line plot) and the log scale's box
     * for values that are not positive (null when there is none) ended up; for tests.
     */
    record Drawn(BufferedImage image, Rectangle plot, Rectangle colorbar, Rectangle under) {}

    static Drawn draw(Preview preview, Colormap map, int width, int height, Range range) {
        return draw(preview, map, width, height, range, Scale.LINEAR);
    }

    static Drawn draw(Preview preview, Colormap map, int width, int height, Range range, Scale scale) {
        if (preview == null || map == null || range == null || scale == null) {
            throw new IllegalArgumentException("render needs a preview, a colour map and a range (Range.auto())");
        }
        if (width < MIN_WIDTH || height < MIN_HEIGHT) {
            throw new IllegalArgumentException("image " + width + " x " + height + " is too small for a figure; at least "
                    + MIN_WIDTH + " x " + MIN_HEIGHT);
        }
        if (preview.nx() < 1 || preview.ny() < 1) {
            throw new IllegalArgumentException("preview of " + preview.field() + " has no values");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            Style style = new Style(g, width, height);
            return preview.isLine()
                    ? new Figure(g, image, style, preview, map, range, scale).line()
                    : new Figure(g, image, style, preview, map, range, scale).heatmap();
        } finally {
            g.dispose();
        }
    }

    // ---- sizes and fonts -------------------------------------------------------------------

    /** Fonts and distances scaled to the image: 14 px tick labels at the default 900 x 700. */
    static final class Style {
        final Font tick;
        final Font label;
        final Font title;
        final FontMetrics tickMetrics;
        final FontMetrics labelMetrics;
        final int pad;
        final int tickLength;
        final int tickGap;
        final boolean unicodeMinus;

        Style(Graphics2D g, int width, int height) {
            int size = (int) Math.round(Math.max(10, Math.min(40, Math.min(width, height) / 50.0)));
            tick = new Font(Font.SANS_SERIF, Font.PLAIN, size);
            label = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(size * 1.1f));
            title = new Font(Font.SANS_SERIF, Font.BOLD, Math.round(size * 1.2f));
            tickMetrics = g.getFontMetrics(tick);
            labelMetrics = g.getFontMetrics(label);
            pad = Math.round(size * 0.9f);
            tickLength = Math.max(3, Math.round(size * 0.4f));
            tickGap = Math.max(2, Math.round(size * 0.3f));
            unicodeMinus = tick.canDisplay('\u2212');
        }

        int tickHeight() {
            return tickMetrics.getAscent() + tickMetrics.getDescent();
        }

        int labelHeight() {
            return labelMetrics.getAscent() + labelMetrics.getDescent();
        }

        /** Height of a "x10^e" multiplier line. */
        int multiplierHeight() {
            return Math.round(tickHeight() * 1.3f);
        }
    }

    // ---- the figure ------------------------------------------------------------------------

    private static final class Figure {
        final Graphics2D g;
        final BufferedImage image;
        final Style s;
        final Preview p;
        final Colormap map;
        final Range range;
        final Scale scale;
        final int width;
        final int height;
        /** The note a fallback from the scale asked for adds to the title ("" for none). */
        String note = "";

        Figure(Graphics2D g, BufferedImage image, Style s, Preview p, Colormap map, Range range, Scale scale) {
            this.g = g;
            this.image = image;
            this.s = s;
            this.p = p;
            this.map = map;
            this.range = range;
            this.scale = scale;
            this.width = image.getWidth();
            this.height = image.getHeight();
        }

        Drawn heatmap() {
            double[] xe = edges(p.x());
            double[] ye = edges(p.y());
            double xlo = Math.min(xe[0], xe[xe.length - 1]);
            double xhi = Math.max(xe[0], xe[xe.length - 1]);
            double ylo = Math.min(ye[0], ye[ye.length - 1]);
            double yhi = Math.max(ye[0], ye[ye.length - 1]);
            double[] values = valueRange(false);
            ColourScale colours = ColourScale.of(scale, values[0], values[1], !range.isAuto(), p.values());
            double vlo = colours.lo();
            double vhi = colours.hi();
            note = colours.note();
            String fieldName = text(p.field()) + (colours.isLog() ? " (log)" : "");

            // first pass: the margins, with ticks for the largest plot area the image allows
            int barWidth = Math.max(10, Math.round(s.tick.getSize() * 1.5f));
            int barGap = Math.round(s.pad * 1.2f);
            int top0 = s.pad + titleHeight() + Math.round(s.pad * 0.5f);
            int bottom = s.tickLength + s.tickGap + s.tickHeight() + Math.round(s.pad * 0.4f) + s.labelHeight() + s.pad;
            int roughHeight = Math.max(50, height - top0 - bottom);
            Axis yGuess = Axis.of(ylo, yhi, roughHeight, false, s);
            Axis barGuess = colours.isLog() ? Axis.log(vlo, vhi, roughHeight, s) : Axis.of(vlo, vhi, roughHeight, false, s);
            int top = top0 + (yGuess.exponent != 0 || barGuess.exponent != 0 ? s.multiplierHeight() : 0);
            int left = s.pad + labelBlock(p.yLabel()) + yGuess.maxWidth(s) + s.tickGap + s.tickLength;
            int right = barGap + barWidth + 1 + s.tickLength + s.tickGap + barGuess.maxWidth(s)
                    + labelBlock(fieldName) + s.pad;
            int availableWidth = width - left - right;
            int availableHeight = height - top - bottom;
            if (availableWidth < 40 || availableHeight < 40) {
                throw new IllegalArgumentException("image " + width + " x " + height
                        + " leaves no room for the plot between its labels");
            }

            // the plot area: true to the domain's aspect ratio (up to MAX_ASPECT), centred
            double aspect = (yhi - ylo) / (xhi - xlo);
            aspect = Math.max(1 / MAX_ASPECT, Math.min(MAX_ASPECT, aspect));
            int pw = availableWidth;
            int ph = (int) Math.round(pw * aspect);
            if (ph > availableHeight) {
                ph = availableHeight;
                pw = Math.max(1, (int) Math.round(ph / aspect));
            }
            ph = Math.max(1, ph);
            int px = left + (availableWidth - pw) / 2;
            int py = top + (availableHeight - ph) / 2;
            Rectangle plot = new Rectangle(px, py, pw, ph);
            Rectangle bar = new Rectangle(px + pw + barGap, py, barWidth, ph);
            Rectangle under = null;
            if (colours.hasUnder()) {
                // a box for the values a log scale has no place for, below a gap under the bar
                int box = Math.min(ph / 4, Math.max(s.tickHeight(), barWidth));
                int gap = Math.max(2, box / 2);
                if (ph - box - gap >= 20) {
                    under = new Rectangle(bar.x, py + ph - box, barWidth, box);
                    bar = new Rectangle(bar.x, py, barWidth, ph - box - gap);
                }
            }

            Axis xAxis = Axis.of(xlo, xhi, pw, true, s);
            Axis yAxis = Axis.of(ylo, yhi, ph, false, s);
            Axis barAxis = colours.isLog() ? Axis.log(vlo, vhi, bar.height, s) : Axis.of(vlo, vhi, bar.height, false, s);

            fillRaster(plot, xe, ye, xlo, xhi, ylo, yhi, colours);
            fillColorbar(bar);
            frame(plot);
            frame(bar);
            if (under != null) {
                g.setColor(new Color(map.argb(0), true));
                g.fillRect(under.x, under.y, under.width, under.height);
                frame(under);
                g.setFont(s.tick);
                g.setColor(TEXT);
                g.drawString((s.tick.canDisplay('\u2264') ? "\u2264" : "<=") + " 0",
                        under.x + under.width + 1 + s.tickLength + s.tickGap,
                        centredBaseline(under.y + under.height / 2, s.tickMetrics));
            }
            xTicks(plot, xAxis);
            yTicks(plot, yAxis);
            barTicks(bar, barAxis);

            xLabel(plot, text(p.xLabel()), xAxis);
            yLabel(plot, text(p.yLabel()), yAxis);
            rotatedLabelRight(bar.x + bar.width + 1 + s.tickLength + s.tickGap + barAxis.maxWidth(s)
                    + Math.round(s.pad * 0.5f), bar.y + bar.height / 2, fieldName, bar.height);
            int multiplierRow = 0;
            if (yAxis.exponent != 0) {
                multiplier(px - 1, py - Math.round(s.pad * 0.5f), yAxis.exponent, false);
                multiplierRow = s.multiplierHeight();
            }
            if (barAxis.exponent != 0) {
                multiplier(bar.x, py - Math.round(s.pad * 0.5f), barAxis.exponent, false);
                multiplierRow = s.multiplierHeight();
            }
            title(px + pw / 2.0, py - Math.round(s.pad * 0.5f) - multiplierRow);
            return new Drawn(image, plot, bar, under);
        }

        Drawn line() {
            double xlo = Double.POSITIVE_INFINITY;
            double xhi = Double.NEGATIVE_INFINITY;
            for (double x : p.x()) {
                if (Double.isFinite(x)) {
                    xlo = Math.min(xlo, x);
                    xhi = Math.max(xhi, x);
                }
            }
            if (!(xlo <= xhi)) {
                xlo = 0;
                xhi = 1;
            }
            if (xlo == xhi) {
                double d = xlo == 0 ? 0.5 : Math.abs(xlo) * 0.05;
                xlo -= d;
                xhi += d;
            }
            double[] values = valueRange(true);
            double vlo = values[0];
            double vhi = values[1];
            String fieldName = text(p.field());
            note = scale == Scale.LOG ? ColourScale.LINE_STAYS_LINEAR : "";

            int top0 = s.pad + titleHeight() + Math.round(s.pad * 0.5f);
            int bottom = s.tickLength + s.tickGap + s.tickHeight() + Math.round(s.pad * 0.4f) + s.labelHeight() + s.pad;
            Axis yGuess = Axis.of(vlo, vhi, Math.max(50, height - top0 - bottom), false, s);
            Axis xGuess = Axis.of(xlo, xhi, Math.max(50, width / 2), true, s);
            int top = top0 + (yGuess.exponent != 0 ? s.multiplierHeight() : 0);
            int left = s.pad + labelBlock(fieldName) + yGuess.maxWidth(s) + s.tickGap + s.tickLength;
            int right = Math.max(s.pad * 2, xGuess.maxWidth(s) / 2 + s.pad);
            int pw = width - left - right;
            int ph = height - top - bottom;
            if (pw < 40 || ph < 40) {
                throw new IllegalArgumentException("image " + width + " x " + height
                        + " leaves no room for the plot between its labels");
            }
            Rectangle plot = new Rectangle(left, top, pw, ph);
            Axis xAxis = Axis.of(xlo, xhi, pw, true, s);
            Axis yAxis = Axis.of(vlo, vhi, ph, false, s);

            grid(plot, xAxis, yAxis);
            curve(plot, xlo, xhi, vlo, vhi);
            frame(plot);
            xTicks(plot, xAxis);
            yTicks(plot, yAxis);
            xLabel(plot, text(p.xLabel()), xAxis);
            yLabel(plot, fieldName, yAxis);
            int multiplierRow = 0;
            if (yAxis.exponent != 0) {
                multiplier(plot.x - 1, plot.y - Math.round(s.pad * 0.5f), yAxis.exponent, false);
                multiplierRow = s.multiplierHeight();
            }
            title(plot.x + plot.width / 2.0, plot.y - Math.round(s.pad * 0.5f) - multiplierRow);
            return new Drawn(image, plot, null, null);
        }

        // ---- values --------------------------------------------------------------------------

        /**
         * The values at the ends of the colour map or value axis: the fixed range, or the preview's
         * min and max (the raster's own if those are not finite), padded by 5% for a line plot. A
         * constant field gets a symmetric range around its value, so it is drawn in mid colour
         * (mid height) and nothing divides by zero.
         */
        double[] valueRange(boolean pad) {
            double lo;
            double hi;
            if (!range.isAuto()) {
                lo = range.min();
                hi = range.max();
            } else {
                lo = p.min();
                hi = p.max();
                if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo <= hi)) {
                    lo = Double.POSITIVE_INFINITY;
                    hi = Double.NEGATIVE_INFINITY;
                    for (float v : p.values()) {
                        if (Float.isFinite(v)) {
                            lo = Math.min(lo, v);
                            hi = Math.max(hi, v);
                        }
                    }
                    if (!(lo <= hi)) {
                        lo = 0;
                        hi = 1;
                    }
                }
                if (pad && hi > lo) {
                    double d = (hi - lo) * 0.05;
                    lo -= d;
                    hi += d;
                }
            }
            if (!(hi > lo)) {
                double d = lo == 0 ? 1 : Math.abs(lo) * 0.1;
                lo -= d;
                hi += d;
            }
            return new double[] {lo, hi};
        }

        // ---- the heatmap ---------------------------------------------------------------------

        /** Nearest-neighbour blocks, exactly on pixels: each pixel shows the raster cell under its centre. */
        void fillRaster(Rectangle plot, double[] xe, double[] ye, double xlo, double xhi, double ylo, double yhi,
                ColourScale scale) {
            int nx = p.nx();
            int[] colours = new int[p.values().length];
            if (scale.isLog()) {
                for (int k = 0; k < colours.length; k++) {
                    colours[k] = map.argb(scale.fraction(p.values()[k]));
                }
            } else {
                // the linear arithmetic as before, to the last bit: the workbench's kernel matches it
                double vlo = scale.lo();
                double inverse = 1 / (scale.hi() - vlo);
                for (int k = 0; k < colours.length; k++) {
                    float v = p.values()[k];
                    colours[k] = map.argb(Float.isNaN(v) ? Double.NaN : (v - vlo) * inverse);
                }
            }
            int[] column = new int[plot.width];
            for (int c = 0; c < plot.width; c++) {
                column[c] = cell(xe, xlo + (c + 0.5) / plot.width * (xhi - xlo));
            }
            int[] line = new int[plot.width];
            for (int r = 0; r < plot.height; r++) {
                // image rows go down, y goes up: the top pixel row shows the raster's last row
                int j = cell(ye, yhi - (r + 0.5) / plot.height * (yhi - ylo));
                for (int c = 0; c < plot.width; c++) {
                    line[c] = colours[column[c] + nx * j];
                }
                image.setRGB(plot.x, plot.y + r, plot.width, 1, line, 0, plot.width);
            }
        }

        void fillColorbar(Rectangle bar) {
            int[] line = new int[bar.width];
            for (int r = 0; r < bar.height; r++) {
                double t = bar.height == 1 ? 0.5 : (bar.height - 1 - r) / (double) (bar.height - 1);
                java.util.Arrays.fill(line, map.argb(t));
                image.setRGB(bar.x, bar.y + r, bar.width, 1, line, 0, bar.width);
            }
        }

        // ---- the line plot -------------------------------------------------------------------

        void curve(Rectangle plot, double xlo, double xhi, double vlo, double vhi) {
            Shape clip = g.getClip();
            g.clip(new Rectangle(plot.x - 1, plot.y - 1, plot.width + 2, plot.height + 2));
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            float lineWidth = Math.max(1.5f, s.tick.getSize() / 7f);
            g.setStroke(new BasicStroke(lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(LINE);
            Path2D.Double path = new Path2D.Double();
            int n = p.nx();
            boolean open = false;
            for (int i = 0; i < n; i++) {
                float v = p.values()[i];
                double x = p.x()[i];
                if (!Float.isFinite(v) || !Double.isFinite(x)) {
                    open = false;
                    continue;
                }
                double sx = plot.x + (x - xlo) / (xhi - xlo) * plot.width;
                double sy = plot.y + plot.height - (v - vlo) / (vhi - vlo) * plot.height;
                if (open) {
                    path.lineTo(sx, sy);
                } else {
                    path.moveTo(sx, sy);
                }
                boolean before = i > 0 && Float.isFinite(p.values()[i - 1]);
                boolean after = i + 1 < n && Float.isFinite(p.values()[i + 1]);
                if (!before && !after) {
                    // an isolated point has no line segment to show it
                    double r = lineWidth * 1.8;
                    g.fill(new Ellipse2D.Double(sx - r, sy - r, 2 * r, 2 * r));
                }
                open = true;
            }
            g.draw(path);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setClip(clip);
        }

        void grid(Rectangle plot, Axis xAxis, Axis yAxis) {
            g.setColor(GRID);
            g.setStroke(new BasicStroke(1));
            for (double t : xAxis.ticks) {
                int x = xAxis.pixel(t, plot.x, plot.width, false);
                g.drawLine(x, plot.y, x, plot.y + plot.height - 1);
            }
            for (double t : yAxis.ticks) {
                int y = yAxis.pixel(t, plot.y, plot.height, true);
                g.drawLine(plot.x, y, plot.x + plot.width - 1, y);
            }
        }

        // ---- axes ----------------------------------------------------------------------------

        /** A one-pixel frame just outside {@code area}, so it covers none of the data. */
        void frame(Rectangle area) {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setStroke(new BasicStroke(1));
            g.setColor(AXIS);
            g.drawRect(area.x - 1, area.y - 1, area.width + 1, area.height + 1);
        }

        void xTicks(Rectangle plot, Axis axis) {
            g.setFont(s.tick);
            int y0 = plot.y + plot.height + 1;
            int baseline = y0 + s.tickLength + s.tickGap + s.tickMetrics.getAscent();
            for (int k = 0; k < axis.ticks.length; k++) {
                int x = axis.pixel(axis.ticks[k], plot.x, plot.width, false);
                g.setColor(AXIS);
                g.drawLine(x, y0, x, y0 + s.tickLength - 1);
                String label = axis.labels[k];
                int w = s.tickMetrics.stringWidth(label);
                int lx = Math.max(1, Math.min(width - 1 - w, x - w / 2));
                g.setColor(TEXT);
                g.drawString(label, lx, baseline);
            }
        }

        void yTicks(Rectangle plot, Axis axis) {
            g.setFont(s.tick);
            int x0 = plot.x - 1;
            for (int k = 0; k < axis.ticks.length; k++) {
                int y = axis.pixel(axis.ticks[k], plot.y, plot.height, true);
                g.setColor(AXIS);
                g.drawLine(x0 - s.tickLength, y, x0 - 1, y);
                String label = axis.labels[k];
                int w = s.tickMetrics.stringWidth(label);
                g.setColor(TEXT);
                g.drawString(label, x0 - s.tickLength - s.tickGap - w, centredBaseline(y, s.tickMetrics));
            }
        }

        void barTicks(Rectangle bar, Axis axis) {
            g.setFont(s.tick);
            int x0 = bar.x + bar.width;
            for (int k = 0; k < axis.ticks.length; k++) {
                int y = axis.pixel(axis.ticks[k], bar.y, bar.height, true);
                g.setColor(AXIS);
                g.drawLine(x0 + 1, y, x0 + s.tickLength, y);
                g.setColor(TEXT);
                g.drawString(axis.labels[k], x0 + 1 + s.tickLength + s.tickGap, centredBaseline(y, s.tickMetrics));
            }
        }

        void xLabel(Rectangle plot, String label, Axis axis) {
            int baseline = plot.y + plot.height + 1 + s.tickLength + s.tickGap + s.tickHeight()
                    + Math.round(s.pad * 0.4f) + s.labelMetrics.getAscent();
            if (!label.isEmpty()) {
                g.setFont(s.label);
                g.setColor(TEXT);
                String fitted = fit(label, s.labelMetrics, plot.width);
                int w = s.labelMetrics.stringWidth(fitted);
                g.drawString(fitted, plot.x + (plot.width - w) / 2, baseline);
            }
            if (axis.exponent != 0) {
                multiplier(plot.x + plot.width, baseline, axis.exponent, true);
            }
        }

        void yLabel(Rectangle plot, String label, Axis axis) {
            if (label.isEmpty()) {
                return;
            }
            int right = plot.x - 1 - s.tickLength - s.tickGap - axis.maxWidth(s) - Math.round(s.pad * 0.5f);
            rotated(right - s.labelMetrics.getDescent(), plot.y + plot.height / 2, label, plot.height);
        }

        /**
         * A label reading upwards whose left side is at {@code left}, centred on {@code centreY} and
         * shortened to {@code room} pixels (the colour bar's height, so it never reaches the title).
         */
        void rotatedLabelRight(int left, int centreY, String label, int room) {
            if (label.isEmpty()) {
                return;
            }
            rotated(left + s.labelMetrics.getAscent(), centreY, label, room);
        }

        /** Text reading upwards with its baseline on the vertical line {@code baselineX}. */
        void rotated(int baselineX, int centreY, String label, int room) {
            g.setFont(s.label);
            g.setColor(TEXT);
            String fitted = fit(label, s.labelMetrics, room);
            int w = s.labelMetrics.stringWidth(fitted);
            AffineTransform saved = g.getTransform();
            g.translate(baselineX, centreY + w / 2.0);
            g.rotate(-Math.PI / 2);
            g.drawString(fitted, 0, 0);
            g.setTransform(saved);
        }

        /** "×10^e" (the exponent raised and smaller), ending at {@code x} or starting there. */
        void multiplier(int x, int baseline, int exponent, boolean alignRight) {
            String base = s.tick.canDisplay('\u00D7') ? "\u00D710" : "x10";
            String power = minus(Integer.toString(exponent));
            Font small = s.tick.deriveFont(s.tick.getSize2D() * 0.75f);
            FontMetrics smallMetrics = g.getFontMetrics(small);
            int wBase = s.tickMetrics.stringWidth(base);
            int wPower = smallMetrics.stringWidth(power);
            int start = alignRight ? x - wBase - wPower : x;
            g.setColor(TEXT);
            g.setFont(s.tick);
            g.drawString(base, start, baseline);
            g.setFont(small);
            g.drawString(power, start + wBase + 1, baseline - Math.round(s.tickMetrics.getAscent() * 0.45f));
        }

        /** "FIELD  step N  t = 1.234e-2", plus the slice of a 3D field; centred on {@code centreX}. */
        void title(double centreX, int baseline) {
            String text = titleText();
            Font font = s.title;
            FontMetrics metrics = g.getFontMetrics(font);
            int room = width - 2 * s.pad;
            while (metrics.stringWidth(text) > room && font.getSize() > s.tick.getSize()) {
                font = font.deriveFont((float) (font.getSize() - 1));
                metrics = g.getFontMetrics(font);
            }
            text = fit(text, metrics, room);
            int w = metrics.stringWidth(text);
            int x = (int) Math.round(centreX - w / 2.0);
            x = Math.max(s.pad, Math.min(width - s.pad - w, x));
            g.setFont(font);
            g.setColor(TEXT);
            g.drawString(text, x, baseline - metrics.getDescent());
        }

        int titleHeight() {
            FontMetrics metrics = g.getFontMetrics(s.title);
            return metrics.getAscent() + metrics.getDescent();
        }

        String titleText() {
            StringBuilder b = new StringBuilder();
            b.append(text(p.field())).append("  step ").append(p.step()).append("  t = ").append(minus(scientific(p.time())));
            if (!note.isEmpty()) {
                b.append("  (").append(note).append(')');
            }
            if (p.sliceAxis() >= 0) {
                String axis = p.sliceAxis() <= 2 ? String.valueOf("xyz".charAt(p.sliceAxis())) : "axis " + p.sliceAxis();
                b.append("  ").append(axis).append(" = ").append(minus(general(p.sliceCoordinate())))
                        .append(" (index ").append(p.sliceIndex()).append(')');
            }
            return b.toString();
        }

        /** Width of a rotated axis label and the space after it, or nothing without a label. */
        int labelBlock(String label) {
            return text(label).isEmpty() ? 0 : s.labelHeight() + Math.round(s.pad * 0.5f);
        }

        String minus(String number) {
            return s.unicodeMinus ? number.replace('-', '\u2212') : number;
        }

        static int centredBaseline(int y, FontMetrics metrics) {
            return y + (metrics.getAscent() - metrics.getDescent()) / 2;
        }
    }

    // ---- ticks -----------------------------------------------------------------------------

    /** An axis from {@code lo} to {@code hi} with its tick values, their labels and a common power of ten. */
    static final class Axis {
        final double lo;
        final double hi;
        final double[] ticks;
        final String[] labels;
        final int exponent;

        private Axis(double lo, double hi, double[] ticks, String[] labels, int exponent) {
            this.lo = lo;
            this.hi = hi;
            this.ticks = ticks;
            this.labels = labels;
            this.exponent = exponent;
        }

        /**
         * Nice ticks (1, 2 or 5 times a power of ten apart) for an axis {@code length} pixels long:
         * at most 8, and fewer where the labels would otherwise crowd each other.
         */
        static Axis of(double lo, double hi, double length, boolean horizontal, Style s) {
            Axis axis = null;
            for (int most = 8; most >= 2; most--) {
                double step = step(lo, hi, most);
                double[] ticks = values(lo, hi, step);
                int exponent = exponent(ticks);
                String[] labels = labels(ticks, step, exponent, s.unicodeMinus);
                axis = new Axis(lo, hi, ticks, labels, exponent);
                double spacing = step / (hi - lo) * length;
                double needed = horizontal ? axis.maxWidth(s) + s.tick.getSize() * 1.2 : s.tickHeight() * 1.6;
                if (spacing >= needed) {
                    return axis;
                }
            }
            return axis;
        }

        /**
         * A log axis from {@code lo} to {@code hi} (both > 0), held as their base-10 logarithms so
         * that {@link #pixel} places the ticks: at decades, or {@link LogTicks}' finer ones.
         */
        static Axis log(double lo, double hi, double length, Style s) {
            double[] values = LogTicks.values(lo, hi, Math.max(2, (int) (length / (s.tickHeight() * 1.6))));
            boolean superscripts = s.tick.canDisplay('\u207B') && s.tick.canDisplay('\u00B3');
            String[] labels = LogTicks.labels(values, superscripts);
            double[] at = new double[values.length];
            for (int k = 0; k < values.length; k++) {
                at[k] = Math.log10(values[k]);
                labels[k] = s.unicodeMinus ? labels[k].replace('-', '\u2212') : labels[k];
            }
            return new Axis(Math.log10(lo), Math.log10(hi), at, labels, 0);
        }

        int maxWidth(Style s) {
            int w = 0;
            for (String label : labels) {
                w = Math.max(w, s.tickMetrics.stringWidth(label));
            }
            return w;
        }

        int pixel(double value, int start, int length, boolean upwards) {
            double f = (value - lo) / (hi - lo);
            return (int) Math.round(upwards ? start + length - f * length : start + f * length);
        }

        /** The smallest step of 1, 2 or 5 times a power of ten that leaves at most {@code most} ticks in [lo, hi]. */
        static double step(double lo, double hi, int most) {
            double span = hi - lo;
            int k = (int) Math.floor(Math.log10(span / most)) - 1;
            for (;; k++) {
                for (int m : new int[] {1, 2, 5}) {
                    double step = m * Math.pow(10, k);
                    long first = (long) Math.ceil(lo / step - 1e-9);
                    long last = (long) Math.floor(hi / step + 1e-9);
                    if (last - first + 1 <= most) {
                        return step;
                    }
                }
            }
        }

        static double[] values(double lo, double hi, double step) {
            long first = (long) Math.ceil(lo / step - 1e-9);
            long last = (long) Math.floor(hi / step + 1e-9);
            int n = (int) Math.max(0, last - first + 1);
            double[] ticks = new double[n];
            for (int i = 0; i < n; i++) {
                double t = (first + i) * step;
                ticks[i] = Math.abs(t) < step * 1e-9 ? 0 : t;
            }
            return ticks;
        }

        /** The power of ten factored out of the labels of very large or very small values, else 0. */
        static int exponent(double[] ticks) {
            double big = 0;
            for (double t : ticks) {
                big = Math.max(big, Math.abs(t));
            }
            if (big >= 1e5 || (big > 0 && big < 1e-3)) {
                return (int) Math.floor(Math.log10(big));
            }
            return 0;
        }

        static String[] labels(double[] ticks, double step, int exponent, boolean unicodeMinus) {
            double scale = Math.pow(10, -exponent);
            int decimals = (int) Math.max(0, Math.min(12, Math.ceil(-Math.log10(step * scale) - 1e-9)));
            String[] labels = new String[ticks.length];
            for (int i = 0; i < ticks.length; i++) {
                String label = String.format(Locale.ROOT, "%." + decimals + "f", ticks[i] * scale);
                if (label.startsWith("-") && label.matches("-0(\\.0*)?")) {
                    label = label.substring(1);
                }
                labels[i] = unicodeMinus ? label.replace('-', '\u2212') : label;
            }
            return labels;
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    /**
     * The edges of the blocks centred on {@code centres}: half-way between neighbours, and half a
     * spacing beyond the first and last. A single centre gets a block of width 1.
     */
    static double[] edges(double[] centres) {
        int n = centres.length;
        double[] e = new double[n + 1];
        if (n == 1) {
            e[0] = centres[0] - 0.5;
            e[1] = centres[0] + 0.5;
            return e;
        }
        for (int i = 1; i < n; i++) {
            e[i] = 0.5 * (centres[i - 1] + centres[i]);
        }
        e[0] = centres[0] - 0.5 * (centres[1] - centres[0]);
        e[n] = centres[n - 1] + 0.5 * (centres[n - 1] - centres[n - 2]);
        if (e[0] == e[n]) {
            e[n] = e[0] + 1;
        }
        return e;
    }

    /** The block of {@code edges} (increasing or decreasing) that {@code v} falls in, clamped to the ends. */
    static int cell(double[] edges, double v) {
        int n = edges.length - 1;
        boolean increasing = edges[n] >= edges[0];
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (increasing ? v >= edges[mid] : v <= edges[mid]) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** "1.234e-2": four significant digits, no exponent padding; "0" for zero. */
    static String scientific(double v) {
        if (v == 0) {
            return "0";
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        String s = String.format(Locale.ROOT, "%.3e", v);
        int e = s.indexOf('e');
        int exponent = Integer.parseInt(s.substring(e + 1));
        return s.substring(0, e) + "e" + exponent;
    }

    /** Up to four significant digits without trailing zeros, e.g. "0.5", "32", "1.5e-5". */
    static String general(double v) {
        if (v == 0) {
            return "0";
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            String s = String.format(Locale.ROOT, "%.3e", v);
            int e = s.indexOf('e');
            return trimZeros(s.substring(0, e)) + "e" + Integer.parseInt(s.substring(e + 1));
        }
        int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
        return trimZeros(String.format(Locale.ROOT, "%." + decimals + "f", v));
    }

    private static String trimZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    /** {@code text}, or as much of it as fits in {@code room} pixels followed by an ellipsis. */
    private static String fit(String text, FontMetrics metrics, int room) {
        if (metrics.stringWidth(text) <= room) {
            return text;
        }
        String ellipsis = metrics.getFont().canDisplay('\u2026') ? "\u2026" : "...";
        int n = text.length();
        while (n > 0 && metrics.stringWidth(text.substring(0, n) + ellipsis) > room) {
            n--;
        }
        return text.substring(0, n) + ellipsis;
    }
}
