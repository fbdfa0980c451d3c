package dev.stagger.gui.monitor;

import dev.stagger.gui.monitor.frame.Frame;
import dev.stagger.gui.monitor.frame.FrameMailbox;
import dev.stagger.gui.monitor.frame.FramePipeline;
import dev.stagger.gui.monitor.frame.FrameSettings;
import dev.stagger.engine.live.Command;
import dev.stagger.engine.live.LiveClient;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.Status;
import dev.stagger.engine.output.OutputSeries;
import dev.stagger.engine.render.Colormap;
import dev.stagger.gui.common.ModelTimeUnit;
import dev.stagger.engine.render.Scale;
import dev.stagger.gui.monitor.export.FrameExport;
import dev.stagger.gui.monitor.feed.FeedBatch;
import dev.stagger.gui.monitor.feed.FeedPolicy;
import dev.stagger.gui.monitor.feed.LiveFeed;
import dev.stagger.gui.monitor.output.OutputBrowser;
import dev.stagger.gui.monitor.output.OutputLoader;
import dev.stagger.gui.monitor.state.ChartPoint;
import dev.stagger.gui.monitor.state.ChartsModel;
import dev.stagger.gui.monitor.state.LogLine;
import dev.stagger.gui.monitor.state.LogModel;
import dev.stagger.gui.monitor.state.Notifications;
import dev.stagger.gui.monitor.state.RunStatusModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;

/**
 * What the monitor shows of one run, and the commands it sends: the facade the view binds to. No
 * scene-graph classes. It wires the parts and owns the pulse:
 * <ul>
 *   <li>the {@link LiveFeed} pulls status, events and previews from the run on the {@code background}
 *       executor, paced by a {@link FeedPolicy} (slower and smaller through a tunnel);
 *   <li>the state models ({@link RunStatusModel}, {@link ChartsModel}, {@link LogModel},
 *       {@link FrameControls}, {@link Notifications}) hold the properties;
 *   <li>the {@link OutputBrowser} shows what the run wrote once it is over;
 *   <li>{@link FrameExport} writes the shown frame as a figure.
 * </ul>
 * Background work touches no property: {@link #pulse()}, called once per pulse on the FX thread (by
 * the view's AnimationTimer; by hand in tests), applies what arrived with one change per list and
 * takes the newest frame, so a thousand events give one update and older frames are dropped.
 * Commands also run on {@code background}, which must therefore run the poll loop and a command at
 * once in production: {@link #newBackgroundExecutor()} does.
 */
public final class MonitorViewModel {
    private volatile java.util.function.Function<Command, java.util.concurrent.CompletionStage<String>> runControls;
    /** At most one preview per this many milliseconds from a run on this computer. */
    public static final long PREVIEW_INTERVAL_MILLIS = FeedPolicy.LOCAL.previewIntervalMillis();
    /** Values per side asked for in a preview from a run on this computer, and read from output files. */
    public static final int PREVIEW_RESOLUTION = FeedPolicy.LOCAL.previewResolution();
    private static final long CONTROL_TIMEOUT_MILLIS = 60_000;

    private final Executor background;
    private final FramePipeline frames = new FramePipeline();
    private final Notifications notifications = new Notifications();
    private final LiveFeed feed;
    private final OutputBrowser output;
    private final FrameExport export;
    private final Path outputDir;
    private final String runName;
    private final RunStatusModel status;
    private final FrameControls controls = new FrameControls(frames);
    private final ChartsModel charts = new ChartsModel();
    private final LogModel log = new LogModel();
    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final java.util.concurrent.atomic.AtomicReference<ModelTimeUnit> chosenTimeUnit =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** Follows {@code client} only: nothing is shown once the run is over. */
    public MonitorViewModel(LiveClient client, Executor background) {
        this(client, null, null, background);
    }

    /** A run on this computer: see {@link #MonitorViewModel(LiveClient, Path, String, FeedPolicy, Executor)}. */
    public MonitorViewModel(LiveClient client, Path outputDir, String runName, Executor background) {
        this(client, outputDir, runName, FeedPolicy.LOCAL, background);
    }

    /**
     * Follows {@code client} as {@code policy} says while the run goes on, then shows the output in
     * {@code outputDir}. Without a client (null) only the output is shown. {@code runName} is the
     * title until the run says its own, and picks {@code <runName>.pvd} where the folder holds
     * several series; both may be null.
     */
    public MonitorViewModel(LiveClient client, Path outputDir, String runName, FeedPolicy policy,
            Executor background) {
        this.background = background;
        this.feed = client == null ? null
                : new LiveFeed(client, policy, background, frames, notifications, this::showOutput, System::nanoTime);
        this.output = new OutputBrowser(outputDir, runName, PREVIEW_RESOLUTION, background, frames);
        this.outputDir = outputDir;
        this.runName = runName;
        this.export = new FrameExport(background, notifications);
        this.status = new RunStatusModel(runName);
    }

    /** Daemon threads, as many as needed: the poll loop plus commands and exports. */
    public static ExecutorService newBackgroundExecutor() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stagger-monitor-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    // ---- lifecycle -------------------------------------------------------------------------------

    /**
     * Starts the feed on the background executor; it ends by itself once the run is over and then
     * the output is loaded. Without a client, loads the output at once.
     */
    public void start() {
        if (feed == null) {
            showOutput();
        } else {
            feed.start();
        }
    }

    /** Stops polling (within one poll); the run goes on. Does not close the client. */
    public void stop() {
        if (feed != null) {
            feed.stop();
        }
    }

    public boolean isPolling() {
        return feed != null && feed.isPolling();
    }

    /** The view says whether it is on screen: previews are fetched only while it is. */
    public void visibilityChanged(boolean shown) {
        if (feed != null) {
            feed.visibilityChanged(shown);
        }
    }

    /**
     * The run's job reconnected and serves a new client: follow it from the next round. Ignored by
     * a monitor that never had a client (it shows the output of a run that is over).
     */
    public void switchClient(LiveClient client) {
        if (feed != null) {
            feed.switchTo(client);
        }
    }

    /**
     * The run is known to be over (its job says so): once its stream is read, or at once when the
     * client has gone with the run, show the output. {@code finalState} labels a run never seen live.
     */
    public void runEnded(RunState finalState) {
        if (feed != null) {
            feed.runEnded();
        }
        status.runEnded(finalState);
        if (feed == null || !feed.isPolling()) {
            showOutput();
        }
    }

    /** One round of the feed, on the calling thread (tests drive the feed by hand). */
    boolean pollOnce() throws IOException {
        return feed.pollOnce();
    }

    private void showOutput() {
        output.show();
    }

    // ---- the pulse (FX thread) ----------------------------------------------------------------

    /**
     * Applies what the background learnt since the last call and takes the newest frame. Called once
     * per pulse on the FX thread by the view; tests call it by hand. Returns whether anything changed.
     */
    public boolean pulse() {
        FeedBatch b = feed == null ? new FeedBatch() : feed.takePending();
        OutputLoader.Result loaded = output.takeResult();
        ModelTimeUnit unit = chosenTimeUnit.getAndSet(null);
        if (unit != null) {
            useTimeUnit(unit);
        }
        boolean changed = !b.isEmpty() | loaded != null | notifications.apply() | unit != null;
        if (b.status() != null) {
            applyStatus(b.status());
        }
        if (loaded != null) {
            applyOutput(loaded);
        }
        if (changed) {
            controls.followSettings();
        }
        charts.append(b.progress(), b.metrics());
        charts.appendConvergence(b.convergence());
        log.append(b.log());
        Frame f = frames.mailbox().take();
        if (f != null) {
            frame.set(f);
            changed = true;
        }
        return changed;
    }

    private void applyStatus(Status s) {
        status.apply(s);
        if (!output.showingProperty().get()) {
            // once the output is shown, its fields and grid are what the chooser and slices follow
            controls.grid(s.fields(), s.dims(), s.cells());
        }
    }

    private void applyOutput(OutputLoader.Result r) {
        output.apply(r);
        if (r.loaded() == null) {
            frame.set(null);
        } else {
            controls.grid(r.loaded().fields(), r.loaded().dims(), r.loaded().cells());
        }
        OutputSeries series = r.series();
        if (series != null) {
            // no live status may ever have come: what the folder says about the run's end
            OutputSeries.Step last = series.steps().get(series.steps().size() - 1);
            boolean recorded = r.runState() != null;
            status.endFromOutput(series.name(), recorded ? r.runState().state() : null,
                    recorded ? r.runState().step() : last.step(), recorded ? r.runState().time() : last.time());
        }
    }

    // ---- commands (FX thread) ---------------------------------------------------------------

    public void selectField(String field) {
        if (controls.selectField(field)) {
            reload();
        }
    }

    /** Shows output {@code index} (0-based, in the .pvd's order) of a finished run. */
    public void selectOutputStep(int index) {
        output.select(index);
    }

    /** A new field or slice: from the run's next preview, or from the output file. */
    private void reload() {
        if (output.isActive()) {
            output.reload();
        } else if (feed != null) {
            feed.previewNow();
        }
    }

    public void selectColormap(Colormap map) {
        if (controls.selectColormap(map)) {
            frames.rerender(background);
        }
    }

    /** Linear or log colours (a log scale falls back to linear, and says so, for a field with nothing positive). */
    public void selectScale(Scale scale) {
        if (controls.selectScale(scale)) {
            frames.rerender(background);
        }
    }

    /** Shows simulated time in {@code unit} (status line and output step) from now on. FX thread. */
    public void useTimeUnit(ModelTimeUnit unit) {
        status.useTimeUnit(unit);
        output.useTimeUnit(unit);
    }

    /**
     * The time unit preference changed, said from any thread (the preferences' own): applied at the
     * next pulse, like everything else the background learns.
     */
    public void timeUnitChosen(ModelTimeUnit unit) {
        chosenTimeUnit.set(unit);
    }

    /** The colour map spans each frame's own min and max. */
    public void useAutoRange() {
        controls.useAutoRange();
        frames.rerender(background);
    }

    /** The colour map spans {@code min} to {@code max} in every frame. */
    public void useFixedRange(double min, double max) {
        controls.useFixedRange(min, max);
        frames.rerender(background);
    }

    /** For 3D fields: the slice across {@code axis} (0-2) at 1-based grid index {@code index}. */
    public void selectSlice(int axis, int index) {
        controls.selectSlice(axis, index);
        reload();
    }

    public void setLogFilter(String text) {
        log.setFilter(text);
    }

    public void pause() {
        control(Command.PAUSE);
    }

    public void resume() {
        control(Command.RESUME);
    }

    /** Stops the run (gracefully: it writes its final output). Not to be confused with {@link #stop()}. */
    public void stopRun() {
        control(Command.STOP);
    }

    public void checkpoint() {
        control(Command.CHECKPOINT);
    }

    /**
     * Sends pause, resume, stop and checkpoint through {@code controls} (the job's controller, so the
     * job list and the monitor agree, and a cluster job can fall back to cancelling it when its
     * tunnel is down) instead of straight to the live client.
     */
    public void useControls(java.util.function.Function<Command, java.util.concurrent.CompletionStage<String>> c) {
        this.runControls = c;
    }

    private void control(Command command) {
        String name = command.name().toLowerCase(Locale.ROOT);
        var through = runControls;
        if (through != null) {
            through.apply(command).whenComplete((answer, error) -> notifications.post(error == null
                    ? name + ": " + answer : name + " failed: " + dev.stagger.gui.common.Failures.why(error)));
            return;
        }
        if (feed == null) {
            notifications.show(name + ": the run is over");
            return;
        }
        LiveClient client = feed.client();
        background.execute(() -> {
            try {
                notifications.post(name + ": " + client.control(command, CONTROL_TIMEOUT_MILLIS));
            } catch (IOException e) {
                notifications.post(name + " failed: " + e.getMessage());
            }
        });
    }

    /**
     * Writes the shown frame as a figure (axes, colour bar) to {@code file}, drawn by the engine's
     * headless renderer on the background executor; the answer comes as a notification.
     */
    public void exportPng(Path file) {
        export.exportPng(frame.get(), controls.colormapProperty().get(), controls.range(),
                controls.scaleProperty().get(), file);
    }

    /** True when the run has an output folder whose series can be exported. */
    public boolean canExportSeries() {
        return outputDir != null;
    }

    /**
     * Writes the run's output series as an animated GIF ({@code target} ending in .gif) or one PNG
     * per step (into the folder {@code target}), with the field, colour map and 3D slice shown now.
     */
    public void exportSeries(Path target) {
        export.exportSeries(outputDir, runName, controls.selectedFieldProperty().get(),
                controls.colormapProperty().get(), controls.scaleProperty().get(), controls.sliceAxisProperty().get(),
                controls.sliceIndexProperty().get(), target);
    }

    // ---- queries ------------------------------------------------------------------------------

    /**
     * The value shown at physical coordinates ({@code x}, {@code y}) of the current frame (y ignored
     * for a 1D field): the raster value whose bin holds the point, NaN outside the raster or with no frame.
     */
    public double valueAt(double x, double y) {
        return FrameProbe.valueAt(frame.get(), x, y);
    }

    /** The errors an iterative model's convergence checks report, in order of arrival. */
    public ObservableList<String> convergenceKeys() {
        return charts.convergenceKeys();
    }

    /** One error over the iterations of the newest checked step: (iteration, error). */
    public ObservableList<ChartPoint> convergence(String key) {
        return charts.convergence(key);
    }

    /** The step whose convergence is shown; -1 before the first check. */
    public javafx.beans.property.ReadOnlyLongProperty convergenceStepProperty() {
        return charts.convergenceStepProperty();
    }

    /** The chart of a metric key ("C.min", "C.mean", "residual.r"), empty until its first value. */
    public ObservableList<ChartPoint> metric(String key) {
        return charts.metric(key);
    }

    /** The client followed now (null: none); the policy pacing it. For tests of the wiring. */
    LiveClient client() {
        return feed == null ? null : feed.client();
    }

    FeedPolicy policy() {
        return feed == null ? null : feed.policy();
    }

    FrameMailbox mailbox() {
        return frames.mailbox();
    }

    int previewsFetched() {
        return feed == null ? 0 : feed.previewsFetched();
    }

    FrameSettings settings() {
        return frames.settings();
    }

    // ---- read-only properties ---------------------------------------------------------------

    public ReadOnlyStringProperty titleProperty() {
        return status.titleProperty();
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return status.stateProperty();
    }

    public ReadOnlyStringProperty stepTextProperty() {
        return status.stepTextProperty();
    }

    public ReadOnlyStringProperty timeTextProperty() {
        return status.timeTextProperty();
    }

    public ReadOnlyStringProperty throughputTextProperty() {
        return status.throughputTextProperty();
    }

    /** Steps done over steps planned, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return status.progressProperty();
    }

    public ObservableList<String> fields() {
        return controls.fields();
    }

    public ReadOnlyStringProperty selectedFieldProperty() {
        return controls.selectedFieldProperty();
    }

    public ReadOnlyObjectProperty<Colormap> colormapProperty() {
        return controls.colormapProperty();
    }

    public ReadOnlyObjectProperty<Scale> scaleProperty() {
        return controls.scaleProperty();
    }

    public ReadOnlyBooleanProperty autoRangeProperty() {
        return controls.autoRangeProperty();
    }

    public ReadOnlyDoubleProperty rangeMinProperty() {
        return controls.rangeMinProperty();
    }

    public ReadOnlyDoubleProperty rangeMaxProperty() {
        return controls.rangeMaxProperty();
    }

    /** The run's dimensions (0 until the first status). */
    public ReadOnlyIntegerProperty dimsProperty() {
        return controls.dimsProperty();
    }

    public ReadOnlyIntegerProperty sliceAxisProperty() {
        return controls.sliceAxisProperty();
    }

    /** 1-based grid index of the 3D slice. */
    public ReadOnlyIntegerProperty sliceIndexProperty() {
        return controls.sliceIndexProperty();
    }

    /** Cells along the slice axis: the largest slice index. */
    public ReadOnlyIntegerProperty sliceCountProperty() {
        return controls.sliceCountProperty();
    }

    /** The newest frame, replaced at most once per pulse. */
    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** Steps (y) over wall seconds (x). */
    public ObservableList<ChartPoint> progressPoints() {
        return charts.progress();
    }

    /** Metric keys seen so far, in order of arrival: "C.max", "C.mean", "C.min", "residual.r", ... */
    public ObservableList<String> metricKeys() {
        return charts.metricKeys();
    }

    /** One line per rank: host, block, backend. */
    public ObservableList<String> ranks() {
        return status.ranks();
    }

    /** Every log line kept (the newest {@value LogModel#CAPACITY}). */
    public ObservableList<LogLine> logLines() {
        return log.lines();
    }

    /** The log lines that match {@link #logFilterProperty()}. */
    public ObservableList<LogLine> filteredLog() {
        return log.filtered();
    }

    public ReadOnlyStringProperty logFilterProperty() {
        return log.filterProperty();
    }

    /** True once the monitor shows the run's output folder rather than the live run. */
    public ReadOnlyBooleanProperty showingOutputProperty() {
        return output.showingProperty();
    }

    /** Output steps the .pvd lists (0 until the output is shown). */
    public ReadOnlyIntegerProperty outputCountProperty() {
        return output.countProperty();
    }

    /** The output step shown or being loaded, 0-based; -1 before the output is shown. */
    public ReadOnlyIntegerProperty outputIndexProperty() {
        return output.indexProperty();
    }

    /** "step 100, t = 0.0232515 (6 of 6)": the output step shown. */
    public ReadOnlyStringProperty outputStepTextProperty() {
        return output.stepTextProperty();
    }

    /** Why the output cannot be shown, naming the file ("cannot read .../x_000100.vti: it is truncated ..."); else empty. */
    public ReadOnlyStringProperty problemProperty() {
        return output.problemProperty();
    }

    /** The latest answer or problem: "pause: paused at step 120", "saved /tmp/c.png", ... */
    public ReadOnlyStringProperty notificationProperty() {
        return notifications.textProperty();
    }
}
