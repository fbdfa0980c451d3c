package dev.stagger.gui.monitor.chart;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.chart.ValueAxis;

/**
 * A chart axis in axis space, linear or logarithmic: on a log axis the chart is given log10 of its
 * values ({@link LiveChart} does that) and this axis puts its ticks on whole decades and labels them
 * "1e-3". NumberAxis cannot serve: its ticks after a zoom come from a fixed tick unit, and it knows
 * no decades. Ticks come from {@link Ticks}; while auto-ranging the axis spans the data with a little
 * room, otherwise the bounds a zoom set.
 */
public final class ScaleAxis extends ValueAxis<Number> {
    /** Pixels a tick label needs along a vertical axis (a line of text and a gap): sets how many ticks fit. */
    private static final double PIXELS_PER_TICK_VERTICAL = 30;
    /** Pixels a tick label needs along a horizontal axis (a number such as "12500" and a gap). */
    private static final double PIXELS_PER_TICK_HORIZONTAL = 70;

    private final BooleanProperty log = new SimpleBooleanProperty(this, "log");
    /** The major tick step of the last layout (decades on a log axis), for labels and minor ticks. */
    private double step = 1;

    public ScaleAxis(String label) {
        setLabel(label);
        setAutoRanging(true);
        setMinorTickCount(5);
        log.addListener((o, was, is) -> requestAxisLayout());
    }

    /** Whether the axis is logarithmic: the chart's values are then log10 of what it shows. */
    public BooleanProperty logProperty() {
        return log;
    }

    public boolean isLog() {
        return log.get();
    }

    /** The data's range with 4% room either side; a single value gets a decade (log) or ±1 around it. */
    @Override
    protected Object autoRange(double min, double max, double length, double labelSize) {
        double lo = min;
        double hi = max;
        if (!(lo <= hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = 0;
            hi = 1;
        }
        if (hi - lo <= Math.max(Math.abs(hi), 1) * 1e-12) {
            double half = isLog() ? 0.5 : Math.max(Math.abs(hi) * 0.1, 1);
            lo -= half;
            hi += half;
        } else {
            double room = (hi - lo) * 0.04;
            lo -= room;
            hi += room;
        }
        return new double[] {lo, hi, calculateNewScale(length, lo, hi)};
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] r = (double[]) range;
        setLowerBound(r[0]);
        setUpperBound(r[1]);
        currentLowerBound.set(r[0]);
        setScale(r[2]);
    }

    @Override
    protected Object getRange() {
        double length = getSide() != null && getSide().isVertical() ? getHeight() : getWidth();
        double lo = getLowerBound();
        double hi = getUpperBound();
        return new double[] {lo, hi, calculateNewScale(length, lo, hi)};
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double[] r = (double[]) range;
        boolean vertical = getSide() != null && getSide().isVertical();
        double perTick = vertical ? PIXELS_PER_TICK_VERTICAL : PIXELS_PER_TICK_HORIZONTAL;
        int maxTicks = (int) Math.max(3, Math.min(12, length / perTick));
        if (isLog()) {
            step = Ticks.logStep(r[0], r[1], maxTicks);
            return List.copyOf(Ticks.logMajor(r[0], r[1], maxTicks));
        }
        step = Ticks.linearStep(r[0], r[1], maxTicks);
        return List.copyOf(Ticks.linear(r[0], r[1], maxTicks));
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        double lo = getLowerBound();
        double hi = getUpperBound();
        if (isLog()) {
            return List.copyOf(Ticks.logMinor(lo, hi, step));
        }
        java.util.ArrayList<Number> minor = new java.util.ArrayList<>();
        double unit = step / getMinorTickCount();
        for (double v = Math.ceil(lo / unit) * unit; v <= hi && minor.size() < 200; v += unit) {
            minor.add(v);
        }
        return minor;
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        return isLog() ? Ticks.logLabel(value.doubleValue()) : Ticks.linearLabel(value.doubleValue(), step);
    }

    /** A value of axis space as the user reads it: 10^v on a log axis. */
    public double toData(double axisValue) {
        return isLog() ? Math.pow(10, axisValue) : axisValue;
    }

    /** A value of the data in axis space: log10 on a log axis (NaN for what is not positive). */
    public double toAxis(double dataValue) {
        return isLog() ? (dataValue > 0 ? Math.log10(dataValue) : Double.NaN) : dataValue;
    }
}
