package dev.stagger.gui.app;

import dev.stagger.engine.live.Command;
import dev.stagger.engine.live.RunEndpoint;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.RunStateFile;
import dev.stagger.engine.live.SocketLiveClient;
import dev.stagger.engine.live.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * "This computer, N MPI ranks": starts {@code ./stagger run PROJECT --ranks N} as a process (so the
 * run outlives the window if the user wants) and follows it like any other run, through the run
 * directory's endpoint file and a socket client. The run's console output goes to
 * {@code stagger-run.log} in its output folder.
 */
public final class LocalMpiRunTarget implements RunTarget {
    private static final long POLL_MILLIS = 500;
    private static final long START_TIMEOUT_MILLIS = 120_000;

    private final Path launcher;
    private final int ranks;
    private final Executor background;
    private final Executor ui;
    private final Clock clock;

    public LocalMpiRunTarget(Path launcher, int ranks, Executor background, Executor ui, Clock clock) {
        this.launcher = launcher;
        this.ranks = ranks;
        this.background = background;
        this.ui = ui;
        this.clock = clock;
    }

    @Override
    public String displayName() {
        return "This computer, " + ranks + " MPI ranks";
    }

    @Override
    public RunJob start(RunRequest request) throws IOException {
        if (request.projectFile() == null) {
            throw new IOException("save the project first: the MPI ranks read it from its file");
        }
        if (!Files.isExecutable(launcher)) {
            throw new IOException("cannot find the stagger launcher at " + launcher);
        }
        Files.createDirectories(request.outputDir());
        // an endpoint left by an earlier run in the same folder must not be mistaken for this one's
        Files.deleteIfExists(request.outputDir().resolve(RunEndpoint.FILE_NAME));
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "run", request.projectFile().toString(),
                "--out", request.outputDir().toString(), "--ranks", Integer.toString(ranks), "-q"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(request.outputDir().resolve("stagger-run.log").toFile()).start();
        RunJob job = new RunJob(request.name(), displayName(), request.outputDir(), clock.instant(), ui);
        job.report(new RunJob.Snapshot(RunState.STARTING, 0, 0, 0, 0, "starting " + ranks + " ranks"));
        job.stopWith(process::destroy);
        background.execute(() -> follow(process, request.outputDir(), job));
        return job;
    }

    private void follow(Process process, Path dir, RunJob job) {
        long t0 = System.nanoTime();
        try {
            RunEndpoint endpoint = awaitEndpoint(process, dir);
            if (endpoint != null) {
                SocketLiveClient monitorClient = endpoint.connect("workbench-monitor");
                job.attach(monitorClient);
                try (SocketLiveClient status = endpoint.connect("workbench-jobs")) {
                    job.stopWith(() -> status.control(Command.STOP, 60_000));
                    while (process.isAlive()) {
                        Status s = status.status();
                        job.report(new RunJob.Snapshot(s.state(), s.step(), s.totalSteps(), s.time(), s.wallSeconds(),
                                String.format(Locale.ROOT, "step %d of %d on %d ranks, t = %.4g", s.step(),
                                        s.totalSteps(), s.rankCount(), s.time())));
                        process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    }
                } catch (IOException e) {
                    // the run closed its server as it ended: its state file says how
                }
            }
            int exit = process.waitFor();
            RunState state = exit == 0 ? RunState.FINISHED : RunState.FAILED;
            String message = "exit " + exit + "; see " + dir.resolve("stagger-run.log");
            if (Files.exists(dir.resolve(RunStateFile.FILE_NAME))) {
                RunStateFile file = RunStateFile.read(dir);
                state = file.state();
                message = file.message().isBlank() ? message : file.message();
            }
            job.report(new RunJob.Snapshot(state, -1, -1, Double.NaN, (System.nanoTime() - t0) * 1e-9, message));
        } catch (IOException | RuntimeException e) {
            job.report(new RunJob.Snapshot(RunState.FAILED, -1, -1, Double.NaN, (System.nanoTime() - t0) * 1e-9,
                    "failed: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run's endpoint once it serves, or null when the process ended first. */
    private static RunEndpoint awaitEndpoint(Process process, Path dir) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT_MILLIS * 1_000_000L;
        Path file = dir.resolve(RunEndpoint.FILE_NAME);
        while (!Files.exists(file)) {
            if (!process.isAlive()) {
                return null;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the run did not start serving within " + START_TIMEOUT_MILLIS / 1000 + " s");
            }
            // waiting for the ranks to start: wakes early when the process ends
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        return RunEndpoint.read(dir);
    }
}
