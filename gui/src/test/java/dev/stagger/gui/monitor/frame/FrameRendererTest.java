package dev.stagger.gui.monitor.frame;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.live.Preview;
import dev.stagger.gui.monitor.Previews;
import dev.stagger.engine.render.Colormap;
import dev.stagger.engine.render.ColourScale;
import dev.stagger.engine.render.Range;
import dev.stagger.engine.render.Scale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameRendererTest {

    @Test
    void givesTheColoursOfColormapArgbForEveryValueIncludingEdgesAndNaN() {
        int nx = 37;
        int ny = 23;
        Random random = new Random(7);
        float[] values = new float[nx * ny];
        for (int k = 0; k < values.length; k++) {
            values[k] = (float) (random.nextDouble() * 3 - 1);
        }
        values[0] = Float.NaN;
        values[1] = 0f;
        values[2] = 1f;
        values[3] = Float.POSITIVE_INFINITY;
        values[4] = Float.NEGATIVE_INFINITY;
        for (Colormap map : Colormap.values()) {
            int[] out = new int[nx * ny];
            FrameRenderer.render(values, nx, ny, map.table(), map.badArgb(), 0, 1, out);
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    float v = values[i + nx * j];
                    int expected = map.argb(Float.isNaN(v) ? Double.NaN : (v - 0.0) * (1 / 1.0));
                    assertThat(out[i + nx * (ny - 1 - j)]).as("%s at %d,%d (%s)", map, i, j, v).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void theLogKernelGivesTheColoursOfTheEnginesLogScale() {
        int nx = 29;
        int ny = 17;
        Random random = new Random(11);
        float[] values = new float[nx * ny];
        for (int k = 0; k < values.length; k++) {
            values[k] = (float) Math.pow(10, random.nextDouble() * 8 - 5);
        }
        values[0] = Float.NaN;
        values[1] = 0f;
        values[2] = -3f;
        values[3] = Float.POSITIVE_INFINITY;
        values[4] = Float.NEGATIVE_INFINITY;
        values[5] = 1e-4f; // the range's low end
        values[6] = 10f; // its high end
        ColourScale scale = ColourScale.of(Scale.LOG, 1e-4, 10, true, values);
        for (Colormap map : Colormap.values()) {
            int[] out = new int[nx * ny];
            FrameRenderer.renderLog(values, nx, ny, map.table(), map.badArgb(), 1e-4, 10, out);
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    float v = values[i + nx * j];
                    assertThat(out[i + nx * (ny - 1 - j)]).as("%s at %d,%d (%s)", map, i, j, v)
                            .isEqualTo(map.argb(scale.fraction(v)));
                }
            }
        }
    }

    @Test
    void aLogFrameStartsAtTheSmallestPositiveValueAndFallsBackWhenNothingIsPositive() {
        Preview p = Previews.ramp("C", 1, 4, 3); // x + 10 y: 1.79 to 8.96, all positive
        p.values()[0] = 0; // bottom left
        Frame log = FrameRenderer.render(p, Colormap.GREY, Range.auto(), Scale.LOG);
        assertThat(log.scale().isLog()).isTrue();
        assertThat(log.min()).isEqualTo(p.values()[1]);
        assertThat(log.scale().hasUnder()).isTrue();
        assertThat(log.argb()[(3 - 1) * 4]).isEqualTo(Colormap.GREY.argb(0)); // the zero: low end
        assertThat(log.argb()[3]).isEqualTo(Colormap.GREY.argb(1));

        float[] negative = {-1, -2, -3, 0};
        Preview none = new Preview("N", 1, 0.01, 2, 2, negative, new double[] {0.25, 0.75}, new double[] {0.25, 0.75},
                -3, 0, "x", "y", -1, 0, Double.NaN);
        Frame fallback = FrameRenderer.render(none, Colormap.GREY, Range.auto(), Scale.LOG);
        assertThat(fallback.scale().isLog()).isFalse();
        assertThat(fallback.scale().note()).isEqualTo(ColourScale.NO_POSITIVE);
        assertThat(fallback.argb()).isEqualTo(FrameRenderer.render(none, Colormap.GREY, Range.auto()).argb());

        // a 1D field is a line plot: its value axis stays linear (values <= 0 would fall off it), and says so
        Preview line = Previews.ramp("L", 1, 8, 1);
        Frame lineFrame = FrameRenderer.render(line, Colormap.GREY, Range.auto(), Scale.LOG);
        assertThat(lineFrame.scale().isLog()).isFalse();
        assertThat(lineFrame.min()).isEqualTo(line.min());
        assertThat(lineFrame.scale().note()).isEqualTo(ColourScale.LINE_STAYS_LINEAR);
        assertThat(FrameRenderer.render(line, Colormap.GREY, Range.auto()).scale().note()).isEmpty();
    }

    @Test
    void putsTheRastersLastRowOnTopAndUsesThePreviewsRangeWhenAuto() {
        Preview p = Previews.ramp("C", 1, 4, 3);
        Frame f = FrameRenderer.render(p, Colormap.GREY, Range.auto());
        assertThat(f.min()).isEqualTo(p.min());
        assertThat(f.max()).isEqualTo(p.max());
        // bottom-left value is the minimum (black), top-right the maximum (white)
        assertThat(f.argb()[(3 - 1) * 4]).isEqualTo(Colormap.GREY.argb(0));
        assertThat(f.argb()[3]).isEqualTo(Colormap.GREY.argb(1));
    }

    @Test
    void clampsToAFixedRangeAndWidensAConstantOne() {
        Preview p = Previews.ramp("C", 1, 4, 3);
        Frame f = FrameRenderer.render(p, Colormap.VIRIDIS, Range.of(100, 200));
        assertThat(f.argb()).containsOnly(Colormap.VIRIDIS.argb(0));
        Frame constant = FrameRenderer.render(p, Colormap.VIRIDIS, Range.of(2, 2));
        assertThat(constant.min()).isLessThan(2);
        assertThat(constant.max()).isGreaterThan(2);
    }

    @Test
    void autoRangeSpansTheValuesAsShownEvenWhenTheFieldIsNearlyUniform() {
        // a field at steady state: its exact min and max differ by less than floats resolve
        float v = 0.194518f;
        float[] values = {v, Math.nextUp(v), Math.nextUp(Math.nextUp(v)), v};
        double exactMin = v - 1e-9;
        double exactMax = v + 1e-9;
        Preview p = new Preview("C", 1, 0.01, 2, 2, values, new double[] {0.25, 0.75}, new double[] {0.25, 0.75},
                exactMin, exactMax, "x", "y", -1, 0, Double.NaN);
        Frame f = FrameRenderer.render(p, Colormap.GREY, Range.auto());
        assertThat(f.min()).isEqualTo(v);
        assertThat(f.max()).isEqualTo(Math.nextUp(Math.nextUp(v)));
        // row 0 of the raster is the bottom row of the picture: its two values are the map's two ends
        assertThat(f.argb()[2]).isEqualTo(Colormap.GREY.argb(0));
        assertThat(f.argb()[0]).isEqualTo(Colormap.GREY.argb(1));
    }
}
