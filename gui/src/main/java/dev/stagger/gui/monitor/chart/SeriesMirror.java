package dev.stagger.gui.monitor.chart;

import dev.stagger.gui.monitor.state.ChartPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntConsumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * Keeps a chart series the copy of a state model's list, in axis space (y through the axis'
 * mapping, log10 on a log axis). Appends at the end, the common case once per pulse, are appended;
 * removals and replacements (thinning, a new step's convergence) rebuild the series. A value the
 * mapping turns into NaN (not positive, on a log axis) is left out and counted.
 */
final class SeriesMirror implements ListChangeListener<ChartPoint> {
    final ObservableList<ChartPoint> source;
    final XYChart.Series<Number, Number> series;
    private final DoubleUnaryOperator toAxisY;
    /** Told how many more (or, negative, fewer) values are left out: the chart's note adds them up. */
    private final IntConsumer leftOutChange;
    private int leftOut;
    /** How many of the source's points the series holds or left out: appends start after them. */
    private int mirrored;

    SeriesMirror(ObservableList<ChartPoint> source, XYChart.Series<Number, Number> series, DoubleUnaryOperator toAxisY,
            IntConsumer leftOutChange) {
        this.source = source;
        this.series = series;
        this.toAxisY = toAxisY;
        this.leftOutChange = leftOutChange;
    }

    /** Starts mirroring: the series becomes the source's copy and follows it. */
    void attach() {
        source.addListener(this);
        rebuild();
    }

    /** Stops mirroring; what it left out no longer counts. */
    void detach() {
        source.removeListener(this);
        leftOutChange.accept(-leftOut);
        leftOut = 0;
    }

    @Override
    public void onChanged(Change<? extends ChartPoint> c) {
        boolean onlyAppends = true;
        while (c.next()) {
            onlyAppends &= c.wasAdded() && !c.wasRemoved() && !c.wasPermutated() && !c.wasUpdated()
                    && c.getFrom() >= mirrored;
        }
        if (onlyAppends) {
            series.getData().addAll(convert(source.subList(mirrored, source.size())));
            mirrored = source.size();
        } else {
            rebuild();
        }
    }

    /** The whole source again (also when the axis changed between linear and log). */
    void rebuild() {
        leftOutChange.accept(-leftOut);
        leftOut = 0;
        series.getData().setAll(convert(source));
        mirrored = source.size();
    }

    private List<XYChart.Data<Number, Number>> convert(List<? extends ChartPoint> points) {
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(points.size());
        int skipped = 0;
        for (ChartPoint p : points) {
            double v = toAxisY.applyAsDouble(p.y());
            if (Double.isFinite(v)) {
                data.add(new XYChart.Data<>(p.x(), v));
            } else {
                skipped++;
            }
        }
        leftOut += skipped;
        leftOutChange.accept(skipped);
        return data;
    }
}
