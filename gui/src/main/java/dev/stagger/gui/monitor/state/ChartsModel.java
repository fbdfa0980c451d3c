package dev.stagger.gui.monitor.state;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The monitor's charts: steps over wall time, and one series per metric key ("C.min", "C.mean",
 * "residual.r"). Points arrive already thinned ({@link ChartThinning}); each series is capped here.
 * FX thread only.
 */
public final class ChartsModel {
    private final ObservableList<ChartPoint> progress = FXCollections.observableArrayList();
    private final ObservableList<String> metricKeys = FXCollections.observableArrayList();
    private final Map<String, ObservableList<ChartPoint>> metricSeries = new HashMap<>();

    /** Adds one pulse's points: one change per series, so a chart redraws once per pulse at most. */
    public void append(List<ChartPoint> progressPoints, Map<String, List<ChartPoint>> metrics) {
        ChartThinning.append(progress, progressPoints, ChartThinning.CAPACITY);
        metrics.forEach((key, points) -> {
            if (!metricKeys.contains(key)) {
                metricKeys.add(key);
            }
            ChartThinning.append(metric(key), points, ChartThinning.CAPACITY);
        });
    }

    /** Steps (y) over wall seconds (x). */
    public ObservableList<ChartPoint> progress() {
        return FXCollections.unmodifiableObservableList(progress);
    }

    /** Metric keys seen so far, in order of arrival. */
    public ObservableList<String> metricKeys() {
        return FXCollections.unmodifiableObservableList(metricKeys);
    }

    /** The chart of a metric key, empty until its first value (the view may bind to it before). */
    public ObservableList<ChartPoint> metric(String key) {
        return metricSeries.computeIfAbsent(key, k -> FXCollections.observableArrayList());
    }
}
