package dev.stagger.gui.monitor.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/**
 * A view listens to the charts' key lists to add a series per new key. An unmodifiable wrapper
 * holds its source only weakly: a listener on a fresh wrapper per call was lost at the next garbage
 * collection, and a long Stokes run's residual and convergence charts never appeared.
 */
class ChartsModelTest {
    @Test
    void aListenerOnTheKeysOutlivesAGarbageCollection() {
        ChartsModel charts = new ChartsModel();
        assertThat(charts.metricKeys()).isSameAs(charts.metricKeys());
        assertThat(charts.convergenceKeys()).isSameAs(charts.convergenceKeys());
        assertThat(charts.progress()).isSameAs(charts.progress());
        List<String> seen = new ArrayList<>();
        charts.metricKeys().addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                seen.addAll(c.getAddedSubList());
            }
        });
        charts.convergenceKeys().addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                seen.addAll(c.getAddedSubList());
            }
        });
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        charts.append(List.of(), Map.of("residual.iterations", List.of(new ChartPoint(1, 200))));
        charts.appendConvergence(List.of(new ConvergencePoint(1, 200, Map.of("err_Vx", 1e-7))));
        assertThat(seen).containsExactly("residual.iterations", "err_Vx");
    }

    @Test
    void aStepCheckedEveryIterationKeepsABoundedConvergenceSeriesWithItsFirstAndLastCheck() {
        ChartsModel charts = new ChartsModel();
        List<ConvergencePoint> checks = new ArrayList<>();
        for (int i = 1; i <= 5_000; i++) {
            checks.add(new ConvergencePoint(7, i, Map.of("err_Vx", Math.pow(10, -i / 500.0))));
        }
        charts.appendConvergence(checks.subList(0, 2_500));
        charts.appendConvergence(checks.subList(2_500, 5_000));
        List<ChartPoint> vx = charts.convergence("err_Vx");
        assertThat(vx).hasSizeLessThanOrEqualTo(ChartsModel.CONVERGENCE_CAPACITY);
        assertThat(vx.get(0).x()).isEqualTo(1);
        assertThat(vx.get(vx.size() - 1)).isEqualTo(new ChartPoint(5_000, 1e-10));
        // the next step starts over, in one change
        int[] changes = {0};
        charts.convergence("err_Vx").addListener((ListChangeListener<ChartPoint>) c -> changes[0]++);
        charts.appendConvergence(checks.subList(0, 1_000).stream()
                .map(c -> new ConvergencePoint(8, c.iteration(), c.errors())).toList());
        assertThat(changes[0]).isEqualTo(1);
        assertThat(charts.convergence("err_Vx")).hasSizeLessThanOrEqualTo(ChartsModel.CONVERGENCE_CAPACITY)
                .first().isEqualTo(new ChartPoint(1, Math.pow(10, -1 / 500.0)));
    }
}
