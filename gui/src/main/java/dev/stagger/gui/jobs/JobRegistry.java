package dev.stagger.gui.jobs;

import dev.stagger.engine.live.RunEndpoint;
import dev.stagger.engine.live.RunState;
import dev.stagger.gui.common.Notice;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.run.RunRequest;
import dev.stagger.gui.run.local.EndpointFollower;
import dev.stagger.gui.run.local.RunProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;

/**
 * Keeps the job list and the {@link JobHistory} together: records every job that enters the list
 * (started, attached or found), notes its endpoint and its end, forgets the jobs removed from the
 * list; at start-up finds the remembered runs again (live ones are reattached, ended ones show how
 * they ended) and the runs started from the command line in the output folders of recent projects;
 * attaches a run by its output folder. Called on the UI thread; folders are read and runs reached on
 * the background executor.
 */
final class JobRegistry {
    private static final System.Logger LOG = System.getLogger(JobRegistry.class.getName());
    static final String COMMAND_LINE = "Command line";
    private static final long SLACK_MILLIS = 1_000;

    private final Jobs jobs;
    private final Supplier<JobHistory> historySource;
    private final Supplier<Executor> background;
    private final Supplier<Executor> ui;
    private final BiConsumer<Notice.Kind, String> notify;
    private final List<JobHistory.Entry> entries = new ArrayList<>();
    private final Map<RunJob, String> ids = new HashMap<>();
    private JobHistory history;
    private boolean loaded;
    private boolean restored;

    /** Executors and the history come as suppliers: the model sets them after its fields are made. */
    JobRegistry(Jobs jobs, Supplier<JobHistory> history, Supplier<Executor> background, Supplier<Executor> ui,
            BiConsumer<Notice.Kind, String> notify) {
        this.jobs = jobs;
        this.historySource = history;
        this.background = background;
        this.ui = ui;
        this.notify = notify;
        jobs.all().addListener((ListChangeListener<RunJob>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::forget);
                change.getAddedSubList().forEach(j -> {
                    // a cluster run's record is the user's run registry: its target finds it again
                    if (!ids.containsKey(j) && j.remoteId() == null) {
                        track(j, JobHistory.Entry.of(j));
                    }
                });
            }
        });
    }

    /** The remembered entries, newest first (a copy). */
    List<JobHistory.Entry> entries() {
        load();
        return List.copyOf(entries);
    }

    // ---- start-up ----

    /**
     * Finds the remembered runs and the command-line runs going in the output folders of
     * {@code recentProjects}; completes (on the UI executor) with the jobs it added to the list.
     */
    CompletableFuture<List<RunJob>> restore(List<Path> recentProjects) {
        load();
        CompletableFuture<List<RunJob>> done = new CompletableFuture<>();
        if (restored) {
            done.complete(List.of());
            return done;
        }
        restored = true;
        List<JobHistory.Entry> snapshot = List.copyOf(entries);
        background.get().execute(() -> {
            List<Found> found;
            try {
                found = inspect(snapshot, recentProjects);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "looking for the runs of earlier sessions failed", e);
                found = List.of();
            }
            List<Found> result = found;
            ui.get().execute(() -> done.complete(add(result)));
        });
        return done;
    }

    /** What became of a remembered run, or a command-line run found going. */
    private record Found(JobHistory.Entry entry, RunEndpoint follow, String lost, boolean drop) {}

    /** Reads the run folders (background thread). */
    private static List<Found> inspect(List<JobHistory.Entry> remembered, List<Path> recentProjects) {
        List<Found> found = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        for (JobHistory.Entry e : remembered) {
            if (e.endpointStarted() != null) {
                claimed.add(key(e.outputDir(), e.endpointStarted()));
            }
        }
        for (JobHistory.Entry e : remembered) {
            found.add(inspect(e, claimed));
        }
        for (Path project : recentProjects) {
            Path dir = RunRequest.outputDirFor(project);
            if (!Files.isRegularFile(dir.resolve(RunEndpoint.FILE_NAME))) {
                continue;
            }
            try {
                RunEndpoint endpoint = RunEndpoint.read(dir);
                if (claimed.add(key(endpoint.runDirectory(), endpoint.started())) && RunProcesses.seemsAlive(endpoint)) {
                    found.add(new Found(entryFor(endpoint), endpoint, null, false));
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "skipping the damaged endpoint file in " + dir, e);
                // a damaged endpoint file of a run nobody asked for: nothing to show
            }
        }
        return found;
    }

    private static Found inspect(JobHistory.Entry e, Set<String> claimed) {
        Path dir = e.outputDir();
        if (!Files.isDirectory(dir)) {
            return new Found(e, null, null, true); // the user deleted the output: nothing left to show
        }
        if (e.end() != null) {
            return new Found(e, null, null, false);
        }
        if (!e.outlivesWorkbench()) {
            return new Found(e, null, "the workbench closed while it ran; its output so far is in " + dir, false);
        }
        RunEndpoint endpoint;
        try {
            endpoint = RunEndpoint.read(dir);
        } catch (IOException x) {
            return new Found(e, null, "it had not started serving when the workbench closed (no "
                    + RunEndpoint.FILE_NAME + " in " + dir + "); see " + dir.resolve(EndpointFollower.LOG_FILE), false);
        }
        boolean ours = e.endpointStarted() != null ? e.endpointStarted().equals(endpoint.started())
                : !endpoint.started().isBefore(e.started().minusMillis(SLACK_MILLIS))
                        && claimed.add(key(dir, endpoint.started()));
        if (!ours) {
            return new Found(e, null, "a later run used the same output folder " + dir + "; how this one ended was not"
                    + " recorded", false);
        }
        return new Found(e, endpoint, null, false);
    }

    /** Adds what was found to the list and follows the runs that go on (UI thread). */
    private List<RunJob> add(List<Found> found) {
        List<RunJob> added = new ArrayList<>();
        for (Found f : found) {
            JobHistory.Entry e = f.entry();
            if (f.drop()) {
                entries.removeIf(x -> x.id().equals(e.id()));
                continue;
            }
            RunJob job = new RunJob(e.name(), e.target(), e.outputDir(), e.started(), ui.get(), e.outlivesWorkbench());
            track(job, e); // first: the end reported below is recorded
            if (e.end() != null) {
                job.report(new RunJob.Snapshot(e.end(), -1, -1, Double.NaN, e.seconds(), e.message()), e.label());
            } else if (f.lost() != null) {
                job.report(new RunJob.Snapshot(RunState.FAILED, -1, -1, Double.NaN, -1, f.lost()), "lost");
            } else {
                job.report(new RunJob.Snapshot(RunState.STARTING, -1, -1, Double.NaN, -1, "reconnecting"));
            }
            jobs.addRestored(job);
            added.add(job);
            if (f.follow() != null) {
                background.get().execute(EndpointFollower.ofEndpoint(f.follow(), job, background.get()));
            }
        }
        save();
        return added;
    }

    // ---- attach ----

    /**
     * Attaches the run whose output folder (or endpoint file) is {@code path}: it joins the list and
     * the monitor follows it; an ended run shows how it ended. Completes on the UI executor with the
     * job, or null after a notice saying why not.
     */
    CompletableFuture<RunJob> attach(Path path) {
        CompletableFuture<RunJob> done = new CompletableFuture<>();
        background.get().execute(() -> {
            RunEndpoint endpoint = null;
            String problem = null;
            Path p = path.toAbsolutePath().normalize();
            if (!Files.exists(p)) {
                problem = p + " does not exist.";
            } else if (Files.isDirectory(p) && !Files.exists(p.resolve(RunEndpoint.FILE_NAME))) {
                problem = p + " has no " + RunEndpoint.FILE_NAME + ": is the run started with `stagger run … --out "
                        + p + "`? (A run writes it as it starts.)";
            } else {
                try {
                    endpoint = RunEndpoint.read(p);
                } catch (IOException e) {
                    problem = "Cannot attach: " + e.getMessage();
                }
            }
            RunEndpoint found = endpoint;
            String why = problem;
            ui.get().execute(() -> {
                if (why != null) {
                    notify.accept(Notice.Kind.WARNING, why);
                    done.complete(null);
                } else {
                    done.complete(attach(found));
                }
            });
        });
        return done;
    }

    private RunJob attach(RunEndpoint endpoint) {
        for (RunJob j : jobs.all()) {
            RunEndpoint e = j.endpoint();
            boolean same = e != null ? e.runDirectory().equals(endpoint.runDirectory()) && e.started().equals(endpoint.started())
                    : !j.state().isOver() && j.outlivesWorkbench() && j.outputDir().toAbsolutePath().normalize()
                            .equals(endpoint.runDirectory());
            if (same) {
                jobs.select(j);
                notify.accept(Notice.Kind.INFO, j.name() + " (" + endpoint.runDirectory() + ") is in the job list already.");
                return j;
            }
        }
        JobHistory.Entry entry = entryFor(endpoint);
        RunJob job = new RunJob(entry.name(), entry.target(), entry.outputDir(), entry.started(), ui.get(), true);
        track(job, entry);
        job.report(new RunJob.Snapshot(RunState.STARTING, -1, -1, Double.NaN, -1, "attaching"));
        jobs.add(job);
        background.get().execute(EndpointFollower.ofEndpoint(endpoint, job, background.get()));
        return job;
    }

    private static JobHistory.Entry entryFor(RunEndpoint endpoint) {
        return new JobHistory.Entry(java.util.UUID.randomUUID().toString(), endpoint.runDirectory(), endpoint.runName(),
                COMMAND_LINE, true, endpoint.started(), endpoint.started(), null, null, "", -1);
    }

    // ---- bookkeeping (UI thread) ----

    private void track(RunJob job, JobHistory.Entry entry) {
        load();
        ids.put(job, entry.id());
        if (entries.stream().noneMatch(x -> x.id().equals(entry.id()))) {
            entries.add(entry);
            save();
        }
        job.endpointProperty().addListener((o, was, now) -> {
            if (now != null) {
                update(job, x -> x.withEndpointStarted(now.started()));
            }
        });
        job.stateProperty().addListener((o, was, now) -> {
            if (now.isOver()) {
                recordEnd(job);
            }
        });
        if (job.state().isOver()) {
            recordEnd(job); // a run that ended before it reached the list (a target that runs on the caller's thread)
        }
    }

    private void recordEnd(RunJob job) {
        RunState end = job.state();
        String text = job.stateTextProperty().get();
        update(job, x -> x.ended(end, text.equals(end.name().toLowerCase(java.util.Locale.ROOT)) ? null : text,
                job.messageProperty().get(), job.durationProperty().get().toMillis() / 1000.0));
    }

    private void update(RunJob job, java.util.function.UnaryOperator<JobHistory.Entry> change) {
        String id = ids.get(job);
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).id().equals(id)) {
                entries.set(i, change.apply(entries.get(i)));
                save();
                return;
            }
        }
    }

    private void forget(RunJob job) {
        String id = ids.remove(job);
        if (id != null && entries.removeIf(x -> x.id().equals(id))) {
            save();
        }
    }

    private void load() {
        if (!loaded) {
            loaded = true;
            history = historySource.get();
            entries.addAll(history.load());
        }
    }

    private void save() {
        entries.sort(Comparator.comparing(JobHistory.Entry::started).reversed());
        history.save(entries);
    }

    private static String key(Path dir, java.time.Instant endpointStarted) {
        return dir.toAbsolutePath().normalize() + "|" + endpointStarted;
    }
}
