package dev.stagger.gui.monitor;

import dev.stagger.engine.live.Command;
import dev.stagger.engine.live.Event;
import dev.stagger.engine.live.LiveClient;
import dev.stagger.engine.live.Preview;
import dev.stagger.engine.live.PreviewRequest;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.Status;
import dev.stagger.engine.render.Colormap;
import dev.stagger.engine.render.PngFile;
import dev.stagger.engine.render.PreviewImage;
import dev.stagger.engine.render.Range;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * What the monitor shows of one run, and the commands it sends. No scene-graph classes: the view
 * binds to the read-only properties and lists and calls the command methods.
 *
 * <p>Threads. A poll loop on the {@code background} executor long-polls the run's events, reads its
 * status and, while the monitor is visible, fetches a preview of the chosen field at most every
 * {@value #PREVIEW_INTERVAL_MILLIS} ms and colour-maps it there into the {@link FrameMailbox}. It
 * touches no property: what it learns goes into a pending batch under a lock. {@link #pulse()},
 * called once per pulse on the FX thread (by the view's AnimationTimer; by hand in tests), applies
 * the batch with one {@code addAll} per list and takes the newest frame, so a thousand events give
 * one update and older frames are dropped. Commands (pause, export, ...) also run on
 * {@code background}, which must therefore run the poll loop and a command at once in production:
 * {@link #newBackgroundExecutor()} does. Properties and lists are only touched on the thread that
 * calls pulse and the command methods.
 *
 * <p>Finished runs. A run refuses previews once it is over, so when the poll loop has read a run to
 * its end (or {@link #runEnded} says it is over, or there never was a client) the model shows the
 * run's output folder instead: an {@link OutputLoader} reads the .pvd and the chosen step's field on
 * {@code background}, bins it like a live preview and hands it through the same mailbox, so the
 * last live frame stays until the file's frame replaces it. {@link #selectOutputStep} picks another
 * step; field, slice, colour map and range work as they do live.
 */
public final class MonitorViewModel {
    /** At most one preview per this many milliseconds. */
    public static final long PREVIEW_INTERVAL_MILLIS = 200;
    /** Values per side asked for in a preview. */
    public static final int PREVIEW_RESOLUTION = 512;
    static final int LOG_CAPACITY = 10_000;
    private static final int EVENTS_PER_POLL = 5_000;
    private static final long PREVIEW_TIMEOUT_MILLIS = 30_000;
    private static final long CONTROL_TIMEOUT_MILLIS = 60_000;
    private static final long IDLE_WAIT_MILLIS = 500;
    private static final long RETRY_MILLIS = 1_000;

    /** One point of a chart. */
    public record ChartPoint(double x, double y) {}

    /** One line of the run's log (state changes included). */
    public record LogLine(long epochMillis, int rank, String level, String text) {
        @Override
        public String toString() {
            return "[" + rank + (level.isEmpty() ? "" : " " + level) + "] " + text;
        }
    }

    /** What the poll loop needs to fetch and render a frame; replaced whole by the commands. */
    record Settings(String field, Colormap colormap, Range range, int sliceAxis, int sliceIndex) {
        Settings withField(String f) {
            return new Settings(f, colormap, range, sliceAxis, sliceIndex);
        }
    }

    private final LiveClient client;
    private final OutputLoader output;
    private final Executor background;
    private final FrameMailbox mailbox = new FrameMailbox();
    private final AtomicReference<Settings> settings =
            new AtomicReference<>(new Settings(null, Colormap.VIRIDIS, Range.auto(), 2, 0));

    // ---- poll loop state (background thread) ----
    private volatile boolean polling;
    private volatile boolean visible = true;
    private volatile Thread pollThread;
    private volatile Preview latestPreview;
    private long lastSequence;
    private final ChartThinning progressThinning = new ChartThinning();
    private long previewDueNanos = Long.MIN_VALUE;
    private PreviewRequest lastRequest;
    private RunState lastState;
    private String lastError;
    private final AtomicInteger previewsFetched = new AtomicInteger();
    // ---- the output of a finished run ----
    private final AtomicBoolean outputShown = new AtomicBoolean();
    private volatile boolean outputMode;
    private volatile boolean knownOver;
    private volatile int outputWanted = -1;

    // ---- handed from the background to pulse() ----
    private final Object lock = new Object();
    private Batch pending = new Batch();

    /** What the background learnt since the last pulse. */
    private static final class Batch {
        Status status;
        final List<ChartPoint> progress = new ArrayList<>();
        final Map<String, List<ChartPoint>> metrics = new LinkedHashMap<>();
        final List<LogLine> log = new ArrayList<>();
        String notification;
        OutputLoader.Result output;

        boolean isEmpty() {
            return status == null && progress.isEmpty() && metrics.isEmpty() && log.isEmpty() && notification == null
                    && output == null;
        }
    }

    // ---- properties (FX thread) ----
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.STARTING);
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper(this, "stepText", "");
    private final ReadOnlyStringWrapper timeText = new ReadOnlyStringWrapper(this, "timeText", "");
    private final ReadOnlyStringWrapper throughputText = new ReadOnlyStringWrapper(this, "throughputText", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ObservableList<String> fields = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper selectedField = new ReadOnlyStringWrapper(this, "selectedField");
    private final ReadOnlyObjectWrapper<Colormap> colormap =
            new ReadOnlyObjectWrapper<>(this, "colormap", Colormap.VIRIDIS);
    private final ReadOnlyBooleanWrapper autoRange = new ReadOnlyBooleanWrapper(this, "autoRange", true);
    private final ReadOnlyDoubleWrapper rangeMin = new ReadOnlyDoubleWrapper(this, "rangeMin", 0);
    private final ReadOnlyDoubleWrapper rangeMax = new ReadOnlyDoubleWrapper(this, "rangeMax", 1);
    private final ReadOnlyIntegerWrapper dims = new ReadOnlyIntegerWrapper(this, "dims", 0);
    private final ReadOnlyIntegerWrapper sliceAxis = new ReadOnlyIntegerWrapper(this, "sliceAxis", 2);
    private final ReadOnlyIntegerWrapper sliceIndex = new ReadOnlyIntegerWrapper(this, "sliceIndex", 1);
    private final ReadOnlyIntegerWrapper sliceCount = new ReadOnlyIntegerWrapper(this, "sliceCount", 1);
    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ObservableList<ChartPoint> progressPoints = FXCollections.observableArrayList();
    private final ObservableList<String> metricKeys = FXCollections.observableArrayList();
    private final Map<String, ObservableList<ChartPoint>> metricSeries = new HashMap<>();
    private final ObservableList<String> ranks = FXCollections.observableArrayList();
    private final ObservableList<LogLine> logLines = FXCollections.observableArrayList();
    private final FilteredList<LogLine> filteredLog = new FilteredList<>(logLines, line -> true);
    private final ReadOnlyStringWrapper logFilter = new ReadOnlyStringWrapper(this, "logFilter", "");
    private final ReadOnlyStringWrapper notification = new ReadOnlyStringWrapper(this, "notification", "");
    private final ReadOnlyBooleanWrapper showingOutput = new ReadOnlyBooleanWrapper(this, "showingOutput");
    private final ReadOnlyIntegerWrapper outputCount = new ReadOnlyIntegerWrapper(this, "outputCount");
    private final ReadOnlyIntegerWrapper outputIndex = new ReadOnlyIntegerWrapper(this, "outputIndex", -1);
    private final ReadOnlyStringWrapper outputStepText = new ReadOnlyStringWrapper(this, "outputStepText", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private int[] cells = new int[0];
    private boolean statusSeen;

    /** Follows {@code client} only: nothing is shown once the run is over. */
    public MonitorViewModel(LiveClient client, Executor background) {
        this(client, null, null, background);
    }

    /**
     * Follows {@code client} while the run goes on, then shows the output in {@code outputDir}.
     * Without a client (null) only the output is shown. {@code runName} is the title until the run
     * says its own, and picks {@code <runName>.pvd} where the folder holds several series; both may be null.
     */
    public MonitorViewModel(LiveClient client, Path outputDir, String runName, Executor background) {
        this.client = client;
        this.background = background;
        this.output = outputDir == null ? null
                : new OutputLoader(outputDir, runName, PREVIEW_RESOLUTION, background, this::outputLoaded);
        if (runName != null) {
            title.set(runName);
        }
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
     * Starts the poll loop on the background executor; it ends by itself once the run is over and
     * then loads the output. Without a client, loads the output at once.
     */
    public void start() {
        if (client == null) {
            showOutput();
            return;
        }
        if (polling) {
            return;
        }
        polling = true;
        background.execute(this::pollLoop);
    }

    /** Stops polling (within one poll); the run goes on. Does not close the client. */
    public void stop() {
        polling = false;
        Thread t = pollThread;
        if (t != null) {
            t.interrupt();
        }
    }

    public boolean isPolling() {
        return polling;
    }

    /** The view says whether it is on screen: previews are fetched only while it is. */
    public void visibilityChanged(boolean shown) {
        this.visible = shown;
    }

    // ---- the poll loop (background) -----------------------------------------------------------

    private void pollLoop() {
        pollThread = Thread.currentThread();
        boolean over = false;
        try {
            while (polling) {
                try {
                    if (!pollOnce()) {
                        over = true;
                        break;
                    }
                } catch (IOException e) {
                    if (!polling) {
                        break;
                    }
                    if (knownOver) {
                        // the run ended and its server went with it: what it wrote is all there is to see
                        over = true;
                        break;
                    }
                    notifyOnce("lost the run: " + e.getMessage());
                    try {
                        Thread.sleep(RETRY_MILLIS);
                    } catch (InterruptedException ie) {
                        break;
                    }
                }
            }
        } finally {
            pollThread = null;
            polling = false;
            Thread.interrupted(); // a stop() that came late must not leave a pool thread interrupted
        }
        if (over) {
            showOutput();
        }
    }

    /**
     * One round: new events (waiting at most until the next preview is due), the status, and a
     * preview when one is due. Returns false once the run is over and every event has been read.
     */
    boolean pollOnce() throws IOException {
        long now = System.nanoTime();
        boolean wantPreview = visible && lastState != null && !lastState.isOver();
        long waitMillis = wantPreview ? Math.max(1, (previewDueNanos - now) / 1_000_000) : IDLE_WAIT_MILLIS;
        if (lastState != null && lastState.isOver()) {
            waitMillis = 0;
        }
        List<Event> events = client.events(lastSequence, EVENTS_PER_POLL, Math.min(waitMillis, PREVIEW_INTERVAL_MILLIS));
        Batch batch = new Batch();
        // read from sequence 1 on: the stream's first "running" state is the run's start, at wall time 0
        boolean fromStart = lastSequence == 0 && !events.isEmpty() && events.get(0).sequence() == 1;
        for (Event e : events) {
            lastSequence = e.sequence();
            if (fromStart && e.kind() == Event.Kind.STATE && e.text().startsWith("running")) {
                chartPoint(batch, 0, e.value("step"), false);
                fromStart = false;
            }
            digest(e, batch);
        }
        Status status = client.status();
        batch.status = status;
        // the status is a point of its own: the chart needs no progress event to draw from the first status on
        chartPoint(batch, status.wallSeconds(), status.step(), status.state().isOver());
        lastState = status.state();
        chooseDefaults(status);
        publish(batch);
        if (visible && !status.state().isOver() && System.nanoTime() >= previewDueNanos) {
            previewDueNanos = System.nanoTime() + PREVIEW_INTERVAL_MILLIS * 1_000_000;
            fetchPreview(status);
        }
        return !(status.state().isOver() && events.isEmpty());
    }

    private void chooseDefaults(Status status) {
        Settings s = settings.get();
        if (s.field() == null && !status.fields().isEmpty()) {
            settings.compareAndSet(s, s.withField(status.fields().get(0)));
        }
        s = settings.get();
        if (status.dims() == 3 && s.sliceIndex() == 0) {
            int axis = s.sliceAxis();
            settings.compareAndSet(s, new Settings(s.field(), s.colormap(), s.range(), axis,
                    status.cells()[axis] / 2 + 1));
        }
    }

    private void fetchPreview(Status status) {
        Settings s = settings.get();
        if (s.field() == null) {
            return;
        }
        PreviewRequest request = status.dims() == 3
                ? new PreviewRequest(s.field(), PREVIEW_RESOLUTION, PREVIEW_RESOLUTION, s.sliceAxis(),
                        Math.max(1, s.sliceIndex()))
                : PreviewRequest.of(s.field(), PREVIEW_RESOLUTION, PREVIEW_RESOLUTION);
        Preview last = latestPreview;
        if (request.equals(lastRequest) && last != null && last.step() == status.step()) {
            return; // paused or between steps: nothing new to see
        }
        Preview p;
        try {
            p = client.preview(request, PREVIEW_TIMEOUT_MILLIS);
        } catch (IOException e) {
            if (!polling) {
                return;
            }
            notifyOnce("preview of " + s.field() + ": " + e.getMessage());
            return;
        }
        lastRequest = request;
        latestPreview = p;
        previewsFetched.incrementAndGet();
        render(p);
    }

    /** Colour-maps {@code p} with the current settings into the mailbox, unless the field changed meanwhile. */
    private void render(Preview p) {
        Settings s = settings.get();
        if (p == null || !p.field().equals(s.field())) {
            return;
        }
        mailbox.offer(FrameRenderer.render(p, s.colormap(), s.range()));
    }

    // ---- the output of a finished run (background) ------------------------------------------

    /** From now on the monitor shows the output folder; the first time only. */
    private void showOutput() {
        if (output == null || !outputShown.compareAndSet(false, true)) {
            return;
        }
        outputMode = true;
        requestOutput();
    }

    private void requestOutput() {
        Settings s = settings.get();
        output.request(new OutputLoader.Request(outputWanted, s.field(), s.sliceAxis(), s.sliceIndex()));
    }

    /** A load finished: its facts go to the next pulse, its preview through the mailbox. */
    private void outputLoaded(OutputLoader.Result r) {
        Batch b = new Batch();
        b.output = r;
        if (r.loaded() == null) {
            // no stale picture under the message: the step asked for is not what it would show
            latestPreview = null;
            mailbox.take();
            publish(b);
            return;
        }
        Preview p = r.loaded().preview();
        // a field the output lacks gives way to the one read; a 3D slice left to the middle becomes explicit
        settings.updateAndGet(s -> {
            Settings t = s.field() == null || !r.loaded().fields().contains(s.field()) ? s.withField(p.field()) : s;
            return r.loaded().dims() == 3 && t.sliceIndex() == 0
                    ? new Settings(t.field(), t.colormap(), t.range(), t.sliceAxis(), p.sliceIndex()) : t;
        });
        latestPreview = p;
        publish(b);
        render(p);
    }

    private void digest(Event e, Batch batch) {
        switch (e.kind()) {
            case PROGRESS -> chartPoint(batch, e.value("wallSeconds"), e.value("step"),
                    e.value("step") == e.value("totalSteps"));
            case METRICS -> {
                double step = e.value("step");
                e.values().entrySet().stream()
                        .filter(v -> !v.getKey().equals("step") && !v.getKey().equals("time"))
                        .sorted(Map.Entry.comparingByKey())
                        .forEach(v -> batch.metrics.computeIfAbsent(v.getKey(), k -> new ArrayList<>())
                                .add(new ChartPoint(step, v.getValue())));
            }
            case LOG -> batch.log.add(new LogLine(e.epochMillis(), e.rank(), e.level(), e.text()));
            case STATE -> batch.log.add(new LogLine(e.epochMillis(), e.rank(), "state", e.text()));
        }
    }


    /** Adds a step-over-wall-time point if {@link ChartThinning} takes it. */
    private void chartPoint(Batch batch, double wall, double step, boolean last) {
        if (progressThinning.accept(wall, step, last)) {
            batch.progress.add(new ChartPoint(wall, step));
        }
    }

    private void publish(Batch batch) {
        synchronized (lock) {
            Batch p = pending;
            if (batch.status != null) {
                p.status = batch.status;
            }
            p.progress.addAll(batch.progress);
            batch.metrics.forEach((k, v) -> p.metrics.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            p.log.addAll(batch.log);
            if (batch.notification != null) {
                p.notification = batch.notification;
            }
            if (batch.output != null) {
                p.output = batch.output;
            }
        }
    }

    private void notify(String text) {
        Batch b = new Batch();
        b.notification = text;
        publish(b);
    }

    private void notifyOnce(String text) {
        if (!text.equals(lastError)) {
            lastError = text;
            notify(text);
        }
    }

    // ---- the pulse (FX thread) ----------------------------------------------------------------

    /**
     * Applies what the background learnt since the last call and takes the newest frame. Called once
     * per pulse on the FX thread by the view; tests call it by hand. Returns whether anything changed.
     */
    public boolean pulse() {
        Batch b;
        synchronized (lock) {
            b = pending;
            if (!b.isEmpty()) {
                pending = new Batch();
            }
        }
        boolean changed = !b.isEmpty();
        if (changed) {
            apply(b);
        }
        Frame f = mailbox.take();
        if (f != null) {
            frame.set(f);
            changed = true;
        }
        return changed;
    }

    private void apply(Batch b) {
        if (b.status != null) {
            Status s = b.status;
            title.set(s.title().isEmpty() ? s.runName() : s.title());
            state.set(s.state());
            stepText.set(s.totalSteps() > 0 ? "step " + s.step() + " / " + s.totalSteps() : "step " + s.step());
            timeText.set(String.format(Locale.ROOT, "t = %.6g", s.time()));
            throughputText.set(throughput(s.cellUpdatesPerSecond()));
            progress.set(s.totalSteps() > 0 ? s.step() / (double) s.totalSteps() : 0);
            if (!ranks.equals(s.ranks())) {
                ranks.setAll(s.ranks());
            }
            if (!showingOutput.get()) {
                // once the output is shown, its fields and grid are what the chooser and slices follow
                if (!fields.equals(s.fields())) {
                    fields.setAll(s.fields());
                }
                dims.set(s.dims());
                cells = s.cells();
            }
            statusSeen = true;
        }
        if (b.output != null) {
            applyOutput(b.output);
        }
        Settings now = settings.get();
        if (now.field() != null && !now.field().equals(selectedField.get())) {
            selectedField.set(now.field());
        }
        if (dims.get() == 3) {
            // the count first: a spinner bound to it would clamp an index beyond the old count
            sliceCount.set(cells.length > now.sliceAxis() ? cells[now.sliceAxis()] : 1);
            sliceAxis.set(now.sliceAxis());
            sliceIndex.set(Math.max(1, now.sliceIndex()));
        }
        ChartThinning.append(progressPoints, b.progress, ChartThinning.CAPACITY);
        b.metrics.forEach((key, points) -> {
            if (!metricKeys.contains(key)) {
                metricKeys.add(key);
            }
            ChartThinning.append(metric(key), points, ChartThinning.CAPACITY);
        });
        appendCapped(logLines, b.log, LOG_CAPACITY);
        if (b.notification != null) {
            notification.set(b.notification);
        }
    }

    private void applyOutput(OutputLoader.Result r) {
        showingOutput.set(true);
        problem.set(r.problem() == null ? "" : r.problem());
        if (r.loaded() == null) {
            frame.set(null);
        } else {
            if (!fields.equals(r.loaded().fields())) {
                fields.setAll(r.loaded().fields());
            }
            dims.set(r.loaded().dims());
            cells = r.loaded().cells();
        }
        OutputSeries series = r.series();
        if (series == null) {
            return;
        }
        List<OutputSeries.Step> steps = series.steps();
        outputCount.set(steps.size());
        if (outputWanted < 0) {
            outputIndex.set(r.index()); // else the user's choice is already there, and stays while they drag
        }
        outputStepText.set(steps.get(r.index()).label() + " (" + (r.index() + 1) + " of " + steps.size() + ")");
        if (title.get().isEmpty()) {
            title.set(series.name());
        }
        if (!statusSeen) {
            // no live status ever came: what the folder says about the run's end
            OutputSeries.Step last = steps.get(steps.size() - 1);
            if (r.runState() != null) {
                state.set(r.runState().state());
            }
            if (state.get() == RunState.FINISHED) {
                progress.set(1);
            }
            long step = r.runState() != null ? r.runState().step() : last.step();
            double time = r.runState() != null ? r.runState().time() : last.time();
            stepText.set(step >= 0 ? "step " + step : "");
            timeText.set(String.format(Locale.ROOT, "t = %.6g", time));
        }
    }

    private static <T> void appendCapped(ObservableList<T> list, List<T> more, int capacity) {
        if (more.isEmpty()) {
            return;
        }
        List<T> add = more.size() > capacity ? more.subList(more.size() - capacity, more.size()) : more;
        int excess = list.size() + add.size() - capacity;
        if (excess > 0) {
            list.remove(0, excess);
        }
        list.addAll(add);
    }

    static String throughput(double cellUpdatesPerSecond) {
        if (!(cellUpdatesPerSecond > 0)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.3g M cell updates/s", cellUpdatesPerSecond / 1e6);
    }

    // ---- commands (FX thread) ---------------------------------------------------------------

    public void selectField(String field) {
        if (field == null || field.equals(selectedField.get())) {
            return;
        }
        settings.updateAndGet(s -> s.withField(field));
        selectedField.set(field);
        reload();
    }

    /** Shows output {@code index} (0-based, in the .pvd's order) of a finished run. */
    public void selectOutputStep(int index) {
        if (!outputMode || index < 0 || index == outputIndex.get()) {
            return;
        }
        outputWanted = index;
        outputIndex.set(index);
        requestOutput();
    }

    /**
     * The run is known to be over (its job says so): once its stream is read, or at once when the
     * client has gone with the run, show the output. {@code finalState} labels a run never seen live.
     */
    public void runEnded(RunState finalState) {
        knownOver = true;
        if (!statusSeen && finalState != null && finalState.isOver()) {
            state.set(finalState);
        }
        if (client == null || !polling) {
            showOutput();
        }
    }

    /** A new field or slice: from the run's next preview, or from the output file. */
    private void reload() {
        if (outputMode) {
            requestOutput();
        } else {
            previewDueNanos = Long.MIN_VALUE;
        }
    }

    public void selectColormap(Colormap map) {
        if (map == null || map == colormap.get()) {
            return;
        }
        settings.updateAndGet(s -> new Settings(s.field(), map, s.range(), s.sliceAxis(), s.sliceIndex()));
        colormap.set(map);
        rerender();
    }

    /** The colour map spans each frame's own min and max. */
    public void useAutoRange() {
        settings.updateAndGet(s -> new Settings(s.field(), s.colormap(), Range.auto(), s.sliceAxis(), s.sliceIndex()));
        autoRange.set(true);
        rerender();
    }

    /** The colour map spans {@code min} to {@code max} in every frame. */
    public void useFixedRange(double min, double max) {
        Range r = Range.of(Math.min(min, max), Math.max(min, max));
        settings.updateAndGet(s -> new Settings(s.field(), s.colormap(), r, s.sliceAxis(), s.sliceIndex()));
        autoRange.set(false);
        rangeMin.set(r.min());
        rangeMax.set(r.max());
        rerender();
    }

    /** For 3D fields: the slice across {@code axis} (0-2) at 1-based grid index {@code index}. */
    public void selectSlice(int axis, int index) {
        if (axis < 0 || axis > 2) {
            throw new IllegalArgumentException("slice axis must be 0, 1 or 2, got " + axis);
        }
        int count = cells.length > axis ? cells[axis] : Math.max(1, index);
        int clamped = Math.max(1, Math.min(count, index));
        settings.updateAndGet(s -> new Settings(s.field(), s.colormap(), s.range(), axis, clamped));
        sliceCount.set(count);
        sliceAxis.set(axis);
        sliceIndex.set(clamped);
        reload();
    }

    public void setLogFilter(String text) {
        String f = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        logFilter.set(f);
        filteredLog.setPredicate(f.isEmpty() ? line -> true
                : line -> line.toString().toLowerCase(Locale.ROOT).contains(f));
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

    private void control(Command command) {
        String name = command.name().toLowerCase(Locale.ROOT);
        if (client == null) {
            notification.set(name + ": the run is over");
            return;
        }
        background.execute(() -> {
            try {
                notify(name + ": " + client.control(command, CONTROL_TIMEOUT_MILLIS));
            } catch (IOException e) {
                notify(name + " failed: " + e.getMessage());
            }
        });
    }

    /**
     * Writes the shown frame as a figure (axes, colour bar) to {@code file}, drawn by the engine's
     * headless renderer on the background executor; the answer comes as a notification.
     */
    public void exportPng(Path file) {
        Frame f = frame.get();
        if (f == null) {
            notification.set("nothing to export yet");
            return;
        }
        Range range = autoRange.get() ? Range.auto() : Range.of(rangeMin.get(), rangeMax.get());
        Colormap map = colormap.get();
        background.execute(() -> {
            try {
                PngFile.write(PreviewImage.render(f.preview(), map, PreviewImage.DEFAULT_WIDTH,
                        PreviewImage.DEFAULT_HEIGHT, range), file);
                notify("saved " + file);
            } catch (IOException | RuntimeException e) {
                notify("export failed: " + e.getMessage());
            }
        });
    }

    /** Re-colours the newest preview with the current settings, off this thread. */
    private void rerender() {
        Preview p = latestPreview;
        if (p != null) {
            background.execute(() -> render(p));
        }
    }

    // ---- queries ------------------------------------------------------------------------------

    /**
     * The value shown at physical coordinates ({@code x}, {@code y}) of the current frame (y ignored
     * for a 1D field): the raster value whose bin holds the point, NaN outside the raster or with no frame.
     */
    public double valueAt(double x, double y) {
        Frame f = frame.get();
        if (f == null) {
            return Double.NaN;
        }
        Preview p = f.preview();
        int i = bin(p.x(), x);
        int j = p.isLine() ? 0 : bin(p.y(), y);
        if (i < 0 || j < 0) {
            return Double.NaN;
        }
        return p.value(i, j);
    }

    /** The index of the raster point nearest {@code v} among increasing centres {@code c}, -1 beyond half a bin outside. */
    static int bin(double[] c, double v) {
        int n = c.length;
        if (n == 1) {
            return 0;
        }
        double lo = c[0] - (c[1] - c[0]) / 2;
        double hi = c[n - 1] + (c[n - 1] - c[n - 2]) / 2;
        if (!(v >= lo && v <= hi)) {
            return -1;
        }
        int k = Arrays.binarySearch(c, v);
        if (k >= 0) {
            return k;
        }
        int after = -k - 1;
        if (after == 0) {
            return 0;
        }
        if (after == n) {
            return n - 1;
        }
        return v - c[after - 1] <= c[after] - v ? after - 1 : after;
    }

    /** The chart of a metric key ("C.min", "C.mean", "residual.r"), empty until its first value. */
    public ObservableList<ChartPoint> metric(String key) {
        return metricSeries.computeIfAbsent(key, k -> FXCollections.observableArrayList());
    }

    FrameMailbox mailbox() {
        return mailbox;
    }

    int previewsFetched() {
        return previewsFetched.get();
    }

    Settings settings() {
        return settings.get();
    }

    // ---- read-only properties ---------------------------------------------------------------

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stepTextProperty() {
        return stepText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeTextProperty() {
        return timeText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty throughputTextProperty() {
        return throughputText.getReadOnlyProperty();
    }

    /** Steps done over steps planned, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ObservableList<String> fields() {
        return FXCollections.unmodifiableObservableList(fields);
    }

    public ReadOnlyStringProperty selectedFieldProperty() {
        return selectedField.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Colormap> colormapProperty() {
        return colormap.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty autoRangeProperty() {
        return autoRange.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty rangeMinProperty() {
        return rangeMin.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty rangeMaxProperty() {
        return rangeMax.getReadOnlyProperty();
    }

    /** The run's dimensions (0 until the first status). */
    public ReadOnlyIntegerProperty dimsProperty() {
        return dims.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty sliceAxisProperty() {
        return sliceAxis.getReadOnlyProperty();
    }

    /** 1-based grid index of the 3D slice. */
    public ReadOnlyIntegerProperty sliceIndexProperty() {
        return sliceIndex.getReadOnlyProperty();
    }

    /** Cells along the slice axis: the largest slice index. */
    public ReadOnlyIntegerProperty sliceCountProperty() {
        return sliceCount.getReadOnlyProperty();
    }

    /** The newest frame, replaced at most once per pulse. */
    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** Steps (y) over wall seconds (x). */
    public ObservableList<ChartPoint> progressPoints() {
        return FXCollections.unmodifiableObservableList(progressPoints);
    }

    /** Metric keys seen so far, in order of arrival: "C.max", "C.mean", "C.min", "residual.r", ... */
    public ObservableList<String> metricKeys() {
        return FXCollections.unmodifiableObservableList(metricKeys);
    }

    /** One line per rank: host, block, backend. */
    public ObservableList<String> ranks() {
        return FXCollections.unmodifiableObservableList(ranks);
    }

    /** Every log line kept (the newest {@value #LOG_CAPACITY}). */
    public ObservableList<LogLine> logLines() {
        return FXCollections.unmodifiableObservableList(logLines);
    }

    /** The log lines that match {@link #logFilterProperty()}. */
    public ObservableList<LogLine> filteredLog() {
        return FXCollections.unmodifiableObservableList(filteredLog);
    }

    public ReadOnlyStringProperty logFilterProperty() {
        return logFilter.getReadOnlyProperty();
    }

    /** True once the monitor shows the run's output folder rather than the live run. */
    public ReadOnlyBooleanProperty showingOutputProperty() {
        return showingOutput.getReadOnlyProperty();
    }

    /** Output steps the .pvd lists (0 until the output is shown). */
    public ReadOnlyIntegerProperty outputCountProperty() {
        return outputCount.getReadOnlyProperty();
    }

    /** The output step shown or being loaded, 0-based; -1 before the output is shown. */
    public ReadOnlyIntegerProperty outputIndexProperty() {
        return outputIndex.getReadOnlyProperty();
    }

    /** "step 100, t = 0.0232515 (6 of 6)": the output step shown. */
    public ReadOnlyStringProperty outputStepTextProperty() {
        return outputStepText.getReadOnlyProperty();
    }

    /** Why the output cannot be shown, naming the file ("cannot read .../x_000100.vti: it is truncated ..."); else empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The latest answer or problem: "pause: paused at step 120", "saved /tmp/c.png", ... */
    public ReadOnlyStringProperty notificationProperty() {
        return notification.getReadOnlyProperty();
    }
}
