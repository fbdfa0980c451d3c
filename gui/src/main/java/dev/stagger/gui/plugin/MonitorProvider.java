package dev.stagger.gui.plugin;

import dev.stagger.gui.run.RunJob;
import javafx.scene.Node;

/**
 * PLUG-IN POINT for the live monitor ({@code dev.stagger.gui.monitor}). The workbench asks for a
 * monitor whenever the job list's selection changes and shows it above the job list. The job gives
 * the run's name, state and output folder, and {@link RunJob#clientProperty()} the live client
 * (null until the run serves one, so listen to it); the monitor polls the client off the FX thread.
 * A node that implements {@link AutoCloseable} is closed when it is replaced. Registered with
 * {@code META-INF/services/dev.stagger.gui.plugin.MonitorProvider}, or passed to
 * {@link WorkbenchExtensions}. Called on the FX thread.
 */
@FunctionalInterface
public interface MonitorProvider {
    Node createMonitor(RunJob job);
}
