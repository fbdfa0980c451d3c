package dev.stagger.gui.jobs;

import dev.stagger.engine.live.RunState;
import dev.stagger.gui.common.Icons;
import dev.stagger.gui.run.RunJob;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The job list: name, target, state, start, duration, progress, message; actions on the selected
 * job in the header and in the context menu: monitor, pause/resume, stop, log, output folder,
 * remove (ended jobs only).
 */
public final class JobTable extends BorderPane {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT);
    final TableView<RunJob> table = new TableView<>();
    /** The selected job and, re-bound whenever it changes, its state: actions enable on either. */
    private final ReadOnlyObjectWrapper<RunJob> selected = new ReadOnlyObjectWrapper<>();
    private final SimpleObjectProperty<RunState> selectedState = new SimpleObjectProperty<>();
    private final Button attach = new Button("Attach…", Icons.ATTACH.node(14));

    public JobTable(JobBoard model, Consumer<Path> openFolder) {
        Jobs jobs = model.jobs();
        table.setId("jobs");
        table.setItems(jobs.all());
        table.setPlaceholder(new Label("No runs yet. Run the project (F5), or attach a run started from the command"
                + " line (Run > Attach to Run…)."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<RunJob, String> name = new TableColumn<>("Run");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        TableColumn<RunJob, String> target = new TableColumn<>("Target");
        target.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().target()));
        TableColumn<RunJob, String> state = new TableColumn<>("State");
        state.setCellValueFactory(c -> c.getValue().stateTextProperty());
        state.setCellFactory(c -> new StateCell());
        TableColumn<RunJob, String> start = new TableColumn<>("Started");
        start.setCellValueFactory(c -> new ReadOnlyStringWrapper(started(c.getValue().started())));
        TableColumn<RunJob, String> duration = new TableColumn<>("Duration");
        duration.setCellValueFactory(c -> Bindings.createStringBinding(() -> format(c.getValue().durationProperty().get(),
                c.getValue().state()), c.getValue().durationProperty(), c.getValue().stateProperty()));
        TableColumn<RunJob, Double> progress = new TableColumn<>("Progress");
        // an ended run of unknown progress shows no bar (an indeterminate one would say it is still working)
        // an activity with a known fraction (fetching results) shows its progress instead of the run's
        progress.setCellValueFactory(c -> Bindings.createObjectBinding(() -> {
            RunJob j = c.getValue();
            if (!j.activityProperty().get().isEmpty() && j.activityProgressProperty().get() >= 0) {
                return j.activityProgressProperty().get();
            }
            return j.state().isOver() && j.progressProperty().get() < 0 ? Double.NaN : j.progressProperty().get();
        }, c.getValue().progressProperty(), c.getValue().stateProperty(), c.getValue().activityProperty(),
                c.getValue().activityProgressProperty()));
        progress.setCellFactory(c -> new ProgressCell());
        TableColumn<RunJob, String> message = new TableColumn<>("Message");
        message.setCellValueFactory(c -> Bindings.createStringBinding(() -> c.getValue().activityProperty().get().isEmpty()
                ? c.getValue().messageProperty().get() : c.getValue().activityProperty().get(),
                c.getValue().messageProperty(), c.getValue().activityProperty()));
        message.setCellFactory(c -> new TooltipCell());
        progress.setPrefWidth(80);
        progress.setMinWidth(60);
        progress.setMaxWidth(90);
        // the message takes what the other columns leave (the full text is in its tooltip): no
        // horizontal scrolling in the usual layout
        message.setPrefWidth(120);
        message.setMinWidth(80);
        table.getColumns().setAll(List.of(name, target, state, start, duration, progress, message));
        // the text columns are as wide as their longest entry, so "This computer, 4 MPI ranks" is never cut
        fitToContent(name, RunJob::name);
        fitToContent(target, RunJob::target);
        fitToContent(state, j -> j.stateTextProperty().get().length() > 8 ? j.stateTextProperty().get() : "stopping");
        fitToContent(start, j -> started(j.started()));
        fitToContent(duration, j -> "0:00:00");

        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                jobs.select(now);
            }
        });
        jobs.selectedProperty().addListener((o, was, now) -> table.getSelectionModel().select(now));
        selected.bind(jobs.selectedProperty());
        selected.addListener((o, was, now) -> {
            selectedState.unbind();
            if (now != null) {
                selectedState.bind(now.stateProperty());
            } else {
                selectedState.set(null);
            }
        });

        Button pause = tool(Icons.PAUSE, "Pause the selected run", () -> model.pauseOrResume(selected.get()));
        pause.setId("pause-job");
        Button stop = tool(Icons.STOP, "Stop the selected run (its final state is written)", () -> model.stop(selected.get()));
        stop.setId("stop-job");
        Button log = tool(Icons.LOG, "Show the selected run's log", () -> showLog(model));
        log.setId("job-log");
        Button folder = tool(Icons.FOLDER_OUTPUT, "Open the selected run's output folder",
                () -> openFolder.accept(selected.get().outputDir()));
        folder.setId("job-folder");
        Button remove = tool(Icons.REMOVE, "Remove the selected run from the list (its output stays)",
                () -> model.removeJob(selected.get()));
        remove.setId("remove-job");
        attach.setTooltip(new Tooltip("Attach a run started from the command line or elsewhere, by its output folder"));
        attach.setId("attach-run");
        attach.setVisible(false);
        attach.setManaged(false);
        MenuButton more = new MenuButton("More");
        more.setId("job-actions");
        more.setTooltip(new Tooltip("What else the selected run offers (a cluster run: fetch results, checkpoint, cancel)"));
        more.setOnShowing(e -> more.getItems().setAll(actionItems(selected.get())));
        more.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null
                || selected.get().actions().isEmpty(), selected));
        Button clear = new Button("Clear ended");
        clear.setTooltip(new Tooltip("Remove every run that has ended from the list (their output stays)"));
        clear.setOnAction(e -> jobs.clearFinished());

        var running = Bindings.createBooleanBinding(() -> selected.get() != null && selectedState.get() != null
                && !selectedState.get().isOver(), selected, selectedState);
        var pausable = Bindings.createBooleanBinding(() -> selected.get() != null && selectedState.get() != null
                && selected.get().canPause(), selected, selectedState);
        pause.disableProperty().bind(pausable.not());
        stop.disableProperty().bind(running.not());
        remove.disableProperty().bind(selected.isNull().or(running));
        log.disableProperty().bind(selected.isNull());
        folder.disableProperty().bind(selected.isNull());
        selectedState.addListener((o, was, now) -> {
            boolean paused = now == RunState.PAUSED;
            pause.setGraphic((paused ? Icons.RUN : Icons.PAUSE).node(16));
            pause.getTooltip().setText(paused ? "Resume the selected run" : "Pause the selected run");
            pause.setAccessibleText(pause.getTooltip().getText());
        });

        MenuItem monitorItem = new MenuItem("Monitor");
        monitorItem.setOnAction(e -> jobs.select(table.getSelectionModel().getSelectedItem()));
        MenuItem pauseItem = new MenuItem("Pause");
        pauseItem.setOnAction(e -> pause.fire());
        MenuItem stopItem = new MenuItem("Stop", Icons.STOP.node(14));
        stopItem.setOnAction(e -> stop.fire());
        MenuItem logItem = new MenuItem("Show log", Icons.LOG.node(14));
        logItem.setOnAction(e -> log.fire());
        MenuItem folderItem = new MenuItem("Open output folder", Icons.FOLDER_OUTPUT.node(14));
        folderItem.setOnAction(e -> folder.fire());
        MenuItem removeItem = new MenuItem("Remove from list");
        removeItem.setOnAction(e -> remove.fire());
        MenuItem clearItem = new MenuItem("Clear ended runs");
        clearItem.setOnAction(e -> jobs.clearFinished());
        List<MenuItem> fixed = List.of(monitorItem, pauseItem, stopItem, new SeparatorMenuItem(), logItem, folderItem,
                new SeparatorMenuItem(), removeItem, clearItem);
        ContextMenu menu = new ContextMenu();
        menu.getItems().setAll(fixed);
        menu.setOnShowing(e -> {
            menu.getItems().setAll(fixed);
            List<MenuItem> extra = actionItems(selected.get());
            if (!extra.isEmpty()) {
                menu.getItems().add(new SeparatorMenuItem());
                menu.getItems().addAll(extra);
            }
            boolean none = selected.get() == null;
            monitorItem.setDisable(none);
            pauseItem.setDisable(pause.isDisable());
            pauseItem.setText(selectedState.get() == RunState.PAUSED ? "Resume" : "Pause");
            stopItem.setDisable(stop.isDisable());
            logItem.setDisable(none);
            folderItem.setDisable(none);
            removeItem.setDisable(remove.isDisable());
        });
        table.setContextMenu(menu);
        table.setRowFactory(t -> {
            TableRow<RunJob> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    jobs.select(row.getItem());
                }
            });
            return row;
        });

        Label heading = new Label("Runs");
        heading.getStyleClass().add("pane-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(4, heading, gap, pause, stop, log, folder, more, remove, clear, attach);
        bar.getStyleClass().add("pane-header");
        setTop(bar);
        setCenter(table);
        getStyleClass().add("job-table");
    }

    /** A menu item for each action the job offers besides pause, stop, log and folder. */
    private static List<MenuItem> actionItems(RunJob job) {
        if (job == null) {
            return List.of();
        }
        return job.actions().stream().map(a -> {
            MenuItem item = new MenuItem(a.name());
            item.setId("job-action-" + a.name().toLowerCase(Locale.ROOT).replace(' ', '-'));
            item.setOnAction(e -> a.run().run());
            return item;
        }).toList();
    }

    /** Shows the "Attach…" button, which runs {@code action} (the view's folder chooser). */
    public void useAttach(Runnable action) {
        attach.setOnAction(e -> action.run());
        attach.setVisible(true);
        attach.setManaged(true);
    }

    private void showLog(JobBoard model) {
        RunJob job = selected.get();
        if (job != null) {
            LogWindow.show(getScene() == null ? null : getScene().getWindow(), model, job);
        }
    }

    private static Button tool(Icons icon, String tip, Runnable action) {
        Button b = new Button(null, icon.node(16));
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip); // only an icon shows: screen readers say the tip
        b.setOnAction(e -> action.run());
        b.getStyleClass().add("tool");
        b.setFocusTraversable(false);
        return b;
    }

    /** Keeps {@code column} at least as wide as its header and every value of the list. */
    private void fitToContent(TableColumn<RunJob, ?> column, Function<RunJob, String> text) {
        Runnable fit = () -> {
            double w = width(column.getText(), true);
            for (RunJob j : table.getItems()) {
                w = Math.max(w, width(text.apply(j), false));
            }
            column.setMinWidth(Math.ceil(w) + 24); // cell padding and the header's sort arrow
            column.setPrefWidth(column.getMinWidth());
        };
        fit.run();
        table.getItems().addListener((ListChangeListener<RunJob>) c -> fit.run());
    }

    private static double width(String s, boolean bold) {
        Text t = new Text(s == null ? "" : s);
        // the workbench's style sheets set 13 px; measuring in that size keeps this free of CSS passes
        Font f = Font.getDefault();
        t.setFont(bold ? Font.font(f.getFamily(), javafx.scene.text.FontWeight.BOLD, 13) : Font.font(f.getFamily(), 13));
        return t.getLayoutBounds().getWidth();
    }

    /** "14:03:05" today, "22 Nov 14:03" on other days (the history spans sessions). */
    static String started(Instant t) {
        ZonedDateTime z = t.atZone(ZoneId.systemDefault());
        return z.toLocalDate().equals(LocalDate.now()) ? z.format(CLOCK) : z.format(DAY_CLOCK);
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    /** A duration, or a dash for a run that ended without one known (lost, or found ended). */
    static String format(Duration d, RunState state) {
        return d.isZero() && state.isOver() ? "—" : format(d);
    }

    /** The state in words, coloured by how it stands (style classes job-running, job-failed, job-lost, ...). */
    private static final class StateCell extends TableCell<RunJob, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeIf(c -> c.startsWith("job-"));
            setText(empty ? null : item);
            if (!empty && item != null) {
                getStyleClass().add("job-" + item.replace(' ', '-'));
            }
        }
    }

    /** A progress bar; none for NaN. */
    private static final class ProgressCell extends TableCell<RunJob, Double> {
        private final ProgressBar bar = new ProgressBar();

        ProgressCell() {
            bar.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        protected void updateItem(Double item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null || item.isNaN()) {
                setGraphic(null);
            } else {
                bar.setProgress(item);
                setGraphic(bar);
            }
        }
    }

    /** A message cell whose whole text shows as a tooltip (messages are often longer than the column). */
    private static final class TooltipCell extends TableCell<RunJob, String> {
        private final Tooltip tip = new Tooltip();

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            tip.setText(item);
            setTooltip(empty || item == null || item.isEmpty() ? null : tip);
        }
    }
}
