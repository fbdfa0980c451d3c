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
}
