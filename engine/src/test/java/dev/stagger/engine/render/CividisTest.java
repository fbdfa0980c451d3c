package dev.stagger.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/**
 * The derived cividis keeps the properties it was built for, checked in CIELAB (CIE 1976, D65),
 * a space computed here independently of the Oklab the map is built in.
 */
class CividisTest {

    /** CIELAB {L*, a*, b*} of a packed sRGB colour. */
    static double[] lab(int argb) {
        double r = Oklab.toLinear((argb >> 16 & 0xFF) / 255.0);
        double g = Oklab.toLinear((argb >> 8 & 0xFF) / 255.0);
        double b = Oklab.toLinear((argb & 0xFF) / 255.0);
        return labOfLinear(r, g, b);
    }

    static double[] labOfLinear(double r, double g, double b) {
        // sRGB (D65) to XYZ, IEC 61966-2-1, then relative to the D65 white
        double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    @Test
    void runsFromDarkBlueToYellow() {
        assertThat(Colormap.CIVIDIS.argb(0)).isEqualTo(0xFF00204D);
        assertThat(Colormap.CIVIDIS.argb(1)).isEqualTo(0xFFFFEA46);
        int[] low = ColormapTest.rgb(Colormap.CIVIDIS.argb(0.05));
        assertThat(low[2]).isGreaterThan(low[1]).isGreaterThan(low[0]); // blue
        int[] high = ColormapTest.rgb(Colormap.CIVIDIS.argb(0.95));
        assertThat(Math.min(high[0], high[1])).isGreaterThan(high[2] + 100); // yellow
    }

    @Test
    void theMiddleIsANearlyNeutralGrey() {
        double[] mid = lab(Colormap.CIVIDIS.argb(0.5));
        assertThat(Math.hypot(mid[1], mid[2])).as("chroma C*ab of the middle").isLessThan(6);
        assertThat(mid[0]).isCloseTo(52, offset(4.0)); // half-way in lightness between the ends
    }

    @Test
    void lightnessRisesLinearlyAllTheWay() {
        int[] table = Colormap.CIVIDIS.table();
        double first = lab(table[0])[0];
        double last = lab(table[table.length - 1])[0];
        assertThat(last - first).isGreaterThan(70);
        double previous = first;
        for (int k = 1; k < table.length; k++) {
            double l = lab(table[k])[0];
            // 8-bit rounding moves L* by a few tenths; the trend is +0.3 per entry
            assertThat(l).as("L* of entry %d", k).isGreaterThan(previous - 0.2);
            double line = first + (last - first) * k / (table.length - 1);
            assertThat(l).as("L* of entry %d against the straight line", k).isCloseTo(line, offset(1.5));
            previous = l;
        }
    }

    @Test
    void looksNearlyTheSameToADeuteranope() {
        double cividis = meanDeuteranopeShift(Colormap.CIVIDIS);
        double viridis = meanDeuteranopeShift(Colormap.VIRIDIS);
        // the colour moves along blue-yellow only, which deuteranopes keep; viridis's greens do not
        // (measured: about 1.0 for this cividis, 27 for viridis; a CIE76 difference of 2 is barely visible)
        assertThat(cividis).isLessThan(2.5);
        assertThat(viridis).isGreaterThan(10 * cividis);
    }

    /**
     * Mean CIE76 colour difference between each entry and how a deuteranope sees it, simulated by
     * Machado, Oliveira and Fernandes (2009), severity 1, in linear RGB.
     */
    private static double meanDeuteranopeShift(Colormap map) {
        double sum = 0;
        for (int argb : map.table()) {
            double r = Oklab.toLinear((argb >> 16 & 0xFF) / 255.0);
            double g = Oklab.toLinear((argb >> 8 & 0xFF) / 255.0);
            double b = Oklab.toLinear((argb & 0xFF) / 255.0);
            double sr = clamp(0.367322 * r + 0.860646 * g - 0.227968 * b);
            double sg = clamp(0.280085 * r + 0.672501 * g + 0.047413 * b);
            double sb = clamp(-0.011820 * r + 0.042940 * g + 0.968881 * b);
            double[] seen = labOfLinear(sr, sg, sb);
            double[] real = labOfLinear(r, g, b);
            sum += Math.sqrt(Math.pow(seen[0] - real[0], 2) + Math.pow(seen[1] - real[1], 2)
                    + Math.pow(seen[2] - real[2], 2));
        }
        return sum / Colormap.SIZE;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    @Test
    void oklabRoundTripsSrgb() {
        for (int c : new int[] {0x000000, 0xFFFFFF, 0x00204D, 0xFFEA46, 0x7F7F7F, 0xFF0000, 0x00FF00, 0x0000FF}) {
            double[] lab = Oklab.fromSrgb((c >> 16 & 0xFF) / 255.0, (c >> 8 & 0xFF) / 255.0, (c & 0xFF) / 255.0);
            double[] back = Oklab.toSrgb(lab[0], lab[1], lab[2]);
            assertThat(back[0] * 255).isCloseTo(c >> 16 & 0xFF, offset(1e-3));
            assertThat(back[1] * 255).isCloseTo(c >> 8 & 0xFF, offset(1e-3));
            assertThat(back[2] * 255).isCloseTo(c & 0xFF, offset(1e-3));
        }
        // white is L = 1 with no colour
        double[] white = Oklab.fromSrgb(1, 1, 1);
        assertThat(white[0]).isCloseTo(1, offset(1e-4));
        assertThat(Math.hypot(white[1], white[2])).isLessThan(1e-4);
    }
}
