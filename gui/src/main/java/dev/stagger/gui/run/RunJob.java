package dev.stagger.gui.run;

import dev.stagger.engine.live.Command;
import dev.stagger.engine.live.LiveClient;
import dev.stagger.engine.live.RunEndpoint;
import dev.stagger.engine.live.RunState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
    private static final System.Logger LOG = System.getLogger(RunJob.class.getName());
    /** What a target knows about its run at one moment. */
    public record Snapshot(RunState state, long step, long totalSteps, double time, double wallSeconds,
            String message) {}

    /** How the user's stop reaches the run (a flag for embedded runs, a control message for processes). */
    @FunctionalInterface
    public interface Stopper {
        void stop() throws Exception;
    }

    /** How pause and resume reach the run; must not block (the job list calls it on the UI thread). */
    @FunctionalInterface
    public interface Controller {
        CompletionStage<String> control(Command command);
    }

    /**
     * Something more the user can do with this job than pause, resume and stop (fetch a cluster
     * run's results): the job list offers it by name. {@code run} must not block; it reports through
     * the job's message.
     */
    public record Action(String name, String help, Runnable run) {}

    /** A report and, for an end the state alone does not say (a run that vanished), the word to show. */
    private record Update(Snapshot snapshot, String label) {}

    private final String name;
    private final String target;
    private final Path outputDir;
    private final Instant started;
    private final Executor ui;
    private final boolean outlivesWorkbench;
    private final AtomicReference<Update> mailbox = new AtomicReference<>();
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.STARTING);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyObjectWrapper<Duration> duration = new ReadOnlyObjectWrapper<>(this, "duration", Duration.ZERO);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "starting");
    private final ReadOnlyObjectWrapper<LiveClient> client = new ReadOnlyObjectWrapper<>(this, "client");
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper(this, "stateText", "starting");
    private final ReadOnlyObjectWrapper<RunEndpoint> endpoint = new ReadOnlyObjectWrapper<>(this, "endpoint");
    private volatile Stopper stopper = () -> {};
    private volatile Controller controller;
    private volatile boolean stopRequested;
    private volatile String remoteId;
    private volatile java.util.concurrent.Callable<String> logReader;
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper(this, "activity", "");
    private final ReadOnlyDoubleWrapper activityProgress = new ReadOnlyDoubleWrapper(this, "activityProgress", -1);
    private final javafx.beans.property.ReadOnlyIntegerWrapper results =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "results", 0);
    private final java.util.List<Action> actions = new java.util.concurrent.CopyOnWriteArrayList<>();

    public RunJob(String name, String target, Path outputDir, Instant started, Executor ui) {
        this(name, target, outputDir, started, ui, false);
    }

    /**
     * @param outlivesWorkbench true for a run in a process of its own (MPI ranks, a command-line run):
     *     it may go on after the workbench quits, and is found again at the next start
     */
    public RunJob(String name, String target, Path outputDir, Instant started, Executor ui, boolean outlivesWorkbench) {
        this.name = Objects.requireNonNull(name);
        this.target = target;
        this.outputDir = outputDir;
        this.started = started;
        this.ui = ui;
        this.outlivesWorkbench = outlivesWorkbench;
    }

    /**
     * Marks a job whose record of reference lives elsewhere (a cluster run, in the user's run
     * registry and its run directory): the workbench's own job history does not keep it. Call before
     * the job reaches the list.
     */
    public void remote(String id) {
        this.remoteId = id;
    }

    /** The run's id where it lives ({@code cluster/name}), or null for a run of this computer. */
    public String remoteId() {
        return remoteId;
    }

    /**
     * How this job's log is read when it is not a local file (a cluster run's, copied over SSH);
     * called off the UI thread.
     */
    public void logWith(java.util.concurrent.Callable<String> reader) {
        this.logReader = reader;
    }

    public java.util.concurrent.Callable<String> logReader() {
        return logReader;
    }

    /** What is being done with the job apart from running it ("fetching results"); empty when nothing. */
    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /** How far the activity is, 0..1; -1 while unknown or when there is none. */
    public ReadOnlyDoubleProperty activityProgressProperty() {
        return activityProgress.getReadOnlyProperty();
    }

    /** Reports an activity from any thread ({@code text} empty when it is done). */
    public void reportActivity(String text, double fraction) {
        ui.execute(() -> {
            activity.set(text == null ? "" : text);
            activityProgress.set(fraction);
        });
    }

    /** Counts the times new results arrived in the output folder (a fetch): views showing them read them again. */
    public javafx.beans.property.ReadOnlyIntegerProperty resultsProperty() {
        return results.getReadOnlyProperty();
    }

    /** Says, from any thread, that the output folder got new results. */
    public void resultsArrived() {
        ui.execute(() -> results.set(results.get() + 1));
    }

    /** Offers {@code action} in the job list (targets call it, from any thread, before or after the start). */
    public void offer(Action action) {
        actions.add(action);
    }

    public java.util.List<Action> actions() {
        return java.util.List.copyOf(actions);
    }

    public boolean outlivesWorkbench() {
        return outlivesWorkbench;
    }

    /** What the job list shows as the state: the state's name, or "lost" for a run that ended unrecorded. */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    /** The run's endpoint file once known (runs in a process of their own); else null. */
    public ReadOnlyObjectProperty<RunEndpoint> endpointProperty() {
        return endpoint.getReadOnlyProperty();
    }

    public RunEndpoint endpoint() {
        return endpoint.get();
    }

    /** True while the run can take pause and resume (it runs and its target installed a controller). */
    public boolean canPause() {
        RunState s = state.get();
        return controller != null && (s == RunState.RUNNING || s == RunState.PAUSED);
    }

    /** Asks the run to pause at its next step; completes with the run's answer ("paused at step 120"). */
    public CompletionStage<String> pause() {
        return control(Command.PAUSE);
    }

    public CompletionStage<String> resume() {
        return control(Command.RESUME);
    }

    /** Sends {@code command} through the installed controller (targets use it for their stop). */
    public CompletionStage<String> controlNow(Command command) {
        return control(command);
    }

    private CompletionStage<String> control(Command command) {
        Controller c = controller;
        if (c == null || state.get().isOver()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    name + " cannot be " + (command == Command.PAUSE ? "paused" : "resumed")
                            + (state.get().isOver() ? ": it has ended" : " yet: it is still starting")));
        }
        return c.control(command);
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
            LOG.log(System.Logger.Level.WARNING, "stopping run " + name() + " failed", e);
            report(new Snapshot(RunState.STOPPING, -1, -1, Double.NaN, -1, "stop failed: " + e.getMessage()));
        }
    }

    // ---- for targets, from any thread ----

    /** Installs how {@link #stop()} reaches this run. */
    public void stopWith(Stopper s) {
        this.stopper = s;
    }

    /** Installs how {@link #pause()} and {@link #resume()} reach this run. */
    public void controlWith(Controller c) {
        this.controller = c;
    }

    /** Publishes the run's endpoint (read from its output folder). */
    public void endpointKnown(RunEndpoint e) {
        ui.execute(() -> endpoint.set(e));
    }

    /** Publishes the live client the monitor should use. */
    public void attach(LiveClient c) {
        ui.execute(() -> client.set(c));
    }

    /** The newest state of the run; older reports not yet shown are dropped. */
    public void report(Snapshot snapshot) {
        report(snapshot, null);
    }

    /**
     * The end of a run whose state alone does not tell what happened: {@code label} (e.g. "lost")
     * is shown instead of the state's name.
     */
    public void report(Snapshot snapshot, String label) {
        if (mailbox.getAndSet(new Update(snapshot, label)) == null) {
            ui.execute(this::apply);
        }
    }

    private void apply() {
        Update u = mailbox.getAndSet(null);
        if (u == null) {
            return;
        }
        if (state.get().isOver()) {
            return; // the end is final
        }
        Snapshot s = u.snapshot();
        if (s.state() == RunState.FINISHED) {
            progress.set(1.0); // the last report may carry no step count
        } else if (s.totalSteps() > 0 && s.step() >= 0) {
            progress.set(Math.min(1.0, (double) s.step() / s.totalSteps()));
        }
        if (s.wallSeconds() >= 0) {
            duration.set(Duration.ofMillis(Math.round(s.wallSeconds() * 1000)));
        } else if (!s.state().isOver()) {
            duration.set(Duration.between(started, Instant.now()));
        } // an end of unknown length keeps the last duration seen
        if (s.message() != null) {
            message.set(s.message());
        }
        stateText.set(u.label() != null ? u.label() : s.state().name().toLowerCase(Locale.ROOT));
        // last: a listener on the state (the end notice) reads the message and duration of this report
        state.set(s.state());
    }

    @Override
    public String toString() {
        return name + " (" + target + ", " + state.get() + ")";
    }
}
