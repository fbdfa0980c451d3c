package dev.stagger.gui.app;

import dev.stagger.engine.live.LiveClient;
import dev.stagger.engine.live.RunState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One run in the job list, whatever its target. The target reports from its own thread through
 * {@link #report}; reports go into a latest-value mailbox and reach the properties through the UI
 * executor at most once per hand-over, so a run of a million steps costs the FX thread no more
 * than the frames it can show. Properties are read on the UI thread.
 */
public final class RunJob {
    /** What a target knows about its run at one moment. */
    public record Snapshot(RunState state, long step, long totalSteps, double time, double wallSeconds,
            String message) {}

    /** How the user's stop reaches the run (a flag for embedded runs, a control message for processes). */
    @FunctionalInterface
    public interface Stopper {
        void stop() throws Exception;
    }

    private final String name;
    private final String target;
    private final Path outputDir;
    private final Instant started;
    private final Executor ui;
    private final AtomicReference<Snapshot> mailbox = new AtomicReference<>();
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.STARTING);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyObjectWrapper<Duration> duration = new ReadOnlyObjectWrapper<>(this, "duration", Duration.ZERO);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "starting");
    private final ReadOnlyObjectWrapper<LiveClient> client = new ReadOnlyObjectWrapper<>(this, "client");
    private volatile Stopper stopper = () -> {};
    private volatile boolean stopRequested;

    public RunJob(String name, String target, Path outputDir, Instant started, Executor ui) {
        this.name = Objects.requireNonNull(name);
        this.target = target;
        this.outputDir = outputDir;
        this.started = started;
        this.ui = ui;
    }

    public String name() {
        return name;
    }

    public String target() {
        return target;
    }

    public Path outputDir() {
        return outputDir;
    }

    public Instant started() {
        return started;
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public RunState state() {
        return state.get();
    }

    /** Fraction done, 0..1; -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Duration> durationProperty() {
        return duration.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The run's live client (status, events, previews, controls) once the run serves one; else null. */
    public ReadOnlyObjectProperty<LiveClient> clientProperty() {
        return client.getReadOnlyProperty();
    }

    public LiveClient client() {
        return client.get();
    }

    public boolean isStopRequested() {
        return stopRequested;
    }

    /** Asks the run to stop after the current step (its final state is written). */
    public void stop() {
        if (state.get().isOver()) {
            return;
        }
        stopRequested = true;
        try {
            stopper.stop();
        } catch (Exception e) {
            report(new Snapshot(RunState.STOPPING, -1, -1, Double.NaN, -1, "stop failed: " + e.getMessage()));
        }
    }

    // ---- for targets, from any thread ----

    /** Installs how {@link #stop()} reaches this run. */
    public void stopWith(Stopper s) {
        this.stopper = s;
    }

    /** Publishes the live client the monitor should use. */
    public void attach(LiveClient c) {
        ui.execute(() -> client.set(c));
    }

    /** The newest state of the run; older reports not yet shown are dropped. */
    public void report(Snapshot snapshot) {
        if (mailbox.getAndSet(snapshot) == null) {
            ui.execute(this::apply);
        }
    }

    private void apply() {
        Snapshot s = mailbox.getAndSet(null);
        if (s == null) {
            return;
        }
        if (state.get().isOver()) {
            return; // the end is final
        }
        if (s.state() == RunState.FINISHED) {
            progress.set(1.0); // the last report may carry no step count
        } else if (s.totalSteps() > 0 && s.step() >= 0) {
            progress.set(Math.min(1.0, (double) s.step() / s.totalSteps()));
        }
        if (s.wallSeconds() >= 0) {
            duration.set(Duration.ofMillis(Math.round(s.wallSeconds() * 1000)));
        } else {
            duration.set(Duration.between(started, Instant.now()));
        }
        if (s.message() != null) {
            message.set(s.message());
        }
        // last: a listener on the state (the end notice) reads the message and duration of this report
        state.set(s.state());
    }

    @Override
    public String toString() {
        return name + " (" + target + ", " + state.get() + ")";
    }
}
