package dev.stagger.gui.monitor;

import dev.stagger.gui.app.MonitorProvider;
import dev.stagger.gui.app.RunJob;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * Plugs the live monitor into the workbench's job list: a monitor for the selected job, built as
 * soon as the job serves a live client (the client arrives a moment after the run starts).
 */
public final class Monitors implements MonitorProvider {

    @Override
    public Node createMonitor(RunJob job) {
        return new Slot(job);
    }

    /** Shows "starting" until the client is there, then the monitor; closing disposes of it. */
    private static final class Slot extends StackPane implements AutoCloseable {
        private MonitorView monitor;

        Slot(RunJob job) {
            getChildren().add(new Label("Waiting for " + job.name() + " to start..."));
            if (job.clientProperty().get() != null) {
                show(job);
            } else {
                job.clientProperty().addListener((obs, old, client) -> {
                    if (client != null && monitor == null) {
                        show(job);
                    }
                });
            }
        }

        private void show(RunJob job) {
            monitor = MonitorView.of(job.clientProperty().get());
            getChildren().setAll(monitor);
        }

        @Override
        public void close() {
            if (monitor != null) {
                monitor.dispose();
            }
        }
    }
}
