package dev.stagger.gui.run.cluster;

import dev.stagger.engine.live.LiveClient;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.Status;
import dev.stagger.gui.common.Failures;
import dev.stagger.gui.run.RunJob;
import dev.stagger.remote.job.ClusterRuns;
import dev.stagger.remote.job.RunId;
import dev.stagger.remote.job.RunStatus;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Follows a cluster run from the workbench: the scheduler's view while it waits (pending, with
 * Slurm's reason), then its live server through a tunnel of the SSH session (status for the job
 * list, a second client for the monitor, pause and resume), and its end from the run directory.
 * A dropped connection is not the run's end: the job says "connection lost, the run goes on" and the
 * follower reconnects by itself, with growing pauses. Runs on a background thread until the run ends.
 */
final class ClusterFollower implements Runnable {
    /** The slow-link policy: one status read per second through a tunnel (half the local rate). */
    static final long LIVE_POLL_MILLIS = 1_000;
    static final long QUEUE_POLL_MILLIS = 3_000;
    private static final long CONTROL_TIMEOUT_MILLIS = 60_000;
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    /** How the follower reaches the cluster (connecting, and asking for MFA, when it has to). */
    interface Connection {
        ClusterRuns runs() throws IOException;
    }

    private final Connection connection;
    private final RunId id;
    private final RunJob job;
    private final Executor background;
    private final Runnable onEnd;
    private RunState lastState = RunState.STARTING;
    /** The monitor's client through the current tunnel; the one it replaces after a reconnect is closed. */
    private LiveClient monitorClient;

    ClusterFollower(Connection connection, RunId id, RunJob job, Executor background, Runnable onEnd) {
        this.connection = connection;
        this.id = id;
        this.job = job;
        this.background = background;
        this.onEnd = onEnd;
    }

    @Override
    public void run() {
        long backoff = 2_000;
        try {
            while (true) {
                RunStatus s;
                ClusterRuns runs;
                try {
                    runs = connection.runs();
                    s = runs.status(id);
                } catch (IOException e) {
                    lost(e);
                    Thread.sleep(backoff);
                    backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
                    continue;
                }
                backoff = 2_000;
                switch (s.state()) {
                    case FINISHED, STOPPED, FAILED -> {
                        job.report(new RunJob.Snapshot(map(s.state()), s.step(), -1, Double.NaN, -1, s.describe()));
                        onEnd.run();
                        return;
                    }
                    case UNKNOWN -> {
                        // never read as finished: the scheduler forgot it and the run left no record
                        job.report(new RunJob.Snapshot(RunState.FAILED, s.step(), -1, Double.NaN, -1, s.describe()),
                                "unknown");
                        onEnd.run();
                        return;
                    }
                    case UNREACHABLE -> lost(new IOException(s.detail()));
                    case SUBMITTED, PENDING -> report(RunState.STARTING, s.describe() + (s.jobId() != null
                            ? " — Slurm job " + s.jobId() : ""));
                    case RUNNING -> {
                        if (!followLive(runs)) {
                            report(RunState.STARTING, "running, waiting for its live server"
                                    + (s.jobId() != null ? " — Slurm job " + s.jobId() : ""));
                        }
                    }
                }
                Thread.sleep(QUEUE_POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Follows the live server until the run ends or the tunnel drops; false when it could not be reached. */
    private boolean followLive(ClusterRuns runs) throws InterruptedException {
        LiveClient status;
        try {
            status = runs.live(id, "workbench-jobs");
        } catch (IOException e) {
            return false; // not serving yet (or any more): the scheduler's view says which at the next read
        }
        try (status) {
            LiveClient previous = monitorClient;
            monitorClient = runs.live(id, "workbench-monitor");
            job.attach(monitorClient);
            if (previous != null) {
                previous.close(); // its tunnel is gone; the monitor follows the new client
            }
            job.controlWith(command -> CompletableFuture.supplyAsync(() -> {
                try {
                    return status.control(command, CONTROL_TIMEOUT_MILLIS);
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            }, background));
            while (true) {
                Status s = status.status();
                if (s.state().isOver()) {
                    return true; // the end is read from the run directory, with the run's own summary
                }
                lastState = s.state();
                job.report(new RunJob.Snapshot(s.state(), s.step(), s.totalSteps(), s.time(), s.wallSeconds(),
                        String.format(Locale.ROOT, "step %d of %d on %d rank%s, t = %.4g", s.step(), s.totalSteps(),
                                s.rankCount(), s.rankCount() == 1 ? "" : "s", s.time())));
                Thread.sleep(LIVE_POLL_MILLIS);
            }
        } catch (IOException e) {
            lost(e);
            return true;
        } finally {
            job.controlWith(null);
        }
    }

    private void lost(IOException e) {
        // the job list says "unreachable" until the next report from the run: the run itself goes on
        job.report(new RunJob.Snapshot(lastState, -1, -1, Double.NaN, -1, "connection lost, the run goes on;"
                + " reconnecting (" + Failures.why(e) + ")"), "unreachable");
    }

    private void report(RunState state, String message) {
        lastState = state;
        job.report(new RunJob.Snapshot(state, -1, -1, Double.NaN, -1, message));
    }

    static RunState map(RunStatus.State s) {
        return switch (s) {
            case FINISHED -> RunState.FINISHED;
            case STOPPED -> RunState.STOPPED;
            case FAILED, UNKNOWN -> RunState.FAILED;
            case RUNNING -> RunState.RUNNING;
            default -> RunState.STARTING;
        };
    }
}
