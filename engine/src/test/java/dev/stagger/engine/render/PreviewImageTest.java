package dev.stagger.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stagger.engine.live.Preview;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PreviewImageTest {

    private static final int W = PreviewImage.DEFAULT_WIDTH;
    private static final int H = PreviewImage.DEFAULT_HEIGHT;

    /** A 64 x 32 raster of block centres on [0, 2] x [0, 1], the value given per (i, j). */
    static Preview raster(String field, java.util.function.IntBinaryOperator value) {
        int nx = 64;
        int ny = 32;
        double[] x = new double[nx];
        double[] y = new double[ny];
        for (int i = 0; i < nx; i++) {
            x[i] = (i + 0.5) * 2.0 / nx;
        }
        for (int j = 0; j < ny; j++) {
            y[j] = (j + 0.5) * 1.0 / ny;
        }
        float[] values = new float[nx * ny];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                float v = value.applyAsInt(i, j);
                values[i + nx * j] = v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return new Preview(field, 7, 0.01234, nx, ny, values, x, y, min, max, "x", "y", -1, 0, 0);
    }

    static Preview sine(int n) {
        double[] x = new double[n];
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * Math.PI * i / (n - 1);
            values[i] = (float) Math.sin(x[i]);
        }
        return new Preview("C", 3, 1.5, n, 1, values, x, new double[] {0}, -1, 1, "x", "", -1, 0, 0);
    }

    static int rgb(int argb) {
        return argb & 0xFFFFFF;
    }

    static boolean dark(int argb) {
        return ColormapTest.luminance(argb) < 0.25;
    }

    /** Nothing touches the image's border: text and lines all lie inside. */
    static void assertNothingClipped(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        for (int x = 0; x < w; x++) {
            for (int d = 0; d < 2; d++) {
                assertThat(rgb(image.getRGB(x, d))).as("pixel (%d, %d)", x, d).isEqualTo(0xFFFFFF);
                assertThat(rgb(image.getRGB(x, h - 1 - d))).as("pixel (%d, %d)", x, h - 1 - d).isEqualTo(0xFFFFFF);
            }
        }
        for (int y = 0; y < h; y++) {
            for (int d = 0; d < 2; d++) {
                assertThat(rgb(image.getRGB(d, y))).as("pixel (%d, %d)", d, y).isEqualTo(0xFFFFFF);
                assertThat(rgb(image.getRGB(w - 1 - d, y))).as("pixel (%d, %d)", w - 1 - d, y).isEqualTo(0xFFFFFF);
            }
        }
    }

    static int darkPixels(BufferedImage image, Rectangle area) {
        int count = 0;
        for (int y = Math.max(0, area.y); y < Math.min(image.getHeight(), area.y + area.height); y++) {
            for (int x = Math.max(0, area.x); x < Math.min(image.getWidth(), area.x + area.width); x++) {
                if (ColormapTest.luminance(image.getRGB(x, y)) < 0.5) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void fieldEqualToXRunsFromTheLowToTheHighEndOfTheMapLeftToRight() {
        Preview p = raster("T", (i, j) -> i);
        PreviewImage.Drawn d = PreviewImage.draw(p, Colormap.VIRIDIS, W, H, Range.auto());
        BufferedImage image = d.image();
        Rectangle plot = d.plot();
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(image.getWidth()).isEqualTo(W);
        assertThat(image.getHeight()).isEqualTo(H);

        for (int y : new int[] {plot.y, plot.y + plot.height / 2, plot.y + plot.height - 1}) {
            assertThat(image.getRGB(plot.x, y)).isEqualTo(Colormap.VIRIDIS.argb(0));
            assertThat(image.getRGB(plot.x + plot.width - 1, y)).isEqualTo(Colormap.VIRIDIS.argb(1));
            // the frame lies just outside the data
            assertThat(dark(image.getRGB(plot.x - 1, y))).isTrue();
            assertThat(dark(image.getRGB(plot.x + plot.width, y))).isTrue();
        }
        // colours increase left to right, one block per 1/64 of the width
        int mid = plot.y + plot.height / 2;
        double previous = -1;
        for (int x = plot.x; x < plot.x + plot.width; x++) {
            double l = ColormapTest.luminance(image.getRGB(x, mid));
            assertThat(l).isGreaterThanOrEqualTo(previous);
            previous = l;
        }
        // the domain is 2 by 1: so is the plot area
        assertThat((double) plot.height / plot.width).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
        // a sizeable plot, inside the image
        assertThat(plot.width).isGreaterThan(W / 2);
        assertThat(new Rectangle(0, 0, W, H).contains(plot)).isTrue();
        assertNothingClipped(image);
    }

    @Test
    void firstRowOfTheRasterIsDrawnAtTheBottom() {
        Preview p = raster("T", (i, j) -> j);
        PreviewImage.Drawn d = PreviewImage.draw(p, Colormap.GREY, W, H, Range.auto());
        Rectangle plot = d.plot();
        int x = plot.x + plot.width / 2;
        assertThat(d.image().getRGB(x, plot.y + plot.height - 1)).isEqualTo(Colormap.GREY.argb(0));
        assertThat(d.image().getRGB(x, plot.y)).isEqualTo(Colormap.GREY.argb(1));
    }

    @Test
    void colourBarOnTheRightRunsFromLowAtTheBottomToHighAtTheTop() {
        Preview p = raster("T", (i, j) -> i);
        PreviewImage.Drawn d = PreviewImage.draw(p, Colormap.TURBO, W, H, Range.auto());
        Rectangle plot = d.plot();
        Rectangle bar = d.colorbar();
        assertThat(bar).isNotNull();
        assertThat(bar.x).isGreaterThan(plot.x + plot.width);
        assertThat(bar.x + bar.width).isLessThan(W);
        assertThat(bar.height).isEqualTo(plot.height);
        int x = bar.x + bar.width / 2;
        BufferedImage image = d.image();
        assertThat(image.getRGB(x, bar.y + bar.height - 1)).isEqualTo(Colormap.TURBO.argb(0));
        assertThat(image.getRGB(x, bar.y)).isEqualTo(Colormap.TURBO.argb(1));
        ColormapTest.assertNear(image.getRGB(x, bar.y + bar.height / 2),
                Colormap.TURBO.argb(0.5) >> 16 & 0xFF, Colormap.TURBO.argb(0.5) >> 8 & 0xFF,
                Colormap.TURBO.argb(0.5) & 0xFF, 12);
        // its tick labels are to its right
        assertThat(darkPixels(image, new Rectangle(bar.x + bar.width + 2, bar.y, W - bar.x - bar.width - 2, bar.height)))
                .isGreaterThan(50);
    }

    @Test
    void axesTicksLabelsAndTitleAreDrawn() {
        PreviewImage.Drawn d = PreviewImage.draw(raster("T", (i, j) -> i + j), Colormap.VIRIDIS, W, H, Range.auto());
        Rectangle plot = d.plot();
        BufferedImage image = d.image();
        assertThat(darkPixels(image, new Rectangle(0, 0, W, plot.y - 2))).as("title").isGreaterThan(100);
        assertThat(darkPixels(image, new Rectangle(plot.x, plot.y + plot.height + 2, plot.width, H - plot.y - plot.height - 2)))
                .as("x ticks and label").isGreaterThan(100);
        assertThat(darkPixels(image, new Rectangle(0, plot.y, plot.x - 2, plot.height)))
                .as("y ticks and label").isGreaterThan(100);
    }

    @Test
    void fixedRangeClampsAndNaNShowsTheBadColour() {
        Preview p = raster("T", (i, j) -> i);
        p.values()[0] = Float.NaN; // bottom-left block
        PreviewImage.Drawn d = PreviewImage.draw(p, Colormap.VIRIDIS, W, H, Range.of(0, 31.5));
        Rectangle plot = d.plot();
        int y = plot.y + plot.height / 2;
        assertThat(d.image().getRGB(plot.x + plot.width - 1, y)).isEqualTo(Colormap.VIRIDIS.argb(1));
        assertThat(d.image().getRGB(plot.x + plot.width * 3 / 4, y)).isEqualTo(Colormap.VIRIDIS.argb(1));
        assertThat(d.image().getRGB(plot.x, plot.y + plot.height - 1)).isEqualTo(Colormap.VIRIDIS.badArgb());
    }

    @Test
    void logScaleSpreadsDecadesEvenlyAndBoxesTheValuesItHasNoPlaceFor() {
        // 10^(i/16 - 2): four decades left to right, and the bottom row zero or negative
        Preview grid = raster("D", (i, j) -> 0);
        float[] v = grid.values();
        for (int j = 0; j < 32; j++) {
            for (int i = 0; i < 64; i++) {
                v[i + 64 * j] = j == 0 ? (i % 2 == 0 ? 0f : -1f) : (float) Math.pow(10, i / 16.0 - 2);
            }
        }
        Preview p = new Preview("D", 7, 0.01234, 64, 32, v, grid.x(), grid.y(), -1, v[63 + 64], "x", "y", -1, 0, 0);
        PreviewImage.Drawn d = PreviewImage.draw(p, Colormap.GREY, W, H, Range.auto(), Scale.LOG);
        Rectangle plot = d.plot();
        int y = plot.y + plot.height / 2;
        // block 16 holds 10^-1, a quarter of the way along the log range 10^-2 to 10^(63/16 - 2)
        double span = 63 / 16.0;
        int block16 = plot.x + (int) ((16 + 0.5) / 64 * plot.width);
        int block48 = plot.x + (int) ((48 + 0.5) / 64 * plot.width);
        assertThat(d.image().getRGB(block16, y)).isEqualTo(Colormap.GREY.argb(1 / span));
        assertThat(d.image().getRGB(block48, y)).isEqualTo(Colormap.GREY.argb(3 / span));
        // the bottom row (0 and -1) in the low-end colour, and a box under the bar that says so
        assertThat(d.image().getRGB(plot.x + 1, plot.y + plot.height - 1)).isEqualTo(Colormap.GREY.argb(0));
        assertThat(d.under()).isNotNull();
        assertThat(d.under().y).isGreaterThan(d.colorbar().y + d.colorbar().height);
        assertThat(d.image().getRGB(d.under().x + d.under().width / 2, d.under().y + d.under().height / 2))
                .isEqualTo(Colormap.GREY.argb(0));
        assertThat(darkPixels(d.image(), new Rectangle(d.under().x + d.under().width + 2, d.under().y,
                60, d.under().height))).as("the box's label").isGreaterThan(5);
        // in the bar, each decade takes the same height: the colour a third of the way up is 10^(span/3 - 2)'s
        Rectangle bar = d.colorbar();
        int third = bar.y + bar.height - 1 - (int) Math.round((bar.height - 1) / 3.0);
        assertThat(ColormapTest.rgb(d.image().getRGB(bar.x + bar.width / 2, third))[0])
                .isCloseTo(ColormapTest.rgb(Colormap.GREY.argb(1 / 3.0))[0], org.assertj.core.data.Offset.offset(2));
        assertNothingClipped(d.image());

        // linear, the same field: no box, and block 16 (0.1 of up to 87) is nearly at the low end
        PreviewImage.Drawn linear = PreviewImage.draw(p, Colormap.GREY, W, H, Range.auto(), Scale.LINEAR);
        assertThat(linear.under()).isNull();
        assertThat(ColormapTest.rgb(linear.image().getRGB(block16, y))[0]).isLessThan(10);
    }

    @Test
    void aLinePlotStaysLinearUnderALogScaleAndSaysSo() {
        PreviewImage.Drawn log = PreviewImage.draw(sine(200), Colormap.VIRIDIS, W, H, Range.auto(), Scale.LOG);
        PreviewImage.Drawn linear = PreviewImage.draw(sine(200), Colormap.VIRIDIS, W, H, Range.auto(), Scale.LINEAR);
        Rectangle plot = log.plot();
        int differ = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (log.image().getRGB(x, y) != linear.image().getRGB(x, y)) {
                    assertThat(y).as("only the title differs").isLessThan(plot.y - 2);
                    differ++;
                }
            }
        }
        assertThat(differ).isGreaterThan(50);
    }

    @Test
    void logScaleWithNothingPositiveIsDrawnLinear() {
        Preview p = raster("N", (i, j) -> -i);
        PreviewImage.Drawn log = PreviewImage.draw(p, Colormap.VIRIDIS, W, H, Range.auto(), Scale.LOG);
        PreviewImage.Drawn linear = PreviewImage.draw(p, Colormap.VIRIDIS, W, H, Range.auto(), Scale.LINEAR);
        assertThat(log.under()).isNull();
        Rectangle plot = log.plot();
        assertThat(plot).isEqualTo(linear.plot());
        for (int x = plot.x; x < plot.x + plot.width; x += 7) {
            assertThat(log.image().getRGB(x, plot.y + 3)).isEqualTo(linear.image().getRGB(x, plot.y + 3));
        }
        // the title says why: the two pictures differ above the plot
        int differ = 0;
        for (int y = 0; y < plot.y - 2; y++) {
            for (int x = 0; x < W; x++) {
                differ += log.image().getRGB(x, y) != linear.image().getRGB(x, y) ? 1 : 0;
            }
        }
        assertThat(differ).isGreaterThan(50);
    }

    @Test
    void constantFieldIsDrawnInTheMiddleColour() {
        Preview p = raster("P", (i, j) -> 3);
        PreviewImage.Drawn d = PreviewImage.draw(p, Colormap.COOLWARM, W, H, Range.auto());
        Rectangle plot = d.plot();
        assertThat(d.image().getRGB(plot.x + 5, plot.y + 5)).isEqualTo(Colormap.COOLWARM.argb(0.5));
        assertThat(d.image().getRGB(plot.x + plot.width - 1, plot.y + plot.height - 1)).isEqualTo(Colormap.COOLWARM.argb(0.5));
        assertNothingClipped(d.image());

        Preview zero = raster("P", (i, j) -> 0);
        assertNothingClipped(PreviewImage.render(zero, Colormap.GREY, W, H, Range.auto()));
        assertNothingClipped(PreviewImage.render(zero, Colormap.GREY, W, H, Range.of(0, 0)));
    }

    @Test
    void lineDrawsTheValuesAgainstX() {
        PreviewImage.Drawn d = PreviewImage.draw(sine(200), Colormap.VIRIDIS, W, H, Range.auto());
        Rectangle plot = d.plot();
        assertThat(d.colorbar()).isNull();
        BufferedImage image = d.image();
        // the curve: dark pixels inside the plot area in most columns
        int columns = 0;
        for (int x = plot.x + 2; x < plot.x + plot.width - 2; x++) {
            if (darkPixels(image, new Rectangle(x, plot.y + 2, 1, plot.height - 4)) > 0) {
                columns++;
            }
        }
        assertThat(columns).isGreaterThan((plot.width - 4) * 9 / 10);
        // sin rises first: at a quarter of the width the curve is in the upper half
        int quarter = plot.x + plot.width / 4;
        assertThat(darkPixels(image, new Rectangle(quarter, plot.y, 1, plot.height / 2))).isGreaterThan(0);
        assertThat(darkPixels(image, new Rectangle(quarter, plot.y + plot.height / 2 + 2, 1, plot.height / 2 - 4)))
                .isZero();
        assertNothingClipped(image);
    }

    @Test
    void constantLineAndTinyImagesStillRender() {
        Preview flat = new Preview("C", 0, 0, 5, 1, new float[] {2, 2, 2, 2, 2}, new double[] {0, 1, 2, 3, 4},
                new double[] {0}, 2, 2, "x", "", -1, 0, 0);
        PreviewImage.Drawn d = PreviewImage.draw(flat, Colormap.VIRIDIS, W, H, Range.auto());
        Rectangle plot = d.plot();
        // a constant is drawn at mid height
        assertThat(darkPixels(d.image(), new Rectangle(plot.x + plot.width / 2, plot.y + plot.height / 2 - 3, 1, 7)))
                .isGreaterThan(0);
        assertNothingClipped(d.image());
        assertNothingClipped(PreviewImage.render(sine(50), Colormap.VIRIDIS, PreviewImage.MIN_WIDTH,
                PreviewImage.MIN_HEIGHT, Range.auto()));
        assertNothingClipped(PreviewImage.render(raster("T", (i, j) -> i), Colormap.VIRIDIS, PreviewImage.MIN_WIDTH,
                PreviewImage.MIN_HEIGHT, Range.auto()));
        Preview single = new Preview("C", 0, 0, 1, 1, new float[] {1}, new double[] {0}, new double[] {0}, 1, 1,
                "x", "", -1, 0, 0);
        assertNothingClipped(PreviewImage.render(single, Colormap.VIRIDIS, W, H, Range.auto()));
    }

    @Test
    void elongatedDomainsAndSlicesRender() {
        int nx = 200;
        double[] x = new double[nx];
        float[] v = new float[nx * 2];
        for (int i = 0; i < nx; i++) {
            x[i] = i * 1e4;
            v[i] = i;
            v[i + nx] = -i;
        }
        Preview thin = new Preview("Vx", 10, 2.5e3, nx, 2, v, x, new double[] {0, 1}, -199, 199, "x", "z", 1, 32, 0.5);
        PreviewImage.Drawn d = PreviewImage.draw(thin, Colormap.COOLWARM, W, H, Range.auto());
        // far thinner than MAX_ASPECT allows: the plot keeps a readable height
        assertThat((double) d.plot().height / d.plot().width)
                .isCloseTo(1 / PreviewImage.MAX_ASPECT, org.assertj.core.data.Offset.offset(0.01));
        assertNothingClipped(d.image());
    }

    @Test
    void refusesTooSmallImages() {
        Preview p = raster("T", (i, j) -> i);
        assertThatThrownBy(() -> PreviewImage.render(p, Colormap.VIRIDIS, 100, 100, Range.auto()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too small");
        assertThatThrownBy(() -> Range.of(2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Range.of(0, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Range.auto().isAuto()).isTrue();
        assertThat(Range.of(0, 1).isAuto()).isFalse();
    }

    @Test
    void rendersWithoutADisplay() {
        assumeTrue(System.getenv("DISPLAY") == null, "a DISPLAY is set");
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
        assertThat(PreviewImage.render(raster("T", (i, j) -> i), Colormap.VIRIDIS, W, H, Range.auto())).isNotNull();
    }

    @Test
    void niceTicks() {
        assertThat(PreviewImage.Axis.step(0, 1, 8)).isEqualTo(0.2);
        assertThat(PreviewImage.Axis.step(-2, 2, 8)).isEqualTo(1);
        assertThat(PreviewImage.Axis.step(0, 5000, 8)).isEqualTo(1000);
        assertThat(PreviewImage.Axis.values(-2, 2, 1)).containsExactly(-2, -1, 0, 1, 2);
        assertThat(PreviewImage.Axis.labels(new double[] {-0.5, 0, 0.5}, 0.5, 0, false)).containsExactly("-0.5", "0.0", "0.5");
        assertThat(PreviewImage.Axis.labels(new double[] {0, 1e-5, 2e-5}, 1e-5, -5, false)).containsExactly("0", "1", "2");
        assertThat(PreviewImage.Axis.exponent(new double[] {0, 1e-5, 2e-5})).isEqualTo(-5);
        assertThat(PreviewImage.Axis.exponent(new double[] {0, 500, 1000})).isZero();

        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = image.createGraphics();
        PreviewImage.Style style = new PreviewImage.Style(g, W, H);
        double[][] ranges = {{-2, 2}, {0, 1}, {0, 5000}, {3e-4, 0.9997}, {-1.1, 1.1}, {0.1, 0.95}, {-7.3, 123.4}};
        for (double[] r : ranges) {
            for (boolean horizontal : new boolean[] {true, false}) {
                PreviewImage.Axis axis = PreviewImage.Axis.of(r[0], r[1], 560, horizontal, style);
                assertThat(axis.ticks.length).as("ticks on [%s, %s]", r[0], r[1]).isBetween(4, 8);
                for (double t : axis.ticks) {
                    assertThat(t).isBetween(r[0], r[1]);
                }
            }
        }
        // a short axis gets fewer, uncrowded ticks
        PreviewImage.Axis shortAxis = PreviewImage.Axis.of(0, 123456, 120, true, style);
        assertThat(shortAxis.ticks.length).isBetween(2, 4);
        g.dispose();
    }

    @Test
    void numbersInTheTitle() {
        assertThat(PreviewImage.scientific(0.01234)).isEqualTo("1.234e-2");
        assertThat(PreviewImage.scientific(0)).isEqualTo("0");
        assertThat(PreviewImage.scientific(123456.7)).isEqualTo("1.235e5");
        assertThat(PreviewImage.general(0.5)).isEqualTo("0.5");
        assertThat(PreviewImage.general(32)).isEqualTo("32");
        assertThat(PreviewImage.general(-1.5e-5)).isEqualTo("-1.5e-5");
    }
}
