package dev.stagger.gui.monitor.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** Thinning keeps what a chart of a residual must show: its spikes and dips, its start and its live end. */
class ChartThinningTest {
    @Test
    void spikesAndDipsSurviveEveryHalving() {
        ObservableList<ChartPoint> chart = FXCollections.observableArrayList();
        for (int k = 0; k < 20_000; k++) {
            // a slowly falling residual with one spike and one dip, both long thinned into the older half
            double y = k == 1_234 ? 1e3 : k == 5_677 ? 1e-12 : Math.pow(10, -k / 5_000.0);
            ChartThinning.append(chart, List.of(new ChartPoint(k, y)), 1_000);
        }
        assertThat(chart).hasSizeLessThanOrEqualTo(1_000);
        assertThat(chart).contains(new ChartPoint(1_234, 1e3), new ChartPoint(5_677, 1e-12));
        assertThat(chart.get(0)).isEqualTo(new ChartPoint(0, 1));
        assertThat(chart.get(chart.size() - 1).x()).isEqualTo(19_999);
        List<Double> xs = new ArrayList<>(chart.stream().map(ChartPoint::x).toList());
        assertThat(xs).isSorted().doesNotHaveDuplicates();
        // the newer part keeps every point: a zoom onto the live end sees each value
        List<Double> newest = java.util.stream.IntStream.range(19_900, 20_000).mapToObj(i -> (double) i).toList();
        assertThat(chart.subList(chart.size() - 100, chart.size())).extracting(ChartPoint::x)
                .containsExactlyElementsOf(newest);
    }

    @Test
    void aBatchOverTheCapacityIsThinnedInOneChange() {
        ObservableList<ChartPoint> chart = FXCollections.observableArrayList();
        int[] changes = {0};
        chart.addListener((javafx.collections.ListChangeListener<ChartPoint>) c -> changes[0]++);
        List<ChartPoint> batch = new ArrayList<>();
        for (int k = 0; k < 5_000; k++) {
            batch.add(new ChartPoint(k, k % 7));
        }
        ChartThinning.append(chart, batch, 1_000);
        assertThat(changes[0]).isEqualTo(1);
        assertThat(chart).hasSizeLessThanOrEqualTo(1_000).extracting(ChartPoint::y).contains(0.0, 6.0);
    }
}
