package dev.stagger.gui.monitor.state;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableList;

/**
 * How many points the monitor's charts get: every point added is a chart update on the FX thread
 * (axis ticks, paths, CSS, layout: several milliseconds), so the progress chart takes a point per
 * {@value #INTERVAL_SECONDS} s of the run rather than one per status, and no chart keeps more than
 * {@value #CAPACITY} points. One instance thins one series' arrivals on the background thread; the
 * static {@link #append} caps a series on the FX thread.
 */
public final class ChartThinning {
    /** Points a chart keeps: more than a monitor's chart is pixels wide; past it the older half is thinned. */
    public static final int CAPACITY = 1_000;
    /** Seconds of the run's wall time between two points of the progress chart. */
    public static final double INTERVAL_SECONDS = 0.5;

    private double lastWall = Double.NEGATIVE_INFINITY;
    private int accepted;

    /**
     * Whether a step-over-wall-time point goes into the chart: only later than the last (a paused
     * run's status repeats itself); the first two at once, so there is a line from the first status
     * on; then at most one per {@value #INTERVAL_SECONDS} s; and always the run's {@code last}.
     */
    public boolean accept(double wall, double step, boolean last) {
        if (!Double.isFinite(wall) || !Double.isFinite(step) || !(wall > lastWall)) {
            return false;
        }
        if (accepted >= 2 && !last && wall < lastWall + INTERVAL_SECONDS) {
            return false;
        }
        lastWall = wall;
        accepted++;
        return true;
    }

    /**
     * Appends {@code more}; past {@code capacity} halves the older half, as often as needed, in one
     * change: the whole run stays in view at a resolution a chart can show, and a chart update costs
     * the FX thread as much after an hour as after a minute. Halving keeps, of each four consecutive
     * points, the lowest and the highest (in their order), so a spike or a dip of a residual is never
     * thinned away; the run's first point always stays, and the newer half keeps every point, so a
     * zoom onto the live end sees each value.
     */
    public static void append(ObservableList<ChartPoint> list, List<ChartPoint> more, int capacity) {
        if (more.isEmpty()) {
            return;
        }
        if (list.size() + more.size() <= capacity) {
            list.addAll(more);
            return;
        }
        List<ChartPoint> all = new ArrayList<>(list.size() + more.size());
        all.addAll(list);
        all.addAll(more);
        while (all.size() > capacity) {
            int half = all.size() / 2;
            List<ChartPoint> thinned = new ArrayList<>(capacity);
            thinned.add(all.get(0));
            for (int i = 1; i < half; i += 4) {
                keepExtremes(all.subList(i, Math.min(half, i + 4)), thinned);
            }
            thinned.addAll(all.subList(half, all.size()));
            all = thinned;
        }
        list.setAll(all);
    }

    /** Adds the lowest and the highest of {@code group} to {@code out}, in the order they came. */
    private static void keepExtremes(List<ChartPoint> group, List<ChartPoint> out) {
        int low = 0;
        int high = 0;
        for (int k = 1; k < group.size(); k++) {
            if (group.get(k).y() < group.get(low).y()) {
                low = k;
            }
            if (group.get(k).y() > group.get(high).y()) {
                high = k;
            }
        }
        out.add(group.get(Math.min(low, high)));
        if (low != high) {
            out.add(group.get(Math.max(low, high)));
        }
    }
}
