package dev.stagger.gui.shell;

import dev.stagger.engine.project.LoadedProject;
import dev.stagger.engine.project.ProjectException;
import dev.stagger.engine.project.ProjectReader;
import dev.stagger.engine.run.RunPlanner.RunOverrides;
import dev.stagger.gui.common.Notice;
import dev.stagger.gui.document.ProjectDocument;
import dev.stagger.gui.jobs.JobBoard;
import dev.stagger.gui.jobs.Jobs;
import dev.stagger.gui.run.RunForm;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.run.RunRequest;
import dev.stagger.gui.run.RunTarget;
import dev.stagger.gui.start.RecentProjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.prefs.Preferences;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The workbench's view model: the open document, recent projects, run targets and jobs, theme,
 * status line and notices. Commands in, read-only properties out; no toolkit classes, so it is
 * tested without a display. Called on the UI thread.
 */
public final class WorkbenchModel {
    private static final System.Logger LOG = System.getLogger(WorkbenchModel.class.getName());
    private final Preferences prefs;
    private final RecentProjects recent;
    private final List<RunTarget> targets;
    private final ReadOnlyObjectWrapper<ProjectDocument> document = new ReadOnlyObjectWrapper<>(this, "document");
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Ready");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Stagger");
    private RunOverrides overrides = RunOverrides.NONE;
    private long serial;

    private final JobBoard board;

    /** A model whose background work runs on the caller's thread (tests of the document side). */
    public WorkbenchModel(Preferences prefs, List<RunTarget> targets) {
        this(prefs, targets, Runnable::run, Runnable::run);
    }

    /**
     * @param background reads run folders, reaches runs, opens folders (a thread pool in the app)
     * @param ui where results come back ({@code Platform::runLater} in the app)
     */
    public WorkbenchModel(Preferences prefs, List<RunTarget> targets, Executor background, Executor ui) {
        this.prefs = prefs;
        this.recent = new RecentProjects(prefs, 10);
        this.targets = List.copyOf(targets);
        String savedTheme = prefs.get("theme", Theme.LIGHT.name());
        theme.set("DARK".equals(savedTheme) ? Theme.DARK : Theme.LIGHT);
        document.addListener((o, was, now) -> updateTitle());
        // the job history is a child of the workbench's preferences node
        this.board = new JobBoard(prefs.node("jobs"), background, ui, new JobBoard.Announcer() {
            @Override
            public void status(String text) {
                status.set(text);
            }

            @Override
            public void notice(Notice.Kind kind, String text) {
                WorkbenchModel.this.notify(kind, text);
            }
        });
    }

    public ReadOnlyObjectProperty<ProjectDocument> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public ProjectDocument document() {
        return document.get();
    }

    public RecentProjects recent() {
        return recent;
    }

    /** The job list: its jobs, their history and the actions on them. */
    public JobBoard board() {
        return board;
    }

    /** Shorthand for {@code board().jobs()}. */
    public Jobs jobs() {
        return board.jobs();
    }

    /**
     * Finds the runs of earlier sessions and the command-line runs going in the output folders of
     * recent projects again (see {@link JobBoard#restore}).
     */
    public CompletableFuture<List<RunJob>> restoreJobs() {
        for (RunTarget t : targets) {
            try {
                board.addFound(t.reattach());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not reattach the runs of " + t.displayName(), e);
                notify(Notice.Kind.WARNING, "Could not find the runs of " + t.displayName() + " again: " + e.getMessage());
            }
        }
        return board.restore(recent.items());
    }

    public List<RunTarget> targets() {
        return targets;
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** "diffusion-2d* — Stagger": the asterisk marks unsaved changes. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    // ---- commands ----

    /** Opens a project file; problems become an error notice and leave the current document. */
    public boolean open(Path file) {
        try {
            LoadedProject loaded = ProjectReader.read(file);
            setDocument(new ProjectDocument(loaded.project(), file.toAbsolutePath().normalize()));
            recent.add(file);
            status.set("Opened " + file.getFileName());
            return true;
        } catch (ProjectException e) {
            if (!Files.exists(file)) {
                recent.remove(file);
            }
            List<String> all = e.problems().stream().map(Object::toString).toList();
            LOG.log(System.Logger.Level.INFO, "cannot open " + file + ":\n  " + String.join("\n  ", all));
            int n = all.size();
            notify(Notice.Kind.ERROR, "Cannot open " + file.getFileName() + ": " + e.problems().get(0).message()
                    + (n > 1 ? " (" + n + " problems; Details lists them all)" : ""), all);
            return false;
        }
    }

    /** A new, unsaved project copied from a template (a sample project file). */
    public boolean newFromTemplate(Path template) {
        try {
            setDocument(new ProjectDocument(ProjectReader.read(template).project(), null));
            status.set("New project from " + template.getFileName());
            return true;
        } catch (ProjectException e) {
            notify(Notice.Kind.ERROR, "Template " + template.getFileName() + " has problems: " + e.getMessage(),
                    e.problems().stream().map(Object::toString).toList());
            return false;
        }
    }

    /** Saves to the document's file; false when it has none yet (the view then asks Save As). */
    public boolean save() {
        ProjectDocument d = document.get();
        return d != null && d.file() != null && saveAs(d.file());
    }

    public boolean saveAs(Path file) {
        ProjectDocument d = Objects.requireNonNull(document.get(), "no document");
        try {
            d.saveTo(file);
            recent.add(file);
            status.set("Saved " + file.getFileName());
            updateTitle();
            return true;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not save " + file, e);
            notify(Notice.Kind.ERROR, "Could not save " + file.getFileName() + ": " + e.getMessage());
            return false;
        }
    }

    /** Closes the document (the view asks about unsaved changes first). */
    public void close() {
        setDocument(null);
        status.set("Ready");
    }

    /** The preferences node (the Preferences dialog edits it). */
    public Preferences prefs() {
        return prefs;
    }

    public void useTheme(Theme t) {
        theme.set(t);
        prefs.put("theme", t.name());
    }

    /** Overrides applied to every run started from now on (tests shorten runs with it). */
    public void useRunOverrides(RunOverrides o) {
        overrides = Objects.requireNonNull(o);
    }

    /** Runs the open project on {@code target} with its default settings (F5 on the default target). */
    public RunJob run(RunTarget target) {
        return run(target, Map.of());
    }

    /**
     * Runs the open project on {@code target} with {@code settings} (the answers to its
     * {@link RunTarget#settings()}); the project must have been saved once (its output goes next to it).
     */
    public RunJob run(RunTarget target, Map<String, String> settings) {
        ProjectDocument d = document.get();
        if (d == null) {
            notify(Notice.Kind.WARNING, "Open a project to run it.");
            return null;
        }
        if (d.file() == null) {
            notify(Notice.Kind.WARNING, "Save the project first: its output goes into a folder next to it.");
            return null;
        }
        RunRequest request = request(settings).orElseThrow();
        try {
            RunJob job = target.start(request);
            board.started(job);
            status.set("Started " + d.name() + " on " + target.displayName().toLowerCase(java.util.Locale.ROOT));
            return job;
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "cannot run " + d.file() + " on " + target.displayName(), e);
            notify(Notice.Kind.ERROR, "Cannot run " + d.name() + ": " + e.getMessage());
            return null;
        }
    }

    /** The form of the "Run on …" dialog for {@code target}, starting from the values last used with it. */
    public RunForm runForm(RunTarget target) {
        return new RunForm(target, prefs.node("run-settings").node(nodeName(target.displayName())), this::request);
    }

    /** The request the open, saved project would make with {@code settings}; empty without one. */
    private java.util.Optional<RunRequest> request(Map<String, String> settings) {
        ProjectDocument d = document.get();
        if (d == null || d.file() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new RunRequest(d.name(), d.project(), d.file(), RunRequest.outputDirFor(d.file(),
                dev.stagger.gui.common.WorkbenchPrefs.runsFolder(prefs)),
                overrides, settings));
    }

    /** A preferences node name from a target's name (nodes may not contain '/'). */
    private static String nodeName(String displayName) {
        String n = displayName.replace('/', '_');
        return n.length() > 70 ? n.substring(0, 70) : n;
    }

    public void notify(Notice.Kind kind, String text) {
        notify(kind, text, List.of());
    }

    /** A notice with lines behind its Details button. */
    public void notify(Notice.Kind kind, String text, List<String> details) {
        notice.set(new Notice(kind, text, ++serial, details));
    }

    private void setDocument(ProjectDocument d) {
        document.set(d);
        if (d != null) {
            d.dirtyProperty().addListener((o, was, now) -> updateTitle());
            d.nameProperty().addListener((o, was, now) -> updateTitle());
        }
        updateTitle();
    }

    private void updateTitle() {
        ProjectDocument d = document.get();
        title.set(d == null ? "Stagger" : d.name() + (d.isDirty() ? "*" : "") + " — Stagger");
    }
}
