package dev.stagger.gui.run.cluster;

import dev.stagger.engine.live.Command;
import dev.stagger.engine.live.RunState;
import dev.stagger.gui.common.Failures;
import dev.stagger.gui.run.RunJob;
import dev.stagger.remote.cli.ClusterContext;
import dev.stagger.remote.cli.ClusterLaunch;
import dev.stagger.remote.job.ClusterRuns;
import dev.stagger.remote.job.RunId;
import dev.stagger.remote.job.RunStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a cluster job offers besides following it: stop (through the tunnel when it is up, else the
 * cancel of {@link ClusterRuns#cancel}: a graceful stop, then {@code scancel} or a kill), cancel,
 * checkpoint now, its log (copied from the run directory from where the last copy ended, into the
 * results folder), and fetching its results (resumable, each file checked) with progress.
 */
final class ClusterJobs {
    static final String LOG = "stagger-run.log";
    private static final Pattern PERCENT = Pattern.compile("^\\s*(\\d{1,3})%");

    private ClusterJobs() {}

    static void equip(RunJob job, RunId id, ClusterContext context, Executor background) {
        job.stopWith(() -> {
            if (job.canPause()) {
                job.controlNow(Command.STOP).whenComplete((answer, error) -> {
                    if (error != null) {
                        cancel(job, id, context, background); // the tunnel is down: the scheduler stops it
                    }
                });
            } else {
                cancel(job, id, context, background);
            }
        });
        AtomicBoolean fetching = new AtomicBoolean();
        job.offer(new RunJob.Action("Fetch results", "Copy the run's results from the cluster into "
                + job.outputDir() + " (resumable; each file is checked)", () -> {
                    if (fetching.compareAndSet(false, true)) {
                        background.execute(() -> {
                            try {
                                fetch(job, id, context);
                            } finally {
                                fetching.set(false);
                            }
                        });
                    }
                }));
        job.offer(new RunJob.Action("Checkpoint now", "Ask the run to write a checkpoint at its next step", () -> {
            if (job.canPause()) {
                job.controlNow(Command.CHECKPOINT).whenComplete((answer, error) -> job.reportActivity(
                        error == null ? "checkpoint: " + answer : "checkpoint failed: " + Failures.why(error), -1));
            } else {
                job.reportActivity("checkpoint: the run is not reachable now", -1);
            }
        }));
        job.offer(new RunJob.Action("Cancel job", "Stop the run; if it does not stop in time, cancel the Slurm job"
                + " (or end its processes)", () -> cancel(job, id, context, background)));
        Path local = job.outputDir().resolve(LOG);
        long[] offset = {-1};
        job.logWith(() -> {
            synchronized (offset) {
                if (offset[0] < 0) {
                    offset[0] = Files.isRegularFile(local) ? Files.size(local) : 0;
                }
                Files.createDirectories(local.getParent());
                try (OutputStream out = Files.newOutputStream(local, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                    offset[0] = context.runs(id).copyLog(id, offset[0], out);
                } catch (IOException e) {
                    if (!Files.isRegularFile(local)) {
                        throw new IOException("the log of " + id + " cannot be read now (" + e.getMessage() + ")", e);
                    }
                    // the copy so far is still worth showing
                }
                return dev.stagger.gui.jobs.JobLog.tail(local);
            }
        });
    }

    private static void cancel(RunJob job, RunId id, ClusterContext context, Executor background) {
        background.execute(() -> {
            try {
                String result = context.runs(id).cancel(id, line -> job.reportActivity(line, -1));
                job.reportActivity(result, -1);
            } catch (IOException | RuntimeException e) {
                job.reportActivity("could not cancel " + id + ": " + Failures.why(e), -1);
            }
        });
    }

    static void fetch(RunJob job, RunId id, ClusterContext context) {
        job.reportActivity("fetching results", 0);
        try {
            List<ClusterRuns.RemoteFile> files = context.runs(id).fetch(id, job.outputDir(), line -> {
                Matcher m = PERCENT.matcher(line);
                job.reportActivity("fetching " + line.strip(), m.find() ? Integer.parseInt(m.group(1)) / 100.0 : -1);
            });
            long bytes = files.stream().mapToLong(ClusterRuns.RemoteFile::size).sum();
            job.reportActivity(String.format(Locale.ROOT, "fetched %d files (%.1f MB) into %s", files.size(), bytes / 1e6,
                    job.outputDir()), 1.0);
            job.resultsArrived();
        } catch (IOException | RuntimeException e) {
            job.reportActivity("fetch failed (run Fetch again to resume): " + Failures.why(e), -1);
        }
    }

    /** Records the end in the user's run registry, so that {@code stagger runs} and the next start agree. */
    static void recordEnd(ClusterContext context, RunId id, RunJob job) {
        try {
            ClusterRuns runs = context.runs(id);
            RunStatus s = runs.status(id);
            ClusterLaunch.record(context, runs, id, s.jobId(), null, s.state().word(), s.detail());
        } catch (IOException | RuntimeException e) {
            // the registry catches up at the next status read
        }
    }

    /** The job state a registry entry's word stands for (null while not over). */
    static RunState endOf(String word) {
        try {
            RunStatus.State s = RunStatus.State.valueOf(word.toUpperCase(Locale.ROOT));
            return s.isOver() ? ClusterFollower.map(s) : null;
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
