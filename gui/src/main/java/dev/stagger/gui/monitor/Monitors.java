package dev.stagger.gui.monitor;

import dev.stagger.engine.live.LiveClient;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.Command;
import dev.stagger.gui.monitor.feed.FeedPolicy;
import dev.stagger.gui.plugin.MonitorProvider;
import dev.stagger.gui.run.RunJob;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * Plugs the live monitor into the workbench's job list: a monitor for the selected job, built as
 * soon as the job serves a live client (the client arrives a moment after the run starts), or, for
 * a run that is over without one (too short to attach to, failed early), from its output folder.
 * Once the job is over the monitor shows the output whatever it followed before. A cluster job's
 * monitor is paced for its SSH tunnel ({@link FeedPolicy#SLOW_LINK}), and follows the new client
 * the job serves after reconnecting a dropped tunnel.
 */
public final class Monitors implements MonitorProvider {

    @Override
    public Node createMonitor(RunJob job) {
        return new Slot(job);
    }

    /** Shows "starting" until there is something to monitor, then the monitor; closing disposes of it. */
    private static final class Slot extends StackPane implements AutoCloseable {
        private final RunJob job;
        private MonitorView monitor;
        private final ChangeListener<LiveClient> clientListener = (obs, old, client) -> {
            if (client == null) {
                return;
            }
            if (monitor == null) {
                show(client);
            } else {
                monitor.model().switchClient(client); // reconnected: the same run, a new connection
            }
        };
        private final ChangeListener<RunState> stateListener = (obs, old, state) -> stateChanged(state);

        Slot(RunJob job) {
            this.job = job;
            getChildren().add(new Label("Waiting for " + job.name() + " to start..."));
            job.clientProperty().addListener(clientListener);
            job.stateProperty().addListener(stateListener);
            if (job.client() != null) {
                show(job.client());
            } else {
                stateChanged(job.state());
            }
        }

        private void stateChanged(RunState state) {
            if (state == null || !state.isOver()) {
                return;
            }
            if (monitor == null) {
                show(null); // over without ever serving a client: its output is all there is
            } else {
                monitor.model().runEnded(state);
            }
        }

        private void show(LiveClient client) {
            // a remote id marks a run reached through an SSH tunnel: pull less, and smaller
            FeedPolicy policy = FeedPolicy.forRun(job.remoteId() != null);
            monitor = MonitorView.of(client, job.outputDir(), job.name(), policy);
            // the toolbar's pause, resume, stop and checkpoint go through the job, as the job list's do
            monitor.model().useControls(command -> {
                if (command == Command.STOP) {
                    job.stop();
                    return java.util.concurrent.CompletableFuture.completedFuture("stopping after the current step");
                }
                return job.controlNow(command);
            });
            if (job.state().isOver()) {
                monitor.model().runEnded(job.state());
            }
            getChildren().setAll(monitor);
        }

        @Override
        public void close() {
            job.clientProperty().removeListener(clientListener);
            job.stateProperty().removeListener(stateListener);
            if (monitor != null) {
                monitor.dispose();
            }
        }
    }
}
