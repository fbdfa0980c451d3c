package dev.stagger.gui.run.local;

import dev.stagger.engine.live.Command;
import dev.stagger.engine.live.RunEndpoint;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.RunStateFile;
import dev.stagger.engine.live.SocketLiveClient;
import dev.stagger.engine.live.Status;
import dev.stagger.gui.common.Failures;
import dev.stagger.gui.run.RunJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Follows a run that lives in a process of its own through its output folder: waits for the
 * endpoint file, connects (one client for the monitor, one for the job list's polling and controls),
 * reports the run's status until it ends, then reads {@code stagger-run.state} for how it ended.
 * Used for runs the workbench starts ({@link LocalMpiRunTarget}, watching the {@link Process}), for
 * runs found again after a restart and for runs started from the command line (watching the pid in
 * the endpoint file). Runs on a background thread; returns when the run is over.
 */
public final class EndpointFollower implements Runnable {
    private static final System.Logger LOG = System.getLogger(EndpointFollower.class.getName());
    public static final String LOG_FILE = "stagger-run.log";
    private static final long POLL_MILLIS = 500;
    private static final long START_TIMEOUT_MILLIS = 120_000;
    /** How long a run whose server went away may take to exit (its server lingers 2 s for late readers). */
    private static final long EXIT_GRACE_MILLIS = 15_000;
    private static final long CONTROL_TIMEOUT_MILLIS = 60_000;

    private final Path dir;
    private final RunJob job;
    private final Executor background;
    private final Process process;
    private final RunEndpoint known;
    private final long t0 = System.nanoTime();

    private EndpointFollower(Path dir, RunJob job, Executor background, Process process, RunEndpoint known) {
        this.dir = dir;
        this.job = job;
        this.background = background;
        this.process = process;
        this.known = known;
    }

    /** Follows the run {@code process} serves once it writes its endpoint into {@code dir}. */
    public static EndpointFollower ofProcess(Process process, Path dir, RunJob job, Executor background) {
        return new EndpointFollower(dir, job, background, process, null);
    }

    /** Follows (or, when it has ended, reports the end of) the run of an endpoint file read already. */
    public static EndpointFollower ofEndpoint(RunEndpoint endpoint, RunJob job, Executor background) {
        return new EndpointFollower(endpoint.runDirectory(), job, background, null, endpoint);
    }

    @Override
    public void run() {
        try {
            RunEndpoint endpoint = known != null ? known : awaitEndpoint();
            if (endpoint != null) {
                job.endpointKnown(endpoint);
                Watch watch = process != null ? Watch.of(process) : RunProcesses.watch(endpoint);
                if (watch.alive()) {
                    follow(endpoint, watch);
                }
            }
            finish(endpoint);
        } catch (IOException | RuntimeException e) {
            job.report(new RunJob.Snapshot(RunState.FAILED, -1, -1, Double.NaN, seconds(), "failed: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run's endpoint once it serves, or null when the process ended first. */
    private RunEndpoint awaitEndpoint() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT_MILLIS * 1_000_000L;
        Path file = dir.resolve(RunEndpoint.FILE_NAME);
        while (!Files.exists(file)) {
            if (!process.isAlive()) {
                return null;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the run did not start serving within " + START_TIMEOUT_MILLIS / 1000
                        + " s; see " + dir.resolve(LOG_FILE));
            }
            // waiting for the ranks to start: wakes early when the process ends
            process.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        return RunEndpoint.read(dir);
    }

    private void follow(RunEndpoint endpoint, Watch watch) throws InterruptedException {
        try (SocketLiveClient status = endpoint.connect("workbench-jobs")) {
            job.attach(endpoint.connect("workbench-monitor"));
            // controls go out on a thread of their own: the answer comes at the run's next step boundary
            job.controlWith(command -> CompletableFuture.supplyAsync(() -> {
                try {
                    return status.control(command, CONTROL_TIMEOUT_MILLIS);
                } catch (IOException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, background));
            job.stopWith(() -> job.controlNow(Command.STOP).whenComplete((answer, error) -> {
                if (error != null) {
                    job.report(new RunJob.Snapshot(RunState.STOPPING, -1, -1, Double.NaN, -1,
                            "stop failed: " + Failures.why(error)));
                }
            }));
            while (watch.alive()) {
                Status s = status.status();
                if (s.state().isOver()) {
                    break; // the end is reported from the state file, with the run's own summary
                }
                job.report(new RunJob.Snapshot(s.state(), s.step(), s.totalSteps(), s.time(), s.wallSeconds(),
                        String.format(Locale.ROOT, "step %d of %d%s, t = %.4g", s.step(), s.totalSteps(),
                                s.rankCount() > 1 ? " on " + s.rankCount() + " ranks" : "", s.time())));
                watch.await(POLL_MILLIS);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "live connection to the run in " + dir + " ended", e);
            // the run closed its server as it ended (its state file says how), or it cannot be reached
        }
        if (watch.alive()) {
            watch.await(EXIT_GRACE_MILLIS);
        }
    }

    private void finish(RunEndpoint endpoint) throws InterruptedException {
        RunStateFile end = RunProcesses.endOf(dir, endpoint);
        if (end != null && end.state().isOver()) {
            double wall = endpoint != null && process == null
                    ? Duration.between(endpoint.started(), end.updated()).toMillis() / 1000.0 : seconds();
            job.report(new RunJob.Snapshot(end.state(), end.step(), -1, end.time(), wall,
                    end.message().isBlank() ? end.state().name().toLowerCase(Locale.ROOT) : end.message()));
            return;
        }
        if (process != null) {
            int exit = process.waitFor();
            String last = RunProcesses.lastLine(dir.resolve(LOG_FILE));
            job.report(new RunJob.Snapshot(exit == 0 ? RunState.FINISHED : RunState.FAILED, -1, -1, Double.NaN,
                    seconds(), (last.isEmpty() ? "" : last + " ") + "(exit " + exit + "; see " + dir.resolve(LOG_FILE) + ")"));
            return;
        }
        if (endpoint != null && RunProcesses.watch(endpoint).alive()) {
            job.report(new RunJob.Snapshot(RunState.FAILED, -1, -1, Double.NaN, -1, "process " + endpoint.pid()
                    + " is alive but its run does not answer at " + endpoint.host() + ":" + endpoint.port()), "unreachable");
            return;
        }
        job.report(new RunJob.Snapshot(RunState.FAILED, -1, -1, Double.NaN, -1,
                "the run ended without recording how (was it killed?); its output so far is in " + dir), "lost");
    }

    private double seconds() {
        return (System.nanoTime() - t0) * 1e-9;
    }

    /** Whether the run's process still lives, and a wait that wakes when it ends. */
    interface Watch {
        boolean alive();

        void await(long millis) throws InterruptedException;

        static Watch of(Process p) {
            return new Watch() {
                @Override
                public boolean alive() {
                    return p.isAlive();
                }

                @Override
                public void await(long millis) throws InterruptedException {
                    p.waitFor(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
                }
            };
        }

        static Watch of(ProcessHandle h) {
            return new Watch() {
                @Override
                public boolean alive() {
                    return h.isAlive();
                }

                @Override
                public void await(long millis) throws InterruptedException {
                    try {
                        h.onExit().get(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
                    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                        // still running
                    }
                }
            };
        }

        Watch ENDED = new Watch() {
            @Override
            public boolean alive() {
                return false;
            }

            @Override
            public void await(long millis) {}
        };
    }
}
