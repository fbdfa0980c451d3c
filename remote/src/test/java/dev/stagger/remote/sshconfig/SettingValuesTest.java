package dev.stagger.remote.sshconfig;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SettingValuesTest {

    @Test
    void timesFollowOpenSshConvtime() {
        assertThat(SettingValues.parseSeconds("30")).isEqualTo(30);
        assertThat(SettingValues.parseSeconds("30s")).isEqualTo(30);
        assertThat(SettingValues.parseSeconds("1m30")).isEqualTo(90);
        assertThat(SettingValues.parseSeconds("1h30m")).isEqualTo(5400);
        assertThat(SettingValues.parseSeconds("2W1d")).isEqualTo(2 * 604800 + 86400);
        assertThat(SettingValues.parseSeconds("1.5")).isEqualTo(1);
        assertThat(SettingValues.parseSeconds("")).isEqualTo(-1);
        assertThat(SettingValues.parseSeconds("1.5m")).as("fractions only for seconds").isEqualTo(-1);
        assertThat(SettingValues.parseSeconds("10s5")).as("seconds twice").isEqualTo(-1);
        assertThat(SettingValues.parseSeconds("5 m")).isEqualTo(-1);
        assertThat(SettingValues.parseSeconds("1x")).isEqualTo(-1);
        assertThat(SettingValues.parseSeconds("5.")).isEqualTo(-1);
        assertThat(SettingValues.parseSeconds("-5")).isEqualTo(-1);
    }

    @Test
    void portsAreNumbersFrom1To65535() {
        assertThat(SettingValues.parsePort("22")).isEqualTo(22);
        assertThat(SettingValues.parsePort("65535")).isEqualTo(65535);
        assertThat(SettingValues.parsePort("0")).isEqualTo(-1);
        assertThat(SettingValues.parsePort("65536")).isEqualTo(-1);
        assertThat(SettingValues.parsePort("ssh")).isEqualTo(-1);
        assertThat(SettingValues.parsePort("")).isEqualTo(-1);
    }
}
