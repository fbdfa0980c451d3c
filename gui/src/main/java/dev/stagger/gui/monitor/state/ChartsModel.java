package dev.stagger.gui.monitor.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The monitor's charts: steps over wall time, and one series per metric key ("C.min", "C.mean",
 * "residual.r"), and the convergence of an iterative model's newest step (error over iteration).
 * Values are kept as they are, zeros and negatives included: a chart on a log axis leaves those out
 * and says so, on a linear axis they show. Points arrive already thinned ({@link ChartThinning});
 * each series is capped here.
 * FX thread only.
 */
public final class ChartsModel {
    /**
     * Points a convergence series keeps: its chart draws a symbol (a node) per point, and a model
     * that checks every iteration would otherwise give it thousands; thinning keeps the curve's shape.
     */
    public static final int CONVERGENCE_CAPACITY = 250;
    private final ObservableList<ChartPoint> progress = FXCollections.observableArrayList();
    /** One read-only view, kept: a listener on a fresh wrapper would be lost when the wrapper is collected. */
    private final ObservableList<ChartPoint> progressView = FXCollections.unmodifiableObservableList(progress);
    private final ObservableList<String> metricKeys = FXCollections.observableArrayList();
    /** One read-only view, kept: a listener on a fresh wrapper would be lost when the wrapper is collected. */
    private final ObservableList<String> metricKeysView = FXCollections.unmodifiableObservableList(metricKeys);
    private final Map<String, ObservableList<ChartPoint>> metricSeries = new HashMap<>();
    private final ObservableList<String> convergenceKeys = FXCollections.observableArrayList();
    /** One read-only view, kept: a listener on a fresh wrapper would be lost when the wrapper is collected. */
    private final ObservableList<String> convergenceKeysView = FXCollections.unmodifiableObservableList(convergenceKeys);
    private final Map<String, ObservableList<ChartPoint>> convergenceSeries = new HashMap<>();
    private final ReadOnlyLongWrapper convergenceStep = new ReadOnlyLongWrapper(this, "convergenceStep", -1);

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

    /**
     * Adds convergence checks: the plot shows the newest step's, so a check of a later step starts
     * it over. A point is (iteration, error); an error that is not finite has no place on any axis
     * and is left out (one NaN or infinity leaves a JavaFX chart empty).
     */
    public void appendConvergence(List<ConvergencePoint> checks) {
        if (checks.isEmpty()) {
            return;
        }
        long newest = checks.get(checks.size() - 1).step();
        Map<String, List<ChartPoint>> added = new LinkedHashMap<>();
        for (ConvergencePoint c : checks) {
            if (c.step() != newest) {
                continue;
            }
            c.errors().forEach((name, v) -> {
                List<ChartPoint> points = added.computeIfAbsent(name, k -> new ArrayList<>());
                if (Double.isFinite(v)) {
                    points.add(new ChartPoint(c.iteration(), v));
                }
            });
        }
        boolean restart = newest != convergenceStep.get();
        convergenceStep.set(newest);
        added.forEach((name, points) -> {
            if (!convergenceKeys.contains(name)) {
                convergenceKeys.add(name);
            }
            ObservableList<ChartPoint> series = convergence(name);
            if (restart) { // one change, not a clear and an append: the chart redraws once
                ObservableList<ChartPoint> fresh = FXCollections.observableArrayList();
                ChartThinning.append(fresh, points, CONVERGENCE_CAPACITY);
                series.setAll(fresh);
            } else {
                ChartThinning.append(series, points, CONVERGENCE_CAPACITY);
            }
        });
        if (restart) {
            convergenceSeries.forEach((name, series) -> {
                if (!added.containsKey(name)) {
                    series.clear();
                }
            });
        }
    }

    /** The errors of the convergence plot, in order of arrival ("err_divV", "err_Vx", ...). */
    public ObservableList<String> convergenceKeys() {
        return convergenceKeysView;
    }

    /** The convergence of one error in the newest step: (iteration, error), empty until a check. */
    public ObservableList<ChartPoint> convergence(String key) {
        return convergenceSeries.computeIfAbsent(key, k -> FXCollections.observableArrayList());
    }

    /** The step the convergence plot shows; -1 before the first check. */
    public ReadOnlyLongProperty convergenceStepProperty() {
        return convergenceStep.getReadOnlyProperty();
    }

    /** Steps (y) over wall seconds (x). */
    public ObservableList<ChartPoint> progress() {
        return progressView;
    }

    /** Metric keys seen so far, in order of arrival. */
    public ObservableList<String> metricKeys() {
        return metricKeysView;
    }

    /** The chart of a metric key, empty until its first value (the view may bind to it before). */
    public ObservableList<ChartPoint> metric(String key) {
        return metricSeries.computeIfAbsent(key, k -> FXCollections.observableArrayList());
    }
}
