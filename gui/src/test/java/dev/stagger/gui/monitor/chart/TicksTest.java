package dev.stagger.gui.monitor.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Ticks of the charts' axes, in axis space (log10 on a log axis). */
class TicksTest {
    @Test
    void aLogAxisTicksEveryDecadeWhileTheyFit() {
        // 3.2e-7 .. 2e-2
        List<Double> ticks = Ticks.logMajor(Math.log10(3.2e-7), Math.log10(2e-2), 8);
        assertThat(ticks).containsExactly(-6.0, -5.0, -4.0, -3.0, -2.0);
        assertThat(ticks.stream().map(Ticks::logLabel)).containsExactly("1e-6", "1e-5", "1e-4", "1e-3", "1e-2");
    }

    @Test
    void manyDecadesGetEveryNthDecadeAndStayReadable() {
        // a residual falling from 1 to 1e-300: 300 decades on an axis with room for 8 labels
        List<Double> ticks = Ticks.logMajor(-300, 0, 8);
        assertThat(ticks).hasSizeBetween(2, 8).contains(0.0, -300.0);
        assertThat(Ticks.logStep(-300, 0, 8)).isEqualTo(50);
        assertThat(ticks).allSatisfy(t -> assertThat(t % 50).isZero());
        assertThat(Ticks.logLabel(-300)).isEqualTo("1e-300");
        // 12 decades, room for 5: every 5th, and the skipped decades become minor ticks
        assertThat(Ticks.logMajor(-12, 0, 5)).containsExactly(-10.0, -5.0, 0.0);
        assertThat(Ticks.logMinor(-12, 0, 5)).contains(-12.0, -11.0, -9.0, -1.0).doesNotContain(-10.0, -5.0);
    }

    @Test
    void minorLogTicksAreTwoToNineTimesEachDecade() {
        List<Double> minor = Ticks.logMinor(-1, 0, 1);
        assertThat(minor).hasSize(8);
        assertThat(minor.get(0)).isCloseTo(Math.log10(0.2), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(minor.get(7)).isCloseTo(Math.log10(0.9), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Ticks.logMinor(-100, 0, 50)).as("no minor smear past 10 decades a step").isEmpty();
    }

    @Test
    void wholePowersOnlyAreLabelled() {
        assertThat(Ticks.logLabel(-6)).isEqualTo("1e-6");
        assertThat(Ticks.logLabel(0)).isEqualTo("1e0");
        assertThat(Ticks.logLabel(2)).isEqualTo("1e2");
        assertThat(Ticks.logLabel(-6.5)).isEmpty();
    }

    @Test
    void aRangeInsideOneDecadeStillGetsAPlace() {
        // 2e-4 .. 8e-4: no whole decade inside, but the step is one decade and the minor ticks show 2..8
        assertThat(Ticks.logMajor(Math.log10(2e-4), Math.log10(8e-4), 6)).isEmpty();
        assertThat(Ticks.logMinor(Math.log10(2e-4), Math.log10(8e-4), 1)).hasSize(7);
    }

    @Test
    void linearTicksAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(Ticks.linear(0, 10, 6)).containsExactly(0.0, 2.0, 4.0, 6.0, 8.0, 10.0);
        assertThat(Ticks.linearStep(0, 1e5, 6)).isEqualTo(20_000);
        assertThat(Ticks.linear(-0.3, 0.3, 7)).containsExactly(-0.3, -0.2, -0.1, 0.0, 0.1, 0.2, 0.3);
        assertThat(Ticks.linearLabel(0.2, 0.1)).isEqualTo("0.2");
        assertThat(Ticks.linearLabel(20_000, 20_000)).isEqualTo("20000");
        assertThat(Ticks.linearLabel(2.5e-9, 5e-10)).isEqualTo("2.5e-09");
        assertThat(Ticks.linearLabel(1e-17, 0.1)).isEqualTo("0");
    }

    @Test
    void readoutsKeepTheirDigits() {
        assertThat(Ticks.value(1200)).isEqualTo("1200");
        assertThat(Ticks.value(0.25)).isEqualTo("0.25");
        assertThat(Ticks.value(3.16227766e-5)).isEqualTo("3.162e-05");
        assertThat(Ticks.value(0)).isEqualTo("0");
    }
}
