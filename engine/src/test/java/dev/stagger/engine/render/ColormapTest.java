package dev.stagger.engine.render;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ColormapTest {

    static int[] rgb(int argb) {
        return new int[] {argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF};
    }

    /** Relative luminance (linear-light sRGB, Rec. 709 weights). */
    static double luminance(int argb) {
        int[] c = rgb(argb);
        return 0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2]);
    }

    private static double linear(int channel) {
        double v = channel / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    static void assertNear(int argb, int r, int g, int b, int tolerance) {
        int[] c = rgb(argb);
        assertThat(c[0]).as("red of %08x", argb).isCloseTo(r, org.assertj.core.data.Offset.offset(tolerance));
        assertThat(c[1]).as("green of %08x", argb).isCloseTo(g, org.assertj.core.data.Offset.offset(tolerance));
        assertThat(c[2]).as("blue of %08x", argb).isCloseTo(b, org.assertj.core.data.Offset.offset(tolerance));
    }

    @Test
    void viridisMatchesMatplotlibAtItsEndsAndKnownPoints() {
        assertThat(Colormap.VIRIDIS.argb(0)).isEqualTo(0xFF440154); // matplotlib #440154
        assertThat(Colormap.VIRIDIS.argb(1)).isEqualTo(0xFFFDE725); // #fde725
        assertNear(Colormap.VIRIDIS.argb(0.25), 0x3B, 0x52, 0x8B, 2); // #3b528b
        assertNear(Colormap.VIRIDIS.argb(0.5), 0x21, 0x91, 0x8C, 2); // #21918c
        assertNear(Colormap.VIRIDIS.argb(0.75), 0x5E, 0xC9, 0x62, 2); // #5ec962
    }

    @Test
    void greyIsLinearFromBlackToWhite() {
        assertThat(Colormap.GREY.argb(0)).isEqualTo(0xFF000000);
        assertThat(Colormap.GREY.argb(1)).isEqualTo(0xFFFFFFFF);
        assertThat(Colormap.GREY.argb(0.5)).isEqualTo(0xFF808080);
        int[] table = Colormap.GREY.table();
        for (int k = 0; k < table.length; k++) {
            assertThat(table[k]).isEqualTo(0xFF000000 | k << 16 | k << 8 | k);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Colormap.class, names = {"VIRIDIS", "CIVIDIS", "GREY"})
    void sequentialMapsGetLighterAllTheWay(Colormap map) {
        int[] table = map.table();
        for (int k = 1; k < table.length; k++) {
            assertThat(luminance(table[k])).as("%s entry %d", map, k)
                    .isGreaterThanOrEqualTo(luminance(table[k - 1]) - 1e-3);
        }
        for (int k = 8; k < table.length; k += 8) {
            assertThat(luminance(table[k])).as("%s entry %d", map, k).isGreaterThan(luminance(table[k - 8]));
        }
    }

    @Test
    void turboRunsFromDarkBlueThroughGreenToDarkRed() {
        // the polynomial starts near black (35, 23, 27), then turns blue-violet
        assertThat(luminance(Colormap.TURBO.argb(0))).isLessThan(0.02);
        int[] low = rgb(Colormap.TURBO.argb(0.05));
        assertThat(low[2]).isGreaterThan(low[0]).isGreaterThan(low[1]);
        int[] blue = rgb(Colormap.TURBO.argb(0.15));
        assertThat(blue[2]).isGreaterThan(200).isGreaterThan(blue[1]).isGreaterThan(blue[0]); // bright blue
        int[] mid = rgb(Colormap.TURBO.argb(0.5));
        assertThat(mid[1]).isGreaterThan(200).isGreaterThan(mid[0]).isGreaterThan(mid[2]); // green-yellow
        assertThat(Colormap.TURBO.argb(0.5)).isEqualTo(0xFF98FA4F); // the polynomial at entry 128: (152, 250, 79)
        int[] high = rgb(Colormap.TURBO.argb(1));
        assertThat(high[0]).isGreaterThan(100);
        assertThat(high[1]).isLessThan(30);
        assertThat(high[2]).isLessThan(30);
        // the published polynomial at t = 1: (0.5659, 0.0504, -0.0255) -> (144, 13, 0)
        assertThat(Colormap.TURBO.argb(1)).isEqualTo(0xFF900D00);
    }

    @Test
    void coolwarmIsMorelandsDivergingMap() {
        assertThat(Colormap.COOLWARM.argb(0)).isEqualTo(0xFF3B4CC0); // (59, 76, 192)
        assertThat(Colormap.COOLWARM.argb(1)).isEqualTo(0xFFB40426); // (180, 4, 38)
        assertNear(Colormap.COOLWARM.argb(0.5), 221, 221, 221, 2);
        assertNear(Colormap.COOLWARM.argb(0.25), 141, 176, 254, 2);
        assertNear(Colormap.COOLWARM.argb(0.75), 244, 154, 123, 2);
    }

    @ParameterizedTest
    @EnumSource(Colormap.class)
    void clampsOutOfRangeAndShowsNaNInADistinctColour(Colormap map) {
        assertThat(map.argb(-0.5)).isEqualTo(map.argb(0));
        assertThat(map.argb(Double.NEGATIVE_INFINITY)).isEqualTo(map.argb(0));
        assertThat(map.argb(7)).isEqualTo(map.argb(1));
        assertThat(map.argb(Double.POSITIVE_INFINITY)).isEqualTo(map.argb(1));
        assertThat(map.argb(Double.NaN)).isEqualTo(map.badArgb());
        assertThat(map.table()).doesNotContain(map.badArgb()).hasSize(Colormap.SIZE);
        for (int argb : map.table()) {
            assertThat(argb >>> 24).isEqualTo(0xFF);
        }
        assertThat(map.argb(0)).isNotEqualTo(map.argb(1));
    }

    @Test
    void tableIsACopy() {
        Colormap.VIRIDIS.table()[0] = 0;
        assertThat(Colormap.VIRIDIS.argb(0)).isEqualTo(0xFF440154);
    }

    @Test
    void parsesNamesInAnyCase() {
        assertThat(Colormap.parse("viridis")).isEqualTo(Colormap.VIRIDIS);
        assertThat(Colormap.parse(" TURBO ")).isEqualTo(Colormap.TURBO);
        assertThat(Colormap.parse("CoolWarm")).isEqualTo(Colormap.COOLWARM);
        assertThat(Colormap.parse("grey")).isEqualTo(Colormap.GREY);
        assertThat(Colormap.parse("Gray")).isEqualTo(Colormap.GREY);
        assertThat(Colormap.parse("Cividis")).isEqualTo(Colormap.CIVIDIS);
        assertThat(Colormap.parse("cividis_r")).isEqualTo(Colormap.CIVIDIS_R);
        assertThat(Colormap.parse("jet")).isNull();
        assertThat(Colormap.parse("")).isNull();
        assertThat(Colormap.parse(null)).isNull();
        for (Colormap map : Colormap.values()) {
            assertThat(Colormap.parse(map.label())).isEqualTo(map);
        }
        assertThat(Colormap.VIRIDIS.label()).isEqualTo("viridis");
    }

    @Test
    void colormapUsesNoAwtSoTheWorkbenchCanShareIt() {
        noClasses().that().haveSimpleName("Colormap")
                .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.imageio..", "javafx..")
                .check(new ClassFileImporter().importClasses(Colormap.class));
    }

    @org.junit.jupiter.api.Test
    void aReversedMapIsTheMapBackToFront() {
        for (Colormap map : new Colormap[] {Colormap.VIRIDIS, Colormap.CIVIDIS, Colormap.TURBO, Colormap.COOLWARM, Colormap.GREY}) {
            Colormap reversed = Colormap.parse(map.label() + "_r");
            org.assertj.core.api.Assertions.assertThat(reversed).isNotNull().isNotEqualTo(map);
            int[] a = map.table();
            int[] b = reversed.table();
            for (int k = 0; k < Colormap.SIZE; k++) {
                org.assertj.core.api.Assertions.assertThat(b[k]).as("%s entry %d", reversed, k)
                        .isEqualTo(a[Colormap.SIZE - 1 - k]);
            }
            org.assertj.core.api.Assertions.assertThat(reversed.badArgb()).isEqualTo(map.badArgb());
        }
        org.assertj.core.api.Assertions.assertThat(Colormap.parse("Viridis_R")).isEqualTo(Colormap.VIRIDIS_R);
    }
}
