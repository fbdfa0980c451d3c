package dev.stagger.gui.monitor.state;

/** One point of a chart: step over wall seconds, or a metric's value over the step. */
public record ChartPoint(double x, double y) {}
