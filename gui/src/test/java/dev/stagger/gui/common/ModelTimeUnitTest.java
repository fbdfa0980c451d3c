package dev.stagger.gui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.prefs.Preferences;
import dev.stagger.gui.testing.TestPrefs;
import org.junit.jupiter.api.Test;

class ModelTimeUnitTest {
    private static final double DAY = 86_400;
    private static final double YEAR = ModelTimeUnit.YEAR_SECONDS;

    @Test
    void autoPicksTheUnitThatReadsWell() {
        ModelTimeUnit auto = ModelTimeUnit.AUTO;
        assertThat(auto.format(0)).isEqualTo("0 s");
        assertThat(auto.format(0.0232515)).isEqualTo("0.0232515 s");
        assertThat(auto.format(59)).isEqualTo("59 s");
        assertThat(auto.format(90)).isEqualTo("1.5 min");
        assertThat(auto.format(7200)).isEqualTo("2 h");
        assertThat(auto.format(3.5 * DAY)).isEqualTo("3.5 d");
        assertThat(auto.format(400 * DAY)).isEqualTo("1.09514 yr");
        assertThat(auto.format(250 * YEAR)).isEqualTo("250 yr");
        assertThat(auto.format(12_000 * YEAR)).isEqualTo("12 kyr");
        assertThat(auto.format(4.5e9 * YEAR)).isEqualTo("4500 Myr");
        assertThat(auto.format(-90)).isEqualTo("-1.5 min"); // by size, whatever the sign
        assertThat(auto.format(1e-9)).isEqualTo("1e-09 s");
        assertThat(auto.format(Double.NaN)).isEqualTo("NaN s");
    }

    @Test
    void aFixedUnitShowsEveryValueInIt() {
        assertThat(ModelTimeUnit.SECONDS.format(3.5 * DAY)).isEqualTo("302400 s");
        assertThat(ModelTimeUnit.DAYS.format(90)).isEqualTo("0.00104167 d");
        assertThat(ModelTimeUnit.KILOYEARS.format(2.5e6 * YEAR)).isEqualTo("2500 kyr");
        assertThat(ModelTimeUnit.MEGAYEARS.format(3.15576e13)).isEqualTo("1 Myr");
        assertThat(ModelTimeUnit.HOURS.format(1.23456789e10)).isEqualTo("3.42936e+06 h");
    }

    @Test
    void aYearIsJulian() {
        assertThat(ModelTimeUnit.YEARS.seconds()).isEqualTo(31_557_600);
        assertThat(ModelTimeUnit.fitting(YEAR - 1)).isEqualTo(ModelTimeUnit.DAYS);
        assertThat(ModelTimeUnit.fitting(YEAR)).isEqualTo(ModelTimeUnit.YEARS);
    }

    @Test
    void theChoiceIsStoredByNameAndUnknownMeansAuto() {
        Preferences prefs = TestPrefs.fresh();
        try {
            assertThat(WorkbenchPrefs.timeUnit(prefs)).isEqualTo(ModelTimeUnit.AUTO);
            prefs.put(WorkbenchPrefs.TIME_UNIT, "KILOYEARS");
            assertThat(WorkbenchPrefs.timeUnit(prefs)).isEqualTo(ModelTimeUnit.KILOYEARS);
            prefs.put(WorkbenchPrefs.TIME_UNIT, "fortnights");
            assertThat(WorkbenchPrefs.timeUnit(prefs)).isEqualTo(ModelTimeUnit.AUTO);
        } finally {
            TestPrefs.drop(prefs);
        }
        assertThat(ModelTimeUnit.parse("Myr")).isEqualTo(ModelTimeUnit.MEGAYEARS);
        assertThat(ModelTimeUnit.parse("days")).isEqualTo(ModelTimeUnit.DAYS); // the stored name, any case
        assertThat(ModelTimeUnit.parse("fortnights")).isNull();
        assertThat(ModelTimeUnit.DAYS.describe()).isEqualTo("days (d)");
    }
}
