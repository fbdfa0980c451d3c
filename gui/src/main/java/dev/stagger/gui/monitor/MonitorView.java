package dev.stagger.gui.monitor;

import dev.stagger.gui.monitor.frame.Frame;
import dev.stagger.engine.live.LiveClient;
import dev.stagger.gui.common.WorkbenchPrefs;
import dev.stagger.gui.monitor.chart.LiveChart;
import dev.stagger.gui.monitor.feed.FeedPolicy;
import dev.stagger.gui.monitor.state.LogLine;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.prefs.PreferenceChangeListener;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
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
    private final LiveChart stats = new LiveChart("step", "value", false, true);
    private final XYChart.Series<Number, Number> minSeries = stats.add("min", FXCollections.observableArrayList());
    private final XYChart.Series<Number, Number> maxSeries = stats.add("max", FXCollections.observableArrayList());
    private final XYChart.Series<Number, Number> meanSeries = stats.add("mean", FXCollections.observableArrayList());
    /** Residuals span decades: a log axis from the start, a linear one a click away. */
    private final LiveChart residualChart = new LiveChart("step", "residual", true, true);
    /** An iterative model's newest step: each error over the iterations, on a log axis. */
    private final LiveChart convergenceChart = new LiveChart("iteration", "error", true, true);
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
        // steps over wall time climb in a line: nothing for a log axis to show
        LiveChart progress = new LiveChart("wall time (s)", "step", false, false);
        progress.add("step", model.progressPoints());

        model.selectedFieldProperty().addListener((obs, old, f) -> showStatistics(f));
        showStatistics(model.selectedFieldProperty().get());

        residualChart.visibleProperty().bind(Bindings.isNotEmpty(residualChart.chart().getData()));
        residualChart.managedProperty().bind(residualChart.visibleProperty());
        eachKey(model.metricKeys(), key -> {
            if (key.startsWith("residual.")) {
                residualChart.add(key.substring("residual.".length()), model.metric(key));
            }
        });
        convergenceChart.chart().setId("convergence-chart");
        // a step that converges at its first checks has one or two points per error: without symbols
        // they would be specks (a series keeps at most ChartsModel.CONVERGENCE_CAPACITY points: the symbols,
        // one node each, stay cheap)
        convergenceChart.chart().setCreateSymbols(true);
        convergenceChart.visibleProperty().bind(Bindings.isNotEmpty(convergenceChart.chart().getData()));
        convergenceChart.managedProperty().bind(convergenceChart.visibleProperty());
        convergenceChart.chart().titleProperty()
                .bind(model.convergenceStepProperty().asString("convergence of step %d"));
        eachKey(model.convergenceKeys(), key -> convergenceChart.add(key, model.convergence(key)));
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
        anyResidual = Bindings.isNotEmpty(residualChart.chart().getData())
                .or(Bindings.isNotEmpty(convergenceChart.chart().getData()));
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
        stats.mirror(minSeries, model.metric(field + ".min"));
        stats.mirror(maxSeries, model.metric(field + ".max"));
        stats.mirror(meanSeries, model.metric(field + ".mean"));
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

    /** The convergence chart (for tests). */
    LiveChart convergenceChart() {
        return convergenceChart;
    }

    /** The residual chart (for tests). */
    LiveChart residualChart() {
        return residualChart;
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
