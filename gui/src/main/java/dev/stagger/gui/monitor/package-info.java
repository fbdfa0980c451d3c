/**
 * The live monitor: one run's chosen field as a heatmap (or a line plot in 1D), charts of progress and
 * min/max/mean, the ranks, the log, and the run's controls; once the run is over, what it wrote.
 *
 * <p>{@link dev.stagger.gui.monitor.MonitorViewModel} is the facade the view binds to; it has no
 * scene-graph classes and wires the parts, by feature:
 * <ul>
 *   <li>{@code monitor.feed}: the {@code LiveFeed} pulls status, events and previews through a
 *       {@link dev.stagger.engine.live.LiveClient} on a background executor, paced by a
 *       {@code FeedPolicy} (a slow-link policy for runs reached through an SSH tunnel), and follows
 *       a new client when the job reconnects;
 *   <li>{@code monitor.state}: the status line and ranks, the charts, the log, the notifications;
 *   <li>{@code monitor.output}: a run refuses previews once it has ended, so a finished run (or one
 *       never reached live) is shown from its output folder: {@code OutputLoader} reads the .pvd and
 *       one step's field (.vti, or a multi-rank .pvti's pieces joined) and bins it like a live
 *       preview ({@code OutputPreviews}); {@code OutputBrowser} picks the step;
 *   <li>{@code monitor.export}: the shown frame as a PNG figure;
 *   <li>{@code monitor.chart}: the time-series charts ({@code LiveChart}): a log axis in decades with a
 *       linear toggle, zoom and pan that live data does not undo, the nearest point under the mouse;
 *       the arithmetic (ticks, viewport, nearest point) in toolkit-free classes.
 * </ul>
 * {@link dev.stagger.gui.monitor.MonitorView} builds the UI in code and binds to the facade. Frames
 * are colour-mapped off the FX thread ({@link dev.stagger.gui.monitor.frame.FrameRenderer}, through the
 * {@link dev.stagger.gui.monitor.frame.FramePipeline}) into a latest-value
 * {@link dev.stagger.gui.monitor.frame.FrameMailbox}; the view's pulse takes the newest and drops the rest.
 */
package dev.stagger.gui.monitor;
