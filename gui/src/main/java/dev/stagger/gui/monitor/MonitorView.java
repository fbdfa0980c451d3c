package dev.stagger.gui.monitor;

import dev.stagger.engine.live.LiveClient;
import dev.stagger.gui.common.WorkbenchPrefs;
import dev.stagger.gui.monitor.feed.FeedPolicy;
import dev.stagger.gui.monitor.state.ChartPoint;
import dev.stagger.gui.monitor.state.LogLine;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.prefs.PreferenceChangeListener;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The live monitor of one run, built in code: a toolbar (field, colour map, range, 3D slice, run
 * controls, export), the heatmap with its charts, ranks and log beside it, and a status line.
 * Binds to a {@link MonitorViewModel}; an AnimationTimer calls {@link MonitorViewModel#pulse()} once
 * per pulse while the view is showing, which is the only place new data reaches the scene graph.
 * Polling starts when the view is first shown; {@link #dispose()} ends it.
 */
public final class MonitorView extends BorderPane {
    private final MonitorViewModel model;
    private final HeatmapCanvas heatmap;
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            model.pulse();
        }
    };
    private final XYChart.Series<Number, Number> progressSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> minSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> maxSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> meanSeries = new XYChart.Series<>();
    private final LineChart<Number, Number> residualChart = chart("step", "residual");
    /** An iterative model's newest step: each error over the iterations, on a log axis (log10 plotted). */
    private final LineChart<Number, Number> convergenceChart = logChart("iteration", "error");
    private final java.util.Map<XYChart.Series<Number, Number>, Mirror> mirrors = new java.util.IdentityHashMap<>();
    private boolean updating;
    /** Whether there are residuals or convergence to show: the Convergence tab appears with the first. */
    private javafx.beans.binding.BooleanBinding anyResidual;
    /** Edit > Preferences' time unit, followed while the monitor is open (the event comes on the preferences' thread). */
    private final PreferenceChangeListener timeUnitPreference;

    public MonitorView(MonitorViewModel model) {
        this.model = model;
        this.heatmap = new HeatmapCanvas(model::valueAt);
        getStyleClass().add("monitor-view");
        setTop(new MonitorToolbar(model, this::export, this::exportSeries));
        setCenter(centre());
        setBottom(statusLine());
        model.frameProperty().addListener((obs, old, f) -> heatmap.show(f));
        ObservableValue<Boolean> showing = sceneProperty().flatMap(Scene::windowProperty)
                .flatMap(Window::showingProperty).orElse(false);
        showing.addListener((obs, was, is) -> showingChanged(is));
        showingChanged(showing.getValue());
        model.useTimeUnit(WorkbenchPrefs.timeUnit(WorkbenchPrefs.node()));
        timeUnitPreference = e -> {
            if (WorkbenchPrefs.TIME_UNIT.equals(e.getKey())) {
                model.timeUnitChosen(WorkbenchPrefs.timeUnit(e.getNode()));
            }
        };
        WorkbenchPrefs.node().addPreferenceChangeListener(timeUnitPreference);
    }

    /** A monitor of {@code client} with its own daemon background threads; polling starts when shown. */
    public static MonitorView of(LiveClient client) {
        return new MonitorView(new MonitorViewModel(client, MonitorViewModel.newBackgroundExecutor()));
    }

    /**
     * A monitor of {@code client} (null: none) that shows the output in {@code outputDir} once the
     * run is over; {@code runName} names it until the run does.
     */
    public static MonitorView of(LiveClient client, Path outputDir, String runName) {
        return of(client, outputDir, runName, FeedPolicy.LOCAL);
    }

    /** As {@link #of(LiveClient, Path, String)}, pulling on the run as {@code policy} says. */
    public static MonitorView of(LiveClient client, Path outputDir, String runName, FeedPolicy policy) {
        return new MonitorView(new MonitorViewModel(client, outputDir, runName, policy,
                MonitorViewModel.newBackgroundExecutor()));
    }

    public MonitorViewModel model() {
        return model;
    }

    HeatmapCanvas heatmap() {
        return heatmap;
    }

    /** Stops polling and drawing; the run goes on. Call when the monitor is closed for good. */
    public void dispose() {
        try {
            WorkbenchPrefs.node().removePreferenceChangeListener(timeUnitPreference);
        } catch (IllegalArgumentException alreadyRemoved) {
            // disposed twice: nothing left to remove
        }
        pulse.stop();
        model.visibilityChanged(false);
        model.stop();
    }

    private void showingChanged(boolean showing) {
        model.visibilityChanged(showing);
        if (showing) {
            model.start();
            pulse.start();
        } else {
            pulse.stop();
        }
    }

    // ---- toolbar ----------------------------------------------------------------------------

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the frame as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        Frame f = model.frameProperty().get();
        chooser.setInitialFileName((f == null ? "frame" : f.preview().field() + "_" + f.preview().step()) + ".png");
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            model.exportPng(file.toPath());
        }
    }

    private void exportSeries() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the output series");
        FileChooser.ExtensionFilter gif = new FileChooser.ExtensionFilter("Animated GIF", "*.gif");
        FileChooser.ExtensionFilter pngs = new FileChooser.ExtensionFilter("PNG pictures (a folder of one per step)",
                "*");
        chooser.getExtensionFilters().addAll(gif, pngs);
        String field = model.frameProperty().get() == null ? "series" : model.frameProperty().get().preview().field();
        chooser.setInitialFileName(field + ".gif");
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            model.exportSeries(file.toPath());
        }
    }

    // ---- centre -----------------------------------------------------------------------------

    private Node centre() {
        LineChart<Number, Number> progress = chart("wall time (s)", "step");
        progressSeries.setName("step");
        progress.getData().add(progressSeries);
        mirror(model.progressPoints(), progressSeries);

        LineChart<Number, Number> stats = chart("step", "value");
        minSeries.setName("min");
        maxSeries.setName("max");
        meanSeries.setName("mean");
        stats.getData().addAll(List.of(minSeries, maxSeries, meanSeries));
        model.selectedFieldProperty().addListener((obs, old, f) -> showStatistics(f));
        showStatistics(model.selectedFieldProperty().get());

        residualChart.visibleProperty().bind(Bindings.isNotEmpty(residualChart.getData()));
        residualChart.managedProperty().bind(residualChart.visibleProperty());
        eachKey(model.metricKeys(), key -> {
            if (key.startsWith("residual.")) {
                XYChart.Series<Number, Number> s = new XYChart.Series<>();
                s.setName(key.substring("residual.".length()));
                mirror(model.metric(key), s);
                residualChart.getData().add(s);
            }
        });
        convergenceChart.setId("convergence-chart");
        convergenceChart.visibleProperty().bind(Bindings.isNotEmpty(convergenceChart.getData()));
        convergenceChart.managedProperty().bind(convergenceChart.visibleProperty());
        convergenceChart.titleProperty().bind(model.convergenceStepProperty().asString("convergence of step %d"));
        eachKey(model.convergenceKeys(), key -> {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(key);
            mirror(model.convergence(key), s);
            convergenceChart.getData().add(s);
        });
        VBox charts = new VBox(4, progress, stats);
        // the residuals of each step and the convergence within the newest: a tab of their own, which
        // appears with the first of them (an explicit model has none), so that the charts keep their room
        VBox residuals = new VBox(4, residualChart, convergenceChart);
        VBox.setVgrow(convergenceChart, Priority.ALWAYS);
        VBox.setVgrow(progress, Priority.ALWAYS);
        VBox.setVgrow(stats, Priority.ALWAYS);
        VBox.setVgrow(residualChart, Priority.ALWAYS);

        ListView<String> ranks = new ListView<>(model.ranks());
        ranks.setId("ranks");

        TextField filter = new TextField();
        filter.setId("logFilter");
        filter.setPromptText("filter the log");
        filter.textProperty().addListener((obs, old, t) -> model.setLogFilter(t));
        ListView<LogLine> log = new ListView<>(model.filteredLog());
        log.setId("log");
        model.filteredLog().addListener((ListChangeListener<LogLine>) c -> {
            if (!model.filteredLog().isEmpty()) {
                log.scrollTo(model.filteredLog().size() - 1);
            }
        });
        VBox console = new VBox(4, filter, log);
        VBox.setVgrow(log, Priority.ALWAYS);
        console.setPadding(new Insets(4));

        TabPane tabs = new TabPane(new Tab("Charts", charts), new Tab("Ranks", ranks), new Tab("Log", console));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("monitor-tabs");
        Tab residualTab = new Tab("Convergence", residuals);
        residualTab.setId("convergence-tab");
        // a field: a binding only a local variable holds is collected, and its listener with it
        anyResidual = Bindings.isNotEmpty(residualChart.getData()).or(Bindings.isNotEmpty(convergenceChart.getData()));
        anyResidual.addListener((o, was, is) -> {
            if (is && !tabs.getTabs().contains(residualTab)) {
                tabs.getTabs().add(1, residualTab);
            }
        });
        if (anyResidual.getValue()) {
            tabs.getTabs().add(1, residualTab);
        }
        SplitPane split = new SplitPane(picture(), tabs);
        split.setDividerPositions(0.6);
        return split;
    }

    /**
     * The heatmap, a message over it when the output cannot be shown, and for a finished run a
     * slider over the output steps.
     */
    private Node picture() {
        Label problem = new Label();
        problem.setId("problem");
        problem.setWrapText(true);
        problem.getStyleClass().add("monitor-problem");
        problem.setStyle("-fx-background-color: -fx-control-inner-background; -fx-border-color: -fx-accent;"
                + " -fx-padding: 8; -fx-background-radius: 4; -fx-border-radius: 4;");
        problem.setMaxWidth(560);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        model.problemProperty().addListener((obs, old, p) -> heatmap.setPlaceholder(p.isEmpty()
                ? "waiting for the first frame" : ""));
        // the value under the mouse, in the heatmap's top margin: the status line has no room for it
        Label cursor = new Label();
        cursor.setId("cursor");
        cursor.getStyleClass().add("monitor-cursor");
        cursor.setStyle("-fx-font-size: 11px;");
        cursor.setMouseTransparent(true);
        cursor.setPadding(new Insets(2, 0, 0, 8));
        cursor.textProperty().bind(heatmap.cursorTextProperty());
        StackPane stack = new StackPane(heatmap, problem, cursor);
        StackPane.setAlignment(problem, Pos.CENTER);
        StackPane.setAlignment(cursor, Pos.TOP_LEFT);

        Slider steps = new Slider(0, 0, 0);
        steps.setId("outputStep");
        steps.setBlockIncrement(1);
        steps.setMajorTickUnit(1);
        steps.setMinorTickCount(0);
        steps.setSnapToTicks(true);
        steps.maxProperty().bind(model.outputCountProperty().subtract(1).map(n -> Math.max(0, n.intValue())));
        steps.disableProperty().bind(model.outputCountProperty().lessThan(2));
        model.outputIndexProperty().addListener((obs, old, i) -> {
            updating = true;
            steps.setValue(Math.max(0, i.intValue()));
            updating = false;
        });
        steps.valueProperty().addListener((obs, old, v) -> {
            if (!updating) {
                model.selectOutputStep((int) Math.round(v.doubleValue()));
            }
        });
        Label shown = new Label();
        shown.setId("outputStepText");
        shown.textProperty().bind(model.outputStepTextProperty());
        Label name = new Label("output");
        name.setTooltip(new Tooltip("The output steps the run wrote (its .pvd); drag or use the arrow keys"));
        // the slider gives way in a narrow monitor, the words do not
        name.setMinWidth(Region.USE_PREF_SIZE);
        shown.setMinWidth(Region.USE_PREF_SIZE);
        steps.setMinWidth(60);
        HBox row = new HBox(8, name, steps, shown);
        HBox.setHgrow(steps, Priority.ALWAYS);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(2, 8, 4, 8));
        row.visibleProperty().bind(model.showingOutputProperty());
        row.managedProperty().bind(row.visibleProperty());

        VBox picture = new VBox(stack, row);
        VBox.setVgrow(stack, Priority.ALWAYS);
        return picture;
    }

    private void showStatistics(String field) {
        if (field == null) {
            return;
        }
        mirror(model.metric(field + ".min"), minSeries);
        mirror(model.metric(field + ".max"), maxSeries);
        mirror(model.metric(field + ".mean"), meanSeries);
    }

    /**
     * Runs {@code action} for the keys there are and for each one added later: a view made after
     * its model has seen the first keys (a monitor opened on a run under way) still charts them.
     */
    private static void eachKey(ObservableList<String> keys, java.util.function.Consumer<String> action) {
        List.copyOf(keys).forEach(action);
        keys.addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(action);
            }
        });
    }

    /** A chart whose y values are log10 of what it shows: the axis labels them as powers of ten. */
    private static LineChart<Number, Number> logChart(String xLabel, String yLabel) {
        LineChart<Number, Number> c = chart(xLabel, yLabel + " (log)");
        NumberAxis y = (NumberAxis) c.getYAxis();
        y.setMinorTickVisible(false);
        y.setTickLabelFormatter(new javafx.util.StringConverter<Number>() {
            @Override
            public String toString(Number v) {
                return logTickLabel(v.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return Double.parseDouble(s.replace("1e", ""));
            }
        });
        c.setCreateSymbols(true);
        return c;
    }

    /** The label of a tick at log10 value {@code v}: "1e-6" at whole powers, nothing between them. */
    static String logTickLabel(double v) {
        double r = Math.rint(v);
        return Math.abs(v - r) < 1e-9 ? "1e" + (long) r : "";
    }

    /** The convergence chart (for tests). */
    LineChart<Number, Number> convergenceChart() {
        return convergenceChart;
    }

    private static LineChart<Number, Number> chart(String xLabel, String yLabel) {
        NumberAxis x = new NumberAxis();
        x.setLabel(xLabel);
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        y.setForceZeroInRange(false);
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setAnimated(false);
        c.setCreateSymbols(false);
        c.setMinHeight(120);
        return c;
    }

    /**
     * Keeps {@code series} a copy of {@code points}: appends and removals from the front as they
     * happen, one chart update per pulse since the model changes its lists only in pulse().
     */
    private void mirror(ObservableList<ChartPoint> points, XYChart.Series<Number, Number> series) {
        Mirror old = mirrors.get(series);
        if (old != null) {
            old.source.removeListener(old);
        }
        Mirror m = new Mirror(points, series);
        mirrors.put(series, m);
        points.addListener(m);
        series.getData().setAll(points.stream().map(Mirror::data).toList());
    }

    private record Mirror(ObservableList<ChartPoint> source, XYChart.Series<Number, Number> series)
            implements ListChangeListener<ChartPoint> {
        static XYChart.Data<Number, Number> data(ChartPoint p) {
            return new XYChart.Data<>(p.x(), p.y());
        }

        @Override
        public void onChanged(Change<? extends ChartPoint> c) {
            ObservableList<XYChart.Data<Number, Number>> data = series.getData();
            while (c.next()) {
                if (c.wasRemoved()) {
                    data.remove(c.getFrom(), Math.min(data.size(), c.getFrom() + c.getRemovedSize()));
                }
                if (c.wasAdded()) {
                    data.addAll(c.getFrom(), c.getAddedSubList().stream().map(Mirror::data).toList());
                }
            }
        }
    }

    // ---- status line ------------------------------------------------------------------------

    private Node statusLine() {
        Label state = new Label();
        state.setId("state");
        state.textProperty().bind(model.stateProperty().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse(""));
        Label step = new Label();
        step.setId("step");
        step.textProperty().bind(model.stepTextProperty());
        Label time = new Label();
        time.textProperty().bind(model.timeTextProperty());
        Label rate = new Label();
        rate.textProperty().bind(model.throughputTextProperty());
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(90);
        bar.progressProperty().bind(model.progressProperty());
        for (Region r : List.of(state, step, time, rate, bar)) {
            r.setMinWidth(Region.USE_PREF_SIZE); // the facts keep their room; the notification gives way
        }
        Label note = new Label();
        note.setId("notification");
        note.textProperty().bind(model.notificationProperty());
        note.setMinWidth(0);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(model.notificationProperty());
        note.setTooltip(whole);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox line = new HBox(12, state, step, time, rate, bar, gap, note);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPadding(new Insets(4, 8, 4, 8));
        line.getStyleClass().add("monitor-status");
        return line;
    }
}
