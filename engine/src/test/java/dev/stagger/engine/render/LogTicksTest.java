package dev.stagger.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogTicksTest {

    @Test
    void ticksAreTheDecadesInTheRange() {
        assertThat(LogTicks.values(1e-3, 150, 10)).containsExactly(new double[] {1e-3, 1e-2, 1e-1, 1, 10, 100},
                within(1e-15));
        assertThat(LogTicks.labels(LogTicks.values(1e-3, 150, 10), true))
                .containsExactly("10\u207B\u00B3", "10\u207B\u00B2", "10\u207B\u00B9", "10\u2070", "10\u00B9", "10\u00B2");
        assertThat(LogTicks.labels(new double[] {1e-3, 1, 1e12}, false)).containsExactly("1e-3", "1e0", "1e12");
    }

    @Test
    void manyDecadesAreThinnedKeepingOne() {
        double[] ticks = LogTicks.values(1e-30, 5, 8);
        assertThat(ticks.length).isBetween(2, 8);
        assertThat(ticks).contains(1.0);
        for (int k = 1; k < ticks.length; k++) {
            assertThat(Math.log10(ticks[k] / ticks[k - 1])).isCloseTo(5, within(1e-9)); // every fifth decade
        }
    }

    @Test
    void lessThanTwoDecadesGetOneTwoFive() {
        assertThat(LogTicks.values(0.3, 4, 8)).containsExactly(new double[] {0.5, 1, 2}, within(1e-12));
        assertThat(LogTicks.labels(new double[] {0.5, 1, 2}, true)).containsExactly("0.5", "1", "2");
        assertThat(LogTicks.values(0.0011, 0.009, 8)).containsExactly(new double[] {0.002, 0.005}, within(1e-15));
    }

    @Test
    void aNarrowRangeGetsRoundLinearSteps() {
        double[] ticks = LogTicks.values(2.1, 3.9, 8);
        assertThat(ticks.length).isGreaterThanOrEqualTo(2);
        for (double t : ticks) {
            assertThat(t).isBetween(2.1, 3.9);
        }
        assertThat(LogTicks.values(0, 1, 8)).isEmpty();
        assertThat(LogTicks.values(2, 1, 8)).isEmpty();
    }
}
