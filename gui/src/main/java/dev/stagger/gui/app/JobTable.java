package dev.stagger.gui.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ProgressBarTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The job list: name, target, state, start, duration, progress; stop and open output folder. */
final class JobTable extends BorderPane {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    final TableView<RunJob> table = new TableView<>();

    JobTable(WorkbenchModel model, Consumer<Path> openFolder) {
        Jobs jobs = model.jobs();
        table.setId("jobs");
        table.setItems(jobs.all());
        table.setPlaceholder(new Label("No runs yet"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<RunJob, String> name = new TableColumn<>("Run");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        TableColumn<RunJob, String> target = new TableColumn<>("Target");
        target.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().target()));
        TableColumn<RunJob, String> state = new TableColumn<>("State");
        state.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> c.getValue().state().name().toLowerCase(Locale.ROOT), c.getValue().stateProperty()));
        TableColumn<RunJob, String> start = new TableColumn<>("Started");
        start.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                LocalTime.ofInstant(c.getValue().started(), ZoneId.systemDefault()).format(CLOCK)));
        TableColumn<RunJob, String> duration = new TableColumn<>("Duration");
        duration.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> format(c.getValue().durationProperty().get()), c.getValue().durationProperty()));
        TableColumn<RunJob, Double> progress = new TableColumn<>("Progress");
        progress.setCellValueFactory(c -> c.getValue().progressProperty().asObject());
        progress.setCellFactory(ProgressBarTableCell.forTableColumn());
        TableColumn<RunJob, String> message = new TableColumn<>("Message");
        message.setCellValueFactory(c -> c.getValue().messageProperty());
        name.setPrefWidth(120);
        target.setPrefWidth(110);
        state.setMinWidth(72);
        start.setMinWidth(76);
        duration.setMinWidth(80);
        progress.setPrefWidth(110);
        message.setPrefWidth(260);
        table.getColumns().setAll(java.util.List.of(name, target, state, start, duration, progress, message));

        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                jobs.select(now);
            }
        });
        jobs.selectedProperty().addListener((o, was, now) -> table.getSelectionModel().select(now));

        Button stop = new Button("Stop", Icons.STOP.node(14));
        stop.setId("stop-job");
        Button folder = new Button("Output folder", Icons.FOLDER_OUTPUT.node(14));
        Button clear = new Button("Clear finished");
        var selected = new ReadOnlyObjectWrapper<RunJob>();
        selected.bind(jobs.selectedProperty());
        ReadOnlyObjectWrapper<Object> tick = stateOf(selected);
        stop.disableProperty().bind(Bindings.createBooleanBinding(
                () -> tick.get() == null || selected.get() == null || selected.get().state().isOver(), selected, tick));
        folder.disableProperty().bind(selected.isNull());
        stop.setOnAction(e -> model.stopSelected());
        folder.setOnAction(e -> openFolder.accept(selected.get().outputDir()));
        clear.setOnAction(e -> jobs.clearFinished());
        MenuItem stopItem = new MenuItem("Stop");
        stopItem.setOnAction(e -> model.stopSelected());
        MenuItem folderItem = new MenuItem("Open output folder");
        folderItem.setOnAction(e -> folder.fire());
        table.setContextMenu(new ContextMenu(stopItem, folderItem));

        Label heading = new Label("Runs");
        heading.getStyleClass().add("pane-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, heading, gap, stop, folder, clear);
        bar.getStyleClass().add("pane-header");
        setTop(bar);
        setCenter(table);
        getStyleClass().add("job-table");
    }

    /** A property that fires whenever the selected job's state changes. */
    private static ReadOnlyObjectWrapper<Object> stateOf(ReadOnlyObjectWrapper<RunJob> selected) {
        ReadOnlyObjectWrapper<Object> tick = new ReadOnlyObjectWrapper<>();
        selected.addListener((o, was, now) -> {
            tick.unbind();
            if (now != null) {
                tick.bind(now.stateProperty());
            } else {
                tick.set(null);
            }
        });
        return tick;
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

}
