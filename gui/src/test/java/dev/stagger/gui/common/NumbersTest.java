package dev.stagger.gui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One number format, whatever the locale: shown and read with '.'. */
class NumbersTest {
    private final Locale before = Locale.getDefault();

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void aGermanOrFrenchLocaleChangesNothing() {
        for (Locale l : new Locale[] {Locale.GERMANY, Locale.FRANCE, Locale.US}) {
            Locale.setDefault(l);
            assertThat(Numbers.format(0.5, 4)).isEqualTo("0.5");
            assertThat(Numbers.format(1234.56789, 4)).isEqualTo("1235");
            assertThat(Numbers.format(-0.00123456, 4)).isEqualTo("-0.001235");
            assertThat(Numbers.format(6.02214076e23, 4)).isEqualTo("6.022e+23");
            assertThat(Numbers.format(1.5e-7, 4)).isEqualTo("1.5e-07");
            assertThat(Numbers.format(2e6, 3)).isEqualTo("2e+06");
            assertThat(Numbers.format(0.1 + 0.2, 12)).isEqualTo("0.3");
            assertThat(Numbers.parse("0.5")).isEqualTo(0.5);
            assertThat(Numbers.parse("0,5")).isNull();
        }
    }

    @Test
    void digitsAreSignificantDigits() {
        assertThat(Numbers.format(Math.PI, 2)).isEqualTo("3.1");
        assertThat(Numbers.format(Math.PI, 8)).isEqualTo("3.1415927");
        assertThat(Numbers.format(0, 4)).isEqualTo("0");
        assertThat(Numbers.format(Double.NaN, 4)).isEqualTo("NaN");
        assertThat(Numbers.format(Double.NEGATIVE_INFINITY, 4)).isEqualTo("-Infinity");
    }

    @Test
    void onlyPlainDecimalNumbersAreRead() {
        assertThat(Numbers.parse(" 2 ")).isEqualTo(2.0);
        assertThat(Numbers.parse("-1e-3")).isEqualTo(-1e-3);
        assertThat(Numbers.parse(".5")).isEqualTo(0.5);
        assertThat(Numbers.parse("5.")).isEqualTo(5.0);
        for (String bad : new String[] {"", " ", "1,5", "NaN", "Infinity", "1d", "0x1p3", "1e999", "abc", "1.2.3"}) {
            assertThat(Numbers.parse(bad)).as(bad).isNull();
        }
        assertThat(Numbers.editable(3.0)).isEqualTo("3");
        assertThat(Numbers.editable(0.1)).isEqualTo("0.1");
    }
}
