package dev.stagger.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class ColourScaleTest {

    @Test
    void linearIsTheRangeAsGiven() {
        ColourScale s = ColourScale.of(Scale.LINEAR, -2, 2, false, new float[] {-2, 0, 2});
        assertThat(s.scale()).isEqualTo(Scale.LINEAR);
        assertThat(s.fraction(0)).isEqualTo(0.5);
        assertThat(s.fraction(-2)).isEqualTo(0);
        assertThat(s.hasUnder()).isFalse();
        assertThat(s.note()).isEmpty();
    }

    @Test
    void logSpreadsDecadesEvenlyFromTheSmallestPositiveValue() {
        ColourScale s = ColourScale.of(Scale.LOG, -1, 100, false, new float[] {0, -1, 1e-3f, 1, 100, Float.NaN});
        assertThat(s.scale()).isEqualTo(Scale.LOG);
        assertThat(s.lo()).isCloseTo(1e-3, offset(1e-10));
        assertThat(s.hi()).isEqualTo(100);
        assertThat(s.fraction(1e-3)).isCloseTo(0, offset(1e-6));
        assertThat(s.fraction(1)).isCloseTo(0.6, offset(1e-6));
        assertThat(s.fraction(10)).isCloseTo(0.8, offset(1e-6));
        assertThat(s.fraction(100)).isCloseTo(1, offset(1e-9));
        assertThat(s.valueAt(0.6)).isCloseTo(1, offset(1e-6));
        // the values a logarithm has no place for: under the range, drawn in the low-end colour
        assertThat(s.hasUnder()).isTrue();
        assertThat(s.fraction(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(s.fraction(-1)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Colormap.VIRIDIS.argb(s.fraction(0))).isEqualTo(Colormap.VIRIDIS.argb(0));
        assertThat(s.fraction(Double.NaN)).isNaN();
        assertThat(Colormap.VIRIDIS.argb(s.fraction(Double.NaN))).isEqualTo(Colormap.VIRIDIS.badArgb());
    }

    @Test
    void aFixedRangeKeepsItsEndsWhereALogCan() {
        float[] values = {-3, 0.5f, 4};
        ColourScale kept = ColourScale.of(Scale.LOG, 2, 10, true, values);
        assertThat(kept.lo()).isEqualTo(2);
        assertThat(kept.hi()).isEqualTo(10);
        assertThat(kept.fraction(0.5)).isLessThan(0); // below the range: clamped like any other
        ColourScale fromZero = ColourScale.of(Scale.LOG, -5, 10, true, values);
        assertThat(fromZero.lo()).isEqualTo(0.5); // the smallest positive value instead of -5
        assertThat(fromZero.hi()).isEqualTo(10);
        assertThat(fromZero.hasUnder()).isTrue();
    }

    @Test
    void nothingPositiveFallsBackToLinearAndSaysSo() {
        ColourScale s = ColourScale.of(Scale.LOG, -4, 0, false, new float[] {-4, -1, 0, Float.NaN});
        assertThat(s.scale()).isEqualTo(Scale.LINEAR);
        assertThat(s.lo()).isEqualTo(-4);
        assertThat(s.hi()).isEqualTo(0);
        assertThat(s.note()).isEqualTo(ColourScale.NO_POSITIVE).contains("linear");
        assertThat(s.hasUnder()).isFalse();
        // a fixed range entirely below zero, though the data has positive values, cannot be a log either
        assertThat(ColourScale.of(Scale.LOG, -4, -1, true, new float[] {3}).note()).isEqualTo(ColourScale.NO_POSITIVE);
    }

    @Test
    void aSinglePositiveValueSitsInTheMiddleOfADecade() {
        ColourScale s = ColourScale.of(Scale.LOG, 4, 4, false, new float[] {4, 4, 0});
        assertThat(s.fraction(4)).isCloseTo(0.5, offset(1e-9));
        assertThat(s.hi() / s.lo()).isCloseTo(10, offset(1e-9));
    }

    @Test
    void refusesARangeThatCannotBeDrawn() {
        assertThatThrownBy(() -> new ColourScale(Scale.LOG, 0, 1, false, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ColourScale.linear(1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scalesParseByName() {
        assertThat(Scale.parse("LOG")).isEqualTo(Scale.LOG);
        assertThat(Scale.parse(" linear ")).isEqualTo(Scale.LINEAR);
        assertThat(Scale.parse("ln")).isNull();
        assertThat(Scale.parse(null)).isNull();
    }
}
