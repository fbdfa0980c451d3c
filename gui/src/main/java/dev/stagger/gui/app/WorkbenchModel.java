package dev.stagger.gui.app;

import dev.stagger.engine.project.LoadedProject;
import dev.stagger.engine.project.ProjectException;
import dev.stagger.engine.project.ProjectReader;
import dev.stagger.engine.run.RunPlanner.RunOverrides;
import dev.stagger.gui.document.ProjectDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    private final Preferences prefs;
    private final RecentProjects recent;
    private final Jobs jobs = new Jobs();
    private final List<RunTarget> targets;
    private final ReadOnlyObjectWrapper<ProjectDocument> document = new ReadOnlyObjectWrapper<>(this, "document");
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Ready");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Stagger");
    private RunOverrides overrides = RunOverrides.NONE;
    private long serial;

    // ---- the job list's history, reattaching and job actions (see JobRegistry) ----
    private Executor background = Runnable::run;
    private Executor ui = Runnable::run;
    private FolderOpener folderOpener = FolderOpener.system();
    private final JobRegistry registry = new JobRegistry(jobs, () -> new JobHistory(jobsNode()),
            () -> background, () -> ui, this::notify);

    public WorkbenchModel(Preferences prefs, List<RunTarget> targets) {
        this.prefs = prefs;
        this.recent = new RecentProjects(prefs, 10);
        this.targets = List.copyOf(targets);
        String savedTheme = prefs.get("theme", Theme.LIGHT.name());
        theme.set("DARK".equals(savedTheme) ? Theme.DARK : Theme.LIGHT);
        document.addListener((o, was, now) -> updateTitle());
    }

    /**
     * @param background reads run folders, reaches runs, opens folders (a thread pool in the app)
     * @param ui where results come back ({@code Platform::runLater} in the app)
     */
    public WorkbenchModel(Preferences prefs, List<RunTarget> targets, Executor background, Executor ui) {
        this(prefs, targets);
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
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

    public Jobs jobs() {
        return jobs;
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
            notify(Notice.Kind.ERROR, "Cannot open " + file.getFileName() + ": " + e.problems().get(0).message()
                    + (e.problems().size() > 1 ? " (and " + (e.problems().size() - 1) + " more)" : ""));
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
            notify(Notice.Kind.ERROR, "Template " + template.getFileName() + " has problems: " + e.getMessage());
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
            notify(Notice.Kind.ERROR, "Could not save " + file.getFileName() + ": " + e.getMessage());
            return false;
        }
    }

    /** Closes the document (the view asks about unsaved changes first). */
    public void close() {
        setDocument(null);
        status.set("Ready");
    }

    public void useTheme(Theme t) {
        theme.set(t);
        prefs.put("theme", t.name());
    }

    /** Overrides applied to every run started from now on (tests shorten runs with it). */
    public void useRunOverrides(RunOverrides o) {
        overrides = Objects.requireNonNull(o);
    }

    /** Runs the open project on {@code target}; the project must have been saved once (its output goes next to it). */
    public RunJob run(RunTarget target) {
        ProjectDocument d = document.get();
        if (d == null) {
            notify(Notice.Kind.WARNING, "Open a project to run it.");
            return null;
        }
        if (d.file() == null) {
            notify(Notice.Kind.WARNING, "Save the project first: its output goes into a folder next to it.");
            return null;
        }
        RunRequest request = new RunRequest(d.name(), d.project(), d.file(), RunRequest.outputDirFor(d.file()),
                overrides);
        try {
            RunJob job = target.start(request);
            jobs.add(job);
            status.set("Started " + d.name() + " on " + target.displayName().toLowerCase(java.util.Locale.ROOT));
            announceEnd(job, true);
            return job;
        } catch (Exception e) {
            notify(Notice.Kind.ERROR, "Cannot run " + d.name() + ": " + e.getMessage());
            return null;
        }
    }

    /** Stops the selected job, if it runs. */
    public void stopSelected() {
        RunJob j = jobs.selected();
        if (j != null && !j.state().isOver()) {
            j.stop();
            status.set("Stopping " + j.name());
        }
    }

    public void notify(Notice.Kind kind, String text) {
        notice.set(new Notice(kind, text, ++serial));
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

    // ---- job list: history, attach, actions, quitting ----

    /**
     * Finds the runs of earlier sessions again (live ones reattached, ended ones with how they ended)
     * and command-line runs going in the output folders of recent projects. Returns at once;
     * completes on the UI executor with the jobs added.
     */
    public CompletableFuture<List<RunJob>> restoreJobs() {
        return registry.restore(List.copyOf(recent.items())).thenApply(restored -> {
            restored.forEach(j -> announceEnd(j, false));
            return restored;
        });
    }

    /**
     * When a job still going ends, the status line and a notice say how (a failure as an error).
     * A run found again ({@code startedHere} false) is announced only once it was seen going: one that
     * turns out to have ended long ago (lost while the workbench was closed) is history, not news.
     */
    private void announceEnd(RunJob job, boolean startedHere) {
        if (job.state().isOver()) {
            return;
        }
        job.stateProperty().addListener((o, was, now) -> {
            if (now.isOver() && !was.isOver() && (startedHere || was != dev.stagger.engine.live.RunState.STARTING)) {
                status.set(job.name() + ": " + now.name().toLowerCase(java.util.Locale.ROOT));
                notify(now == dev.stagger.engine.live.RunState.FAILED ? Notice.Kind.ERROR : Notice.Kind.INFO,
                        job.name() + " " + now.name().toLowerCase(java.util.Locale.ROOT) + ": "
                                + job.messageProperty().get());
            }
        });
    }

    /** The remembered jobs, newest first (what the next start restores). */
    public List<JobHistory.Entry> jobHistory() {
        return registry.entries();
    }

    /**
     * Attaches the run whose output folder (or endpoint file) is {@code path}, e.g. one started with
     * {@code stagger run … --out FOLDER}. Completes with the job, or null after a notice saying why not.
     */
    public CompletableFuture<RunJob> attachRun(Path path) {
        CompletableFuture<RunJob> job = registry.attach(path);
        return job.thenApply(j -> {
            if (j != null) {
                status.set((j.state().isOver() ? "Found " : "Attached to ") + j.name() + " in " + j.outputDir());
                announceEnd(j, false);
            }
            return j;
        });
    }

    /** Stops {@code job}, if it runs. */
    public void stop(RunJob job) {
        if (job != null && !job.state().isOver()) {
            job.stop();
            status.set("Stopping " + job.name());
        }
    }

    /** Pauses a running job, resumes a paused one; the answer (or why not) becomes the status line. */
    public void pauseOrResume(RunJob job) {
        if (job == null || !job.canPause()) {
            return;
        }
        boolean pause = job.state() != dev.stagger.engine.live.RunState.PAUSED;
        (pause ? job.pause() : job.resume()).whenComplete((answer, error) -> ui.execute(() -> {
            if (error != null) {
                notify(Notice.Kind.WARNING, "Could not " + (pause ? "pause " : "resume ") + job.name() + ": "
                        + RunProcesses.why(error));
            } else {
                status.set(job.name() + ": " + answer);
            }
        }));
    }

    /** Takes an ended job off the list (and out of the history); a running one stays. */
    public boolean removeJob(RunJob job) {
        if (job == null || !job.state().isOver()) {
            return false;
        }
        return jobs.remove(job);
    }

    /** How folders are shown (tests put their own here). */
    public void useFolderOpener(FolderOpener opener) {
        folderOpener = Objects.requireNonNull(opener);
    }

    public void openOutputFolder(RunJob job) {
        if (job != null) {
            openFolder(job.outputDir());
        }
    }

    /** Shows {@code folder} in the file manager, off the UI thread; a failure is a notice with the path. */
    public void openFolder(Path folder) {
        FolderOpener opener = folderOpener;
        background.execute(() -> {
            try {
                opener.open(folder);
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> notify(Notice.Kind.WARNING, "Could not open the folder: " + e.getMessage()
                        + ". It is " + folder));
            }
        });
    }

    /** The job's log (see {@link JobLog}), read off the UI thread; completes on the UI executor. */
    public CompletableFuture<String> readLog(RunJob job) {
        CompletableFuture<String> text = new CompletableFuture<>();
        background.execute(() -> {
            try {
                String t = JobLog.read(job);
                ui.execute(() -> text.complete(t));
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> text.completeExceptionally(e));
            }
        });
        return text;
    }

    /** The job history's preferences node: a child of the workbench's. */
    private Preferences jobsNode() {
        return prefs.node("jobs");
    }

    /** True when some running job lives in a process of its own and may go on after the workbench quits. */
    public boolean canKeepRunsGoing() {
        return jobs.running().stream().anyMatch(RunJob::outlivesWorkbench);
    }

    /**
     * Stops the running jobs before quitting: all of them, or ({@code keepOutliving}) only those
     * inside the workbench, which cannot outlive it; the others go on and are found again at the next
     * start. Completes with true when every stopped job has ended (its final state written), with
     * false when {@code timeout} passed first.
     */
    public CompletableFuture<Boolean> stopForQuit(boolean keepOutliving, java.time.Duration timeout) {
        List<CompletableFuture<Void>> ends = new java.util.ArrayList<>();
        for (RunJob j : jobs.running()) {
            if (keepOutliving && j.outlivesWorkbench()) {
                continue;
            }
            CompletableFuture<Void> end = new CompletableFuture<>();
            j.stateProperty().addListener((o, was, now) -> {
                if (now.isOver()) {
                    end.complete(null);
                }
            });
            if (j.state().isOver()) {
                end.complete(null);
            }
            j.stop();
            ends.add(end);
        }
        status.set(ends.isEmpty() ? "Quitting" : "Stopping " + ends.size() + (ends.size() == 1 ? " run" : " runs"));
        return CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).thenApply(v -> true)
                .completeOnTimeout(false, timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
