/**
 * The live monitor: one run's chosen field as a heatmap (or a line plot in 1D), charts of progress and
 * min/max/mean, the ranks, the log, and the run's controls; once the run is over, what it wrote.
 *
 * <p>{@link dev.stagger.gui.monitor.MonitorViewModel} holds the state and talks to the run through a
 * {@link dev.stagger.engine.live.LiveClient} on a background executor; it has no scene-graph classes.
 * {@link dev.stagger.gui.monitor.MonitorView} builds the UI in code and binds to it. Frames are
 * colour-mapped off the FX thread ({@link dev.stagger.gui.monitor.FrameRenderer}) into a latest-value
 * {@link dev.stagger.gui.monitor.FrameMailbox}; the view's pulse takes the newest and drops the rest.
 * A run refuses previews once it has ended, so a finished run (or one never reached live) is shown
 * from its output folder: {@code OutputLoader} reads the .pvd and one step's field (.vti, or a
 * multi-rank .pvti's pieces joined) on the same background executor and bins it like a live preview
 * ({@code OutputPreviews}); its frames go through the same mailbox.
 */
package dev.stagger.gui.monitor;
