package dev.stagger.gui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.render.ColourScale;
import dev.stagger.engine.render.Scale;
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
    void aLogColourBarHasItsTicksAtDecadesEvenlySpaced() {
        ColourScale log = ColourScale.of(Scale.LOG, 0, 1000, false, new float[] {0, 0.01f, 1000});
        List<HeatmapCanvas.BarTick> ticks = HeatmapCanvas.colorbarTicks(log, 10);
        assertThat(ticks).extracting(HeatmapCanvas.BarTick::label)
                .containsExactly("10\u207B\u00B2", "10\u207B\u00B9", "10\u2070", "10\u00B9", "10\u00B2", "10\u00B3");
        for (int k = 0; k < ticks.size(); k++) {
            assertThat(ticks.get(k).fraction()).isCloseTo(k / 5.0, org.assertj.core.data.Offset.offset(1e-6)); // 0.01f is not 0.01
        }
        assertThat(HeatmapCanvas.underNote(log, 0)).contains(HeatmapCanvas.UNDER_LABEL).contains("log scale");
        assertThat(HeatmapCanvas.underNote(log, 0.5)).isEmpty();
        // linear: round numbers at their linear places, and no note
        ColourScale linear = ColourScale.linear(0, 10);
        List<HeatmapCanvas.BarTick> even = HeatmapCanvas.colorbarTicks(linear, 5);
        assertThat(even).extracting(HeatmapCanvas.BarTick::label).containsExactly("0", "2", "4", "6", "8", "10");
        assertThat(even.get(1).fraction()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(HeatmapCanvas.underNote(linear, -1)).isEmpty();
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
