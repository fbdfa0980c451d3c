/**
 * Pictures of a field for the monitor, off the FX thread: a preview colour-mapped into pixels
 * ({@link dev.stagger.gui.monitor.frame.FrameRenderer}) under the settings of the moment
 * ({@link dev.stagger.gui.monitor.frame.FrameSettings}), by a pipeline that keeps only the newest
 * ({@link dev.stagger.gui.monitor.frame.FramePipeline}) and hands it over through a latest-value
 * mailbox ({@link dev.stagger.gui.monitor.frame.FrameMailbox}). Knows nothing of the monitor's views,
 * so the monitor, its feed, its output browser and its exports all depend on it and not on each other.
 */
package dev.stagger.gui.monitor.frame;
