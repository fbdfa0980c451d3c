package dev.stagger.gui.jobs;

import dev.stagger.engine.live.RunState;
import dev.stagger.gui.common.Failures;
import dev.stagger.gui.common.FolderOpener;
import dev.stagger.gui.common.Notice;
import dev.stagger.gui.run.RunJob;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.prefs.Preferences;

/**
 * The job list's view model: the jobs, their history and every action on them (restore at start-up,
 * attach, pause and resume, stop, remove, logs, output folders, what quitting does to them). No
 * toolkit classes, so it is tested without a display. Called on the UI thread; folders are read and
 * runs reached on the background executor.
 */
public final class JobBoard {
    /** Where the board's news goes: the shell's status line and notification bar. */
    public interface Announcer {
        void status(String text);

        void notice(Notice.Kind kind, String text);
    }

    private final Jobs jobs = new Jobs();
    private final Announcer announcer;
    private final Executor background;
    private final Executor ui;
    private final JobRegistry registry;
    private FolderOpener folderOpener = FolderOpener.system();

    /**
     * @param history where the remembered jobs are kept (a preferences node)
     * @param background reads run folders, reaches runs, opens folders (a thread pool in the app)
     * @param ui where results come back ({@code Platform::runLater} in the app)
     */
    public JobBoard(Preferences history, Executor background, Executor ui, Announcer announcer) {
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
        this.announcer = Objects.requireNonNull(announcer);
        this.registry = new JobRegistry(jobs, () -> new JobHistory(history), () -> background, () -> ui,
                announcer::notice);
    }

    /** The jobs, newest first, and the selected one. */
    public Jobs jobs() {
        return jobs;
    }

    /** Adds a job a target just started, selects it and announces its end. */
    public void started(RunJob job) {
        jobs.add(job);
        announceEnd(job, true);
    }

    /** Stops the selected job, if it runs. */
    public void stopSelected() {
        stop(jobs.selected());
    }


    /**
     * Finds the runs of earlier sessions again (live ones reattached, ended ones with how they ended)
     * and command-line runs going in the output folders of recent projects. Returns at once;
     * completes on the UI executor with the jobs added.
     */
    public CompletableFuture<List<RunJob>> restore(List<Path> recentProjects) {
        return registry.restore(List.copyOf(recentProjects)).thenApply(restored -> {
            restored.forEach(j -> announceEnd(j, false));
            return restored;
        });
    }

    /**
     * When a job still going ends, the status line and a notice say how (a failure as an error).
     * A run found again ({@code startedHere} false) is announced only once it was seen going: one that
     * turns out to have ended long ago (lost while the workbench was closed) is history, not news.
     */
    public void announceEnd(RunJob job, boolean startedHere) {
        if (job.state().isOver()) {
            return;
        }
        job.stateProperty().addListener((o, was, now) -> {
            if (now.isOver() && !was.isOver() && (startedHere || was != RunState.STARTING)) {
                announcer.status(job.name() + ": " + now.name().toLowerCase(java.util.Locale.ROOT));
                announcer.notice(now == RunState.FAILED ? Notice.Kind.ERROR : Notice.Kind.INFO,
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
                announcer.status((j.state().isOver() ? "Found " : "Attached to ") + j.name() + " in " + j.outputDir());
                announceEnd(j, false);
            }
            return j;
        });
    }

    /** Stops {@code job}, if it runs. */
    public void stop(RunJob job) {
        if (job != null && !job.state().isOver()) {
            job.stop();
            announcer.status("Stopping " + job.name());
        }
    }

    /** Pauses a running job, resumes a paused one; the answer (or why not) becomes the status line. */
    public void pauseOrResume(RunJob job) {
        if (job == null || !job.canPause()) {
            return;
        }
        boolean pause = job.state() != RunState.PAUSED;
        (pause ? job.pause() : job.resume()).whenComplete((answer, error) -> ui.execute(() -> {
            if (error != null) {
                announcer.notice(Notice.Kind.WARNING, "Could not " + (pause ? "pause " : "resume ") + job.name() + ": "
                        + Failures.why(error));
            } else {
                announcer.status(job.name() + ": " + answer);
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
                ui.execute(() -> announcer.notice(Notice.Kind.WARNING, "Could not open the folder: " + e.getMessage()
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

    /** True when some running job lives in a process of its own and may go on after the workbench quits. */
    public boolean canKeepRunsGoing() {
        return runningHere().stream().anyMatch(RunJob::outlivesWorkbench);
    }

    /**
     * The running jobs that quitting concerns: all but cluster jobs, which quitting never stops
     * (they are found again at the next start).
     */
    public List<RunJob> runningHere() {
        return jobs.running().stream().filter(j -> j.remoteId() == null).toList();
    }

    /** Adds jobs a target found again at start-up (its own record, e.g. the cluster run registry). */
    public void addFound(List<RunJob> found) {
        for (RunJob j : found) {
            jobs.addRestored(j);
            announceEnd(j, false);
        }
    }

    /**
     * Stops the running jobs before quitting: all of them, or ({@code keepOutliving}) only those
     * inside the workbench, which cannot outlive it; the others go on and are found again at the next
     * start. Completes with true when every stopped job has ended (its final state written), with
     * false when {@code timeout} passed first.
     */
    public CompletableFuture<Boolean> stopForQuit(boolean keepOutliving, java.time.Duration timeout) {
        List<CompletableFuture<Void>> ends = new java.util.ArrayList<>();
        for (RunJob j : runningHere()) {
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
        announcer.status(ends.isEmpty() ? "Quitting" : "Stopping " + ends.size() + (ends.size() == 1 ? " run" : " runs"));
        return CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).thenApply(v -> true)
                .completeOnTimeout(false, timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
