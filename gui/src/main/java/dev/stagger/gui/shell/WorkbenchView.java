package dev.stagger.gui.shell;

import dev.stagger.gui.common.Icons;
import dev.stagger.gui.common.Notice;
import dev.stagger.gui.common.Themed;
import dev.stagger.gui.common.action.Commands;
import dev.stagger.gui.document.ProjectDocument;
import dev.stagger.gui.help.HelpWindow;
import dev.stagger.gui.help.Manual;
import dev.stagger.gui.jobs.EndedJobView;
import dev.stagger.gui.jobs.JobTable;
import dev.stagger.gui.plugin.MonitorProvider;
import dev.stagger.gui.plugin.PlaceholderViews;
import dev.stagger.gui.plugin.SetupEditorProvider;
import dev.stagger.gui.plugin.WorkbenchExtensions;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.run.RunTarget;
import dev.stagger.gui.start.SampleCard;
import dev.stagger.gui.start.SampleGallery;
import dev.stagger.gui.start.StartPage;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;

/**
 * The main window: menus, toolbar, start page or project page, job list, status bar and
 * notifications. It only renders the {@link WorkbenchModel} and forwards commands to it.
 *
 * <p>Project page layout: the setup editor ({@link SetupEditorProvider}) on the left; on the right
 * the monitor of the selected run ({@link MonitorProvider}) above the job list.
 */
public final class WorkbenchView {
    private static final System.Logger LOG = System.getLogger(WorkbenchView.class.getName());
    private final Stage stage;
    private final WorkbenchModel model;
    private final WorkbenchExtensions extensions;
    private final Preferences prefs;
    private final Consumer<Path> showFolder;
    private final BorderPane root = new BorderPane();
    private final NotificationPane notifications;
    private final StackPane pages = new StackPane();
    private final StartPage startPage;
    private final SplitPane projectPage = new SplitPane();
    private final SplitPane runSide = new SplitPane();
    private RunJob watched;
    private final javafx.beans.InvalidationListener resultsArrived = o -> showFetchedResults();
    /** Hosts the setup editor of the open document (the setup package's node goes in here). */
    private final BorderPane setupHost = new BorderPane();
    /** Hosts the monitor of the selected run (the monitor package's node goes in here). */
    private final BorderPane monitorHost = new BorderPane();
    private final JobTable jobTable;
    private final WorkbenchCommands commands;
    private WorkbenchMenus menus;
    private HelpWindow help;
    private final PauseTransition noticeTimer = new PauseTransition(Duration.seconds(6));
    private final Scene scene;
    /** How long quitting waits for stopped runs to write their final state. */
    private static final long QUIT_TIMEOUT_SECONDS = 60;

    public WorkbenchView(Stage stage, WorkbenchModel model, WorkbenchExtensions extensions, Preferences prefs,
            Consumer<Path> showFolder) {
        this.stage = stage;
        this.model = model;
        this.extensions = extensions;
        this.prefs = prefs;
        this.showFolder = showFolder;

        jobTable = new JobTable(model.board(), showFolder);
        commands = new WorkbenchCommands(model, jobTable.commands(), windowSteps());
        startPage = new StartPage(model.recent(), this::openFile, model::newFromTemplate,
                commands.get(WorkbenchCommands.NEW), commands.get(WorkbenchCommands.OPEN));
        jobTable.useAttach(commands.get(WorkbenchCommands.ATTACH));
        runSide.setOrientation(Orientation.VERTICAL);
        monitorHost.getStyleClass().add("monitor-host");
        setupHost.getStyleClass().add("setup-host");
        monitorHost.setCenter(PlaceholderViews.noJob());
        runSide.getItems().setAll(monitorHost, jobTable);
        projectPage.getItems().setAll(setupHost, runSide);
        projectPage.setId("project-page");
        pages.getChildren().setAll(startPage);

        notifications = new NotificationPane(pages);
        // from the bottom, above the status bar: a notice never covers the menus, toolbar or setup tabs
        notifications.setShowFromTop(false);
        noticeTimer.setOnFinished(e -> notifications.hide());
        model.noticeProperty().addListener((o, was, n) -> showNotice(n));

        // (a warning about a plug-in's menu shows once the window is up)
        menus = new WorkbenchMenus(commands, () -> stage, model.recent(), this::openFile,
                text -> Platform.runLater(() -> model.notify(Notice.Kind.WARNING, text)));
        root.setTop(new VBox(menus.menuBar(), menus.toolBar()));
        root.setCenter(notifications);
        root.setBottom(statusBar());
        root.getStyleClass().add("workbench");

        model.documentProperty().addListener((o, was, now) -> showDocument(now));
        model.jobs().selectedProperty().addListener((o, was, now) -> showMonitor(now));
        // runs found going at start-up (an earlier session's, a cluster's) show at once when no project is open
        model.jobs().all().addListener((javafx.collections.ListChangeListener<RunJob>) c -> {
            while (c.next()) {
                if (c.wasAdded() && model.document() == null && pages.getChildren().contains(startPage)
                        && c.getAddedSubList().stream().anyMatch(j -> !j.state().isOver())) {
                    showRunsPage();
                    return;
                }
            }
        });

        WindowLayout layout = WindowLayout.load(prefs);
        scene = new Scene(root, layout.width(), layout.height());
        // a project file dropped on the window opens (asking first about unsaved changes)
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && dev.stagger.gui.start.DroppedFiles.project(e.getDragboard().getFiles())
                    .isPresent()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            var project = dev.stagger.gui.start.DroppedFiles.project(e.getDragboard().getFiles());
            e.setDropCompleted(project.isPresent());
            e.consume();
            // after the drop has completed: the unsaved-changes question must not hold the drag source
            project.ifPresent(p -> javafx.application.Platform.runLater(() -> openFile(p)));
        });
        applyTheme(model.themeProperty().get());
        model.themeProperty().addListener((o, was, now) -> applyTheme(now));
        // keys no menu item shows (Redo's Ctrl+Shift+Z beside the menu's Ctrl+Y); the menu bar installs the rest
        commands.commands().installAlsoKeys(scene.getAccelerators());
        stage.setScene(scene);
        stage.titleProperty().bind(model.titleProperty());
        if (!Double.isNaN(layout.x()) && !Double.isNaN(layout.y())) {
            stage.setX(layout.x());
            stage.setY(layout.y());
        }
        stage.setMaximized(layout.maximized());
        projectPage.setDividerPositions(layout.setupDivider());
        runSide.setDividerPositions(layout.jobsDivider());
        stage.setOnCloseRequest(e -> {
            e.consume(); // the window goes in quit(), after any runs still going were dealt with
            quit();
        });
    }

    public Scene scene() {
        return scene;
    }

    /** Called on the FX thread when the gallery's cards are loaded. */
    public void showSamples(List<SampleCard> cards) {
        startPage.showSamples(cards);
    }

    /** Runs on {@code target}, first asking its settings (and showing its job script) when it has any. */
    void runOn(RunTarget target) {
        if (target.settings().isEmpty()) {
            model.run(target);
            return;
        }
        if (model.document() == null || model.document().file() == null) {
            model.run(target, java.util.Map.of()); // says what is missing
            return;
        }
        RunDialog.ask(stage, model.runForm(target)).ifPresent(values -> model.run(target, values));
    }

    // ---- the commands' steps, menus and toolbar ----

    /** The steps of the commands that show dialogs or change pages (the commands themselves are in {@link WorkbenchCommands}). */
    private WorkbenchCommands.Window windowSteps() {
        return new WorkbenchCommands.Window() {
            @Override
            public void newProject() {
                WorkbenchView.this.newProject();
            }

            @Override
            public void openDialog() {
                WorkbenchView.this.openDialog();
            }

            @Override
            public void save() {
                WorkbenchView.this.save();
            }

            @Override
            public void saveAs() {
                WorkbenchView.this.saveAs();
            }

            @Override
            public void closeDocument() {
                WorkbenchView.this.closeDocument();
            }

            @Override
            public void quit() {
                WorkbenchView.this.quit();
            }

            @Override
            public void preferences() {
                WorkbenchView.this.preferences();
            }

            @Override
            public void attachDialog() {
                WorkbenchView.this.attachDialog();
            }

            @Override
            public void showStartPage() {
                WorkbenchView.this.showStartPage();
            }

            @Override
            public void showRunsPage() {
                WorkbenchView.this.showRunsPage();
            }

            @Override
            public void showHelp(String page) {
                WorkbenchView.this.showHelp(page);
            }

            @Override
            public void about() {
                WorkbenchView.this.about();
            }

            @Override
            public void runOn(RunTarget target) {
                WorkbenchView.this.runOn(target);
            }
        };
    }

    /** The window's commands (tests check that menus and toolbar share them). */
    Commands commands() {
        return commands.commands();
    }

    /** Help: the manual's window at page {@code id}; its pages are written off the FX thread the first time. */
    private void showHelp(String id) {
        if (help != null) {
            help.show(id);
            return;
        }
        List<Manual.Shortcut> keys = menus.shortcuts();
        java.util.concurrent.CompletableFuture.supplyAsync(() -> Manual.pages(keys)).whenComplete((pages, error) ->
                Platform.runLater(() -> {
                    if (error != null) {
                        LOG.log(System.Logger.Level.WARNING, "cannot write the manual", error);
                        model.notify(Notice.Kind.ERROR, "Cannot show the manual: " + error.getMessage());
                        return;
                    }
                    if (help == null) {
                        help = new HelpWindow(stage, pages);
                    }
                    help.show(id);
                }));
    }

    /** The help window once opened (tests look at it). */
    HelpWindow help() {
        return help;
    }

    private Node statusBar() {
        Label message = new Label();
        message.setId("status-message");
        message.textProperty().bind(model.statusProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("status-progress");
        progress.setPrefWidth(180);
        var selected = new ReadOnlyObjectWrapper<RunJob>();
        selected.bind(model.jobs().selectedProperty());
        selected.addListener((o, was, now) -> {
            progress.progressProperty().unbind();
            progress.visibleProperty().unbind();
            if (now != null) {
                progress.progressProperty().bind(now.progressProperty());
                progress.visibleProperty().bind(Bindings.createBooleanBinding(() -> !now.state().isOver(),
                        now.stateProperty()));
            } else {
                progress.setVisible(false);
            }
        });
        progress.setVisible(false);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label file = new Label();
        file.getStyleClass().add("muted");
        file.textProperty().bind(Bindings.createStringBinding(() -> {
            ProjectDocument d = model.document();
            return d == null || d.file() == null ? "" : d.file().toString();
        }, model.documentProperty()));
        HBox bar = new HBox(12, message, gap, file, progress);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    // ---- commands with dialogs ----

    private void newProject() {
        if (!confirmDiscard()) {
            return;
        }
        Optional<Path> samples = SampleGallery.locate();
        Path template = samples.map(s -> s.resolve("diffusion-2d.yaml")).filter(java.nio.file.Files::exists)
                .orElse(null);
        if (template == null) {
            FileChooser chooser = yamlChooser("Choose a template project");
            File f = chooser.showOpenDialog(stage);
            if (f == null) {
                return;
            }
            template = f.toPath();
        }
        model.newFromTemplate(template);
    }

    private void openDialog() {
        File f = yamlChooser("Open a project").showOpenDialog(stage);
        if (f != null) {
            openFile(f.toPath());
        }
    }

    /** Opens {@code file}, after asking about unsaved changes of the open document. */
    public void openFile(Path file) {
        if (confirmDiscard()) {
            model.open(file);
        }
    }

    private boolean save() {
        if (model.document() == null) {
            return false;
        }
        // the file changed on disk since it was opened: reload, overwrite or cancel
        if (!dev.stagger.gui.conflict.ChangedOnDiskDialog.confirmSave(stage, model.document(), model::open)) {
            return false;
        }
        return model.document().file() == null ? saveAs() : model.save();
    }

    private boolean saveAs() {
        if (model.document() == null) {
            return false;
        }
        FileChooser chooser = yamlChooser("Save the project as");
        chooser.setInitialFileName(model.document().name() + ".yaml");
        File f = chooser.showSaveDialog(stage);
        return f != null && model.saveAs(f.toPath());
    }

    private void closeDocument() {
        if (confirmDiscard()) {
            model.close();
        }
    }

    /** Quits after asking about unsaved changes and runs still going (which may take a moment to stop). */
    private void quit() {
        if (!confirmDiscard()) {
            return;
        }
        List<RunJob> running = model.board().runningHere();
        if (running.isEmpty()) {
            exit();
            return;
        }
        QuitDialog.Choice choice = QuitDialog.ask(stage, running, model.board().canKeepRunsGoing());
        if (choice == QuitDialog.Choice.CANCEL) {
            return;
        }
        boolean keep = choice == QuitDialog.Choice.KEEP_OUTLIVING;
        long stopping = running.stream().filter(j -> !keep || !j.outlivesWorkbench()).count();
        QuitDialog.waitFor(stage, model.board().stopForQuit(keep, java.time.Duration.ofSeconds(QUIT_TIMEOUT_SECONDS)),
                (int) stopping, QUIT_TIMEOUT_SECONDS, this::exit);
    }

    private void exit() {
        saveLayout();
        stage.close();
        Platform.exit();
    }

    /** Attaches a run started elsewhere (the command line, an earlier session) by its output folder. */
    private void attachDialog() {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle("Attach to a run: choose its output folder (the one with stagger-run.endpoint)");
        Path dir = model.document() != null && model.document().file() != null ? model.document().file().getParent()
                : null;
        if (dir != null && dir.toFile().isDirectory()) {
            chooser.setInitialDirectory(dir.toFile());
        }
        File f = chooser.showDialog(stage);
        if (f != null) {
            model.board().attachRun(f.toPath());
        }
    }

    private FileChooser yamlChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Stagger projects (*.yaml)", "*.yaml"));
        Path dir = model.document() != null && model.document().file() != null ? model.document().file().getParent()
                : SampleGallery.locate().orElse(null);
        if (dir != null && dir.toFile().isDirectory()) {
            chooser.setInitialDirectory(dir.toFile());
        }
        return chooser;
    }

    /** True when the open document may be replaced: it has no unsaved changes, or the user saved or discarded them. */
    private boolean confirmDiscard() {
        ProjectDocument d = model.document();
        if (d == null || !d.isDirty()) {
            return true;
        }
        ButtonType saveB = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Save the changes to " + d.name() + " first?", saveB,
                discard, ButtonType.CANCEL);
        a.setHeaderText("Unsaved changes");
        a.initOwner(stage);
        Themed.follow(a, stage);
        ButtonType answer = a.showAndWait().orElse(ButtonType.CANCEL);
        return answer == discard || (answer == saveB && save());
    }

    /** Edit > Preferences: saved on OK; the theme applies at once, memory and collector at the next start. */
    private void preferences() {
        var form = new dev.stagger.gui.prefs.PreferencesForm(model.prefs(), dev.stagger.gui.prefs.LaunchOptions.file(),
                dev.stagger.gui.common.ProgramSearch::onPath);
        dev.stagger.gui.prefs.PreferencesDialog.ask(stage, form).ifPresent(f -> {
            try {
                boolean restart = f.save().restartNeeded();
                model.useTheme("DARK".equals(f.themeProperty().get()) ? Theme.DARK : Theme.LIGHT);
                model.notify(dev.stagger.gui.common.Notice.Kind.INFO, restart
                        ? "Preferences saved; the memory and garbage collector apply at the next start of the workbench."
                        : "Preferences saved.");
            } catch (java.io.IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot save the preferences", e);
                model.notify(dev.stagger.gui.common.Notice.Kind.ERROR, "Could not save the preferences: " + e.getMessage());
            }
        });
    }

    private void about() {
        dev.stagger.gui.about.AboutBox.show(stage, Icons.application(48));
    }

    // ---- rendering ----

    private void showDocument(ProjectDocument d) {
        setupHost.setCenter(null);
        if (d == null) {
            showStartPage();
            return;
        }
        Node node = extensions.setupEditors().createEditor(d);
        setupHost.setCenter(node);
        showProjectPage();
    }

    private void showStartPage() {
        if (model.document() == null) {
            pages.getChildren().setAll(startPage);
        } else if (pages.getChildren().contains(startPage)) {
            showProjectPage();
        } else {
            pages.getChildren().setAll(startPage);
        }
    }

    /** The project page: the setup beside the runs (which it takes back from the runs page). */
    private void showProjectPage() {
        if (!projectPage.getItems().contains(runSide)) {
            double[] dividers = projectPage.getDividerPositions();
            projectPage.getItems().setAll(setupHost, runSide);
            projectPage.setDividerPositions(dividers);
        }
        pages.getChildren().setAll(projectPage);
    }

    /**
     * The runs: with a project open, its page; without one, the monitor and the job list on their own
     * (runs of earlier sessions and cluster jobs are there to watch without opening anything).
     */
    void showRunsPage() {
        if (model.document() != null) {
            showProjectPage();
            return;
        }
        projectPage.getItems().remove(runSide);
        pages.getChildren().setAll(runSide);
    }

    private void showFetchedResults() {
        if (watched != null && model.jobs().selected() == watched) {
            showMonitor(watched);
        }
    }

    private void showMonitor(RunJob job) {
        // results that arrive later (a cluster run's, fetched) rebuild the monitor, which then reads them
        if (watched != null) {
            watched.resultsProperty().removeListener(resultsArrived);
        }
        watched = job;
        if (job != null) {
            job.resultsProperty().addListener(resultsArrived);
        }
        Node old = monitorHost.getCenter();
        if (old instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // a monitor that fails to close only loses its own resources
                LOG.log(System.Logger.Level.DEBUG, "closing the previous monitor failed", e);
            }
        }
        monitorHost.setCenter(job == null ? PlaceholderViews.noJob() : monitorOf(job));
        if (job != null && model.document() != null) {
            showProjectPage();
        }
    }

    /**
     * The monitor of a job that serves (or will serve) a live client, or that ended leaving output
     * (the monitor then shows its results); a summary of one that ended without either (lost, or
     * stopped before its first output), which no monitor could show.
     */
    private Node monitorOf(RunJob job) {
        if (job.client() == null && job.state().isOver() && !hasResults(job.outputDir())) {
            return EndedJobView.of(job, jobTable.commands());
        }
        if (job.client() == null) {
            job.stateProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends dev.stagger.engine.live.RunState> o,
                        dev.stagger.engine.live.RunState was, dev.stagger.engine.live.RunState now) {
                    if (now.isOver()) {
                        job.stateProperty().removeListener(this);
                        if (job.client() == null && model.jobs().selected() == job) {
                            showMonitor(job);
                        }
                    }
                }
            });
        }
        return extensions.monitors().createMonitor(job);
    }

    /** Whether a run's folder holds a time series the monitor can show (a listing, no reading). */
    private static boolean hasResults(Path dir) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".pvd"));
        } catch (java.io.IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot list " + dir + " for results", e);
            return false;
        }
    }

    private void showNotice(Notice n) {
        if (n == null) {
            return;
        }
        notifications.getStyleClass().removeAll("info", "warning", "error");
        notifications.getStyleClass().add(n.kind().name().toLowerCase(java.util.Locale.ROOT));
        notifications.getActions().clear();
        if (!n.details().isEmpty()) {
            // every problem, with its line and column, behind a button (the bar has room for one line)
            notifications.getActions().add(new org.controlsfx.control.action.Action("Details…",
                    e -> dev.stagger.gui.diagnostics.DetailsDialog.show(stage, n.text(), n.details())));
        }
        notifications.show(n.text());
        // an error stays until it is closed; the rest go by themselves
        if (n.kind() == Notice.Kind.ERROR) {
            noticeTimer.stop();
        } else {
            noticeTimer.setDuration(Duration.seconds(n.kind() == Notice.Kind.WARNING ? 8 : 4));
            noticeTimer.playFromStart();
        }
    }

    private void applyTheme(Theme t) {
        scene.getStylesheets().setAll(
                WorkbenchView.class.getResource("workbench.css").toExternalForm(),
                WorkbenchView.class.getResource(t.styleSheet()).toExternalForm());
        notifications.getStyleClass().remove(NotificationPane.STYLE_CLASS_DARK);
        if (t == Theme.DARK) {
            notifications.getStyleClass().add(NotificationPane.STYLE_CLASS_DARK);
        }
    }

    /** Remembers the window's place and the dividers. */
    public void saveLayout() {
        double[] setup = projectPage.getDividerPositions();
        double[] jobs = runSide.getDividerPositions();
        new WindowLayout(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(),
                setup.length > 0 ? setup[0] : WindowLayout.DEFAULT.setupDivider(),
                jobs.length > 0 ? jobs[0] : WindowLayout.DEFAULT.jobsDivider()).save(prefs);
    }

}
