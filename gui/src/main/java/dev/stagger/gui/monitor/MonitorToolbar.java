package dev.stagger.gui.monitor;

import dev.stagger.gui.monitor.frame.Frame;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.render.Colormap;
import dev.stagger.engine.render.Scale;
import dev.stagger.gui.common.Icons;
import dev.stagger.gui.common.action.Command;
import dev.stagger.gui.common.action.CommandControls;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The monitor's toolbar: the run's title, its controls as icon buttons with tooltips (hidden once
 * the run is over), the field, colour map, linear or log scale, range and, for 3D fields, the
 * slice, and export.
 * Controls keep their full size: at the widths the workbench gives the monitor (about 700 to 900
 * px) everything fits one row, and where it cannot (a 3D field with a fixed range in a narrow
 * monitor) whole groups wrap to a second row instead of cutting text to "...".
 */
final class MonitorToolbar extends FlowPane {
    private static final List<String> AXES = List.of("x", "y", "z");
    private static final double ICON = 16;

    private final MonitorViewModel model;
    private boolean updating;

    MonitorToolbar(MonitorViewModel model, Runnable export, Runnable exportSeries) {
        super(12, 4);
        this.model = model;
        getStyleClass().addAll("tool-bar", "monitor-toolbar");
        setAlignment(Pos.CENTER_LEFT);
        setRowValignment(javafx.geometry.VPos.CENTER);
        Label title = new Label();
        title.getStyleClass().add("monitor-title");
        title.textProperty().bind(model.titleProperty());
        title.setStyle("-fx-font-weight: bold;");
        title.setMaxWidth(220);
        title.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        Tooltip name = new Tooltip();
        name.textProperty().bind(model.titleProperty());
        title.setTooltip(name);
        Button exportButton = iconButton(Command.builder("export", "_Export picture").icon(Icons.PICTURE)
                .describe("Export the picture as PNG").disabledWhen(model.frameProperty().isNull()).does(export));
        Command series = Command.builder("export-series", "_Series…")
                .describe("Export every output step as an animated GIF or PNG pictures,"
                        + " in the field, colour map and slice shown, over the whole series' range")
                .does(exportSeries).build();
        series.setDisabled(!model.canExportSeries()); // the run's outputs are known when the monitor opens
        Button seriesButton = CommandControls.button(series);
        seriesButton.setId("export-series");
        getChildren().addAll(title, controls(), group(fieldChooser(), colormapChooser(), scaleChooser()), range(), slice(),
                group(exportButton, seriesButton));
    }

    private Node controls() {
        ObservableValue<RunState> state = model.stateProperty();
        Button pause = iconButton(Command.builder("pause", "_Pause").icon(Icons.PAUSE)
                .describe("Pause the run after its current step")
                .disabledWhen(Bindings.createBooleanBinding(() -> state.getValue() != RunState.RUNNING, state))
                .does(model::pause));
        Button resume = iconButton(Command.builder("resume", "_Resume").icon(Icons.RUN).describe("Resume the run")
                .does(model::resume));
        resume.getStyleClass().add("run-button");
        Button stop = iconButton(Command.builder("stop", "_Stop").icon(Icons.STOP)
                .describe("Stop the run: it writes its final state and ends").does(model::stopRun));
        stop.getStyleClass().add("stop-button");
        Button checkpoint = iconButton(Command.builder("checkpoint", "_Checkpoint").icon(Icons.SAVE)
                .describe("Checkpoint: save the run's state now, to restart from later").does(model::checkpoint));
        // one of pause and resume at a time, in the same place
        pause.visibleProperty().bind(Bindings.createBooleanBinding(() -> state.getValue() != RunState.PAUSED, state));
        pause.managedProperty().bind(pause.visibleProperty());
        resume.visibleProperty().bind(pause.visibleProperty().not());
        resume.managedProperty().bind(resume.visibleProperty());
        HBox group = group(pause, resume, stop, checkpoint);
        // a run that is over has nothing left to control
        group.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> state.getValue() == null || !state.getValue().isOver(), state));
        group.managedProperty().bind(group.visibleProperty());
        return group;
    }

    private Node fieldChooser() {
        ComboBox<String> field = new ComboBox<>(model.fields());
        field.setId("field");
        field.setPromptText("field");
        field.setTooltip(new Tooltip("The field shown"));
        model.selectedFieldProperty().addListener((obs, old, f) -> field.setValue(f));
        field.setValue(model.selectedFieldProperty().get());
        field.valueProperty().addListener((obs, old, f) -> model.selectField(f));
        return fixed(field);
    }

    private Node colormapChooser() {
        ComboBox<Colormap> map = new ComboBox<>();
        map.setId("colormap");
        map.setTooltip(new Tooltip("Colour map"));
        map.getItems().setAll(Colormap.values());
        model.selectColormap(dev.stagger.gui.common.WorkbenchPrefs.colormap(model.colormapProperty().get())); map.setValue(model.colormapProperty().get());
        map.valueProperty().addListener((obs, old, m) -> model.selectColormap(m));
        return fixed(map);
    }

    /** "log": colours per decade instead of evenly over the range. */
    private Node scaleChooser() {
        CheckBox log = new CheckBox("log");
        log.setId("logScale");
        log.setTooltip(new Tooltip("Log colour scale: each decade takes the same share of the colour map, from the"
                + " smallest positive value; values <= 0 are drawn in the low-end colour (the colour bar's \u2264 0 box)"));
        log.setSelected(model.scaleProperty().get() == Scale.LOG);
        log.selectedProperty().addListener((obs, was, is) -> model.selectScale(is ? Scale.LOG : Scale.LINEAR));
        return fixed(log);
    }

    /** "auto range", and while it is off the fixed range's two ends. */
    private Node range() {
        CheckBox auto = new CheckBox("auto range");
        auto.setId("autoRange");
        auto.setSelected(model.autoRangeProperty().get());
        auto.setTooltip(new Tooltip("The colour map spans each frame's own min and max; untick to fix the range"));
        TextField min = numberField("min", model.rangeMinProperty().get());
        TextField max = numberField("max", model.rangeMaxProperty().get());
        for (TextField t : List.of(min, max)) {
            t.visibleProperty().bind(auto.selectedProperty().not());
            t.managedProperty().bind(t.visibleProperty());
        }
        Runnable applyRange = () -> {
            if (auto.isSelected()) {
                model.useAutoRange();
                return;
            }
            try {
                model.useFixedRange(Double.parseDouble(min.getText().strip()), Double.parseDouble(max.getText().strip()));
                min.setStyle("");
                max.setStyle("");
            } catch (NumberFormatException e) {
                min.setStyle("-fx-border-color: -fx-accent;");
                max.setStyle("-fx-border-color: -fx-accent;");
            }
        };
        auto.selectedProperty().addListener((obs, was, is) -> {
            Frame f = model.frameProperty().get();
            if (!is && f != null) {
                // start from what is on screen now
                min.setText(String.format(java.util.Locale.ROOT, "%.6g", f.min()));
                max.setText(String.format(java.util.Locale.ROOT, "%.6g", f.max()));
            }
            applyRange.run();
        });
        min.setOnAction(e -> applyRange.run());
        max.setOnAction(e -> applyRange.run());
        return group(fixed(auto), min, max);
    }

    /** For 3D fields: the axis the slice is across and its 1-based index. */
    private Node slice() {
        ComboBox<String> axis = new ComboBox<>();
        axis.setId("sliceAxis");
        axis.setTooltip(new Tooltip("The slice is across this axis"));
        axis.getItems().setAll(AXES);
        axis.setValue(AXES.get(model.sliceAxisProperty().get()));
        Spinner<Integer> index = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1, 1));
        index.setId("sliceIndex");
        index.setTooltip(new Tooltip("Grid index of the slice"));
        index.setEditable(true);
        index.setPrefWidth(84);
        SpinnerValueFactory.IntegerSpinnerValueFactory indexValues =
                (SpinnerValueFactory.IntegerSpinnerValueFactory) index.getValueFactory();
        indexValues.maxProperty().bind(model.sliceCountProperty());
        model.sliceIndexProperty().addListener((obs, old, v) -> {
            updating = true;
            indexValues.setValue(v.intValue());
            updating = false;
        });
        model.sliceAxisProperty().addListener((obs, old, a) -> {
            updating = true;
            axis.setValue(AXES.get(a.intValue()));
            updating = false;
        });
        Runnable applySlice = () -> {
            if (!updating && index.getValue() != null && axis.getValue() != null) {
                model.selectSlice(AXES.indexOf(axis.getValue()), index.getValue());
            }
        };
        axis.valueProperty().addListener((obs, old, a) -> applySlice.run());
        index.valueProperty().addListener((obs, old, v) -> applySlice.run());
        HBox slice = group(fixed(new Label("slice")), fixed(axis), fixed(index));
        slice.visibleProperty().bind(model.dimsProperty().isEqualTo(3));
        slice.managedProperty().bind(slice.visibleProperty());
        return slice;
    }

    private static TextField numberField(String prompt, double value) {
        TextField t = new TextField(Double.toString(value));
        t.setId(prompt);
        t.setPromptText(prompt);
        t.setTooltip(new Tooltip(prompt.equals("min") ? "Value at the colour map's low end (Enter applies)"
                : "Value at the colour map's high end (Enter applies)"));
        t.setPrefColumnCount(5);
        return fixed(t);
    }

    /**
     * An icon button of the run's own command: these act on the monitored run, not on the window's
     * selection, so they are the monitor's commands and not the job list's.
     */
    private static Button iconButton(Command.Builder command) {
        Command c = command.build();
        Button b = CommandControls.toolButton(c, ICON);
        b.setId(c.id());
        b.setFocusTraversable(true); // Tab reaches them, as it does the monitor's other controls
        b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        return fixed(b);
    }

    private static HBox group(Node... nodes) {
        HBox box = new HBox(4, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Never narrower than its content: the row wraps before any text is cut. */
    private static <T extends Region> T fixed(T region) {
        region.setMinWidth(Region.USE_PREF_SIZE);
        return region;
    }
}
