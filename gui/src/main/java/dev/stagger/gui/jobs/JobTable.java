package dev.stagger.gui.jobs;

import dev.stagger.engine.live.RunState;
import dev.stagger.gui.common.action.Command;
import dev.stagger.gui.common.action.CommandControls;
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
import javafx.beans.property.ReadOnlyStringWrapper;
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
    private final JobCommands commands;
    /** Where the shell's Attach command shows as a button ({@link #useAttach}). */
    private final HBox attachHolder = new HBox();

    public JobTable(JobBoard model, Consumer<Path> openFolder) {
        Jobs jobs = model.jobs();
        commands = new JobCommands(model, openFolder, () -> getScene() == null ? null : getScene().getWindow());
        var selected = commands.selected();
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

        Button pause = CommandControls.toolButton(commands.pause(), 16);
        pause.setId("pause-job");
        Button stop = CommandControls.toolButton(commands.stop(), 16);
        stop.setId("stop-job");
        Button log = CommandControls.toolButton(commands.log(), 16);
        log.setId("job-log");
        Button folder = CommandControls.toolButton(commands.folder(), 16);
        folder.setId("job-folder");
        Button remove = CommandControls.toolButton(commands.remove(), 16);
        remove.setId("remove-job");
        MenuButton more = new MenuButton("More");
        more.setId("job-actions");
        more.setTooltip(new Tooltip("What else the selected run offers (a cluster run: fetch results, checkpoint, cancel)"));
        more.setOnShowing(e -> more.getItems().setAll(actionItems(selected.get())));
        more.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null
                || selected.get().actions().isEmpty(), selected));
        Button clear = CommandControls.button(commands.clear());

        List<MenuItem> fixed = List.of(CommandControls.contextItem(commands.monitor()),
                CommandControls.contextItem(commands.pause()), CommandControls.contextItem(commands.stop()),
                new SeparatorMenuItem(), CommandControls.contextItem(commands.log()),
                CommandControls.contextItem(commands.folder()), new SeparatorMenuItem(),
                CommandControls.contextItem(commands.remove()), CommandControls.contextItem(commands.clear()));
        ContextMenu menu = new ContextMenu();
        menu.getItems().setAll(fixed);
        // what the selected run offers besides (a cluster run's fetch, checkpoint, cancel) follows it
        menu.setOnShowing(e -> {
            menu.getItems().setAll(fixed);
            List<MenuItem> extra = actionItems(selected.get());
            if (!extra.isEmpty()) {
                menu.getItems().add(new SeparatorMenuItem());
                menu.getItems().addAll(extra);
            }
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
        HBox bar = new HBox(4, heading, gap, pause, stop, log, folder, more, remove, clear, attachHolder);
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

    /** The commands on the selected run (the shell puts Stop in its menu and toolbar). */
    public JobCommands commands() {
        return commands;
    }

    /** Shows {@code attach} (the shell's Run > Attach to Run…) as a button in the header. */
    public void useAttach(Command attach) {
        Button b = CommandControls.button(attach);
        b.setId("attach-run");
        attachHolder.getChildren().setAll(b);
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
