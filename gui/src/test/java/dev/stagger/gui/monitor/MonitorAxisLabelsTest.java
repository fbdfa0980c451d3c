package dev.stagger.gui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tick numbers of the heatmap's axes and colour bar. */
class MonitorAxisLabelsTest {

    @Test
    void ticksOfANearlyUniformFieldReadDifferently() {
        List<Double> ticks = HeatmapCanvas.ticks(0.19451200, 0.19451262, 4);
        double step = ticks.get(1) - ticks.get(0);
        List<String> labels = ticks.stream().map(t -> HeatmapCanvas.label(t, step)).toList();
        assertThat(labels).doesNotHaveDuplicates().contains("0.194512", "0.1945122");
    }

    @Test
    void ordinaryTicksKeepFourDigitsAndNoTrailingZeros() {
        assertThat(HeatmapCanvas.label(0.5, 0.1)).isEqualTo("0.5");
        assertThat(HeatmapCanvas.label(1500, 500)).isEqualTo("1500");
        assertThat(HeatmapCanvas.label(-1.25, 0.25)).isEqualTo("-1.25");
        assertThat(HeatmapCanvas.label(0, 0.2)).isEqualTo("0");
        assertThat(HeatmapCanvas.label(2.5e-9, 5e-10)).isEqualTo("2.500e-09");
    }
}
