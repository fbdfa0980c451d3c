package dev.stagger.gui.run.local;

import dev.stagger.engine.checkpoint.CheckpointWriter;
import dev.stagger.engine.live.Command;
import dev.stagger.engine.live.Event;
import dev.stagger.engine.live.LiveClient;
import dev.stagger.engine.live.LiveRun;
import dev.stagger.engine.live.Preview;
import dev.stagger.engine.live.PreviewRequest;
import dev.stagger.engine.live.RunFolderLock;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.Status;
import dev.stagger.engine.run.Progress;
import dev.stagger.engine.run.RunListener;
import dev.stagger.engine.project.RankFit;
import dev.stagger.engine.project.RankMemory;
import dev.stagger.engine.project.SourceMap;
import dev.stagger.engine.run.RunPlan;
import dev.stagger.engine.run.RunPlanner;
import dev.stagger.engine.run.RunSummary;
import dev.stagger.engine.run.Simulation;
import dev.stagger.engine.run.VtkOutput;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.run.RunRequest;
import dev.stagger.gui.run.RunTarget;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * "This computer": the engine inside the workbench's JVM, one {@link Simulation} per run on a
 * background executor, followed through an in-process {@link LiveRun} (the monitor gets its
 * {@code client()}, the same API as a socket client). Output goes to the request's folder as VTK.
 */
public final class EmbeddedRunTarget implements RunTarget {
    private static final System.Logger LOG = System.getLogger(EmbeddedRunTarget.class.getName());
    private final Executor background;
    private final Executor ui;
    private final Clock clock;

    /**
     * @param background runs the simulations (a thread per run in the app, the caller's thread in tests)
     * @param ui where job properties are updated ({@code Platform::runLater} in the app)
     */
    public EmbeddedRunTarget(Executor background, Executor ui, Clock clock) {
        this.background = background;
        this.ui = ui;
        this.clock = clock;
    }

    @Override
    public String displayName() {
        return "This computer";
    }

    @Override
    public RunJob start(RunRequest request) throws java.io.IOException {
        RunProcesses.refuseIfRunGoingIn(request.outputDir());
        // planning checks the project; a mistake is thrown here, before any job exists
        RunPlan plan = RunPlanner.plan(request.project(), request.name(), request.overrides());
        // the rules of the command line: the grid must fit one rank and this JVM's heap, and one live run per folder
        List<dev.stagger.engine.project.Problem> problems = new RankFit(plan.grid(), plan.ranks()).problems(1,
                RankMemory.ofThisJava(plan.model().arraysPerRank(plan.grid().dims()), plan.precision().bytes(), 1),
                SourceMap.none(request.name()));
        if (!problems.isEmpty()) {
            throw new java.io.IOException(String.join("; ", problems.stream()
                    .map(p -> p.keyPath() + ": " + p.message()).toList()));
        }
        // the project's run.backend, as the command line takes it: cuda that cannot run stops here, auto may fall back
        dev.stagger.engine.backend.BackendChoice backend;
        try {
            dev.stagger.engine.backend.Backend asked = request.overrides().backend() != null
                    ? request.overrides().backend() : request.project().run().backend();
            backend = dev.stagger.engine.backend.BackendChoice.resolve(asked,
                    dev.stagger.engine.backend.CudaProbe.ofThisMachine());
        } catch (dev.stagger.engine.backend.BackendChoice.UnavailableException e) {
            throw new java.io.IOException(e.getMessage());
        }
        RunFolderLock lock = RunFolderLock.acquire(request.outputDir(), "the workbench (pid "
                + ProcessHandle.current().pid() + "), run " + request.name() + ", started " + clock.instant());
        RunJob job = new RunJob(request.name(), displayName(), request.outputDir(), clock.instant(), ui);
        job.report(new RunJob.Snapshot(RunState.STARTING, 0, plan.totalSteps(), 0, 0, "starting"));
        background.execute(() -> {
            try (lock) {
                run(plan, request, job, backend);
            } catch (java.io.IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot release the output folder lock of " + request.outputDir(), e);
                // the run's end is reported already; a lock file that cannot be released is released by the OS at exit
            }
        });
        return job;
    }

    private static void reportStatus(RunJob job, LiveRun live, String answer) {
        Status s = live.status();
        if (!s.state().isOver()) {
            job.report(new RunJob.Snapshot(s.state(), s.step(), s.totalSteps(), s.time(), s.wallSeconds(), answer));
        }
    }

    private void run(RunPlan plan, RunRequest request, RunJob job, dev.stagger.engine.backend.BackendChoice backend) {
        long t0 = System.nanoTime();
        dev.stagger.engine.launch.KernelExecutor executor = plan.threads() > 1
                ? new dev.stagger.engine.launch.WorkerPool(plan.threads(), "stagger-worker")
                : new dev.stagger.engine.launch.SerialExecutor();
        // the ranks table shows where the run computes, and why on the CPU when auto fell back
        try (Simulation simulation = new Simulation(plan, new dev.stagger.engine.distributed.SelfCommunicator(),
                executor, true, null, backend)) {
            Files.createDirectories(request.outputDir());
            List<String> fields = new ArrayList<>();
            simulation.solver().fields().forEach(f -> fields.add(f.name()));
            LiveRun live = new LiveRun(new Status(plan.name(), plan.title(), plan.model().description().name(),
                    RunState.STARTING, 0, plan.totalSteps(), 0, plan.endTime(), 0, 0, 1, List.of(), fields,
                    plan.grid().dims(), plan.grid().cells()));
            // pause and resume from the job list or the monitor show in the job's state at once (no step reports while paused)
            job.attach(new ReportingClient(live.client(), answer -> reportStatus(job, live, answer)));
            job.controlWith(command -> live.control(command).thenApply(answer -> {
                reportStatus(job, live, answer);
                return answer;
            }));
            job.stopWith(() -> { }); // the flag below is polled between steps
            Simulation.Checkpointer checkpointer = (step, time) -> CheckpointWriter.write(request.outputDir(),
                    plan.name(), step, time, simulation.decomposition(), simulation.communicator(),
                    simulation.solver().fields(), plan.model().description().name()).toString();
            RunListener listener = new RunListener() {
                @Override
                public void stepped(Progress p) {
                    job.report(new RunJob.Snapshot(RunState.RUNNING, p.step(), p.totalSteps(), p.time(),
                            p.wallSeconds(), String.format(Locale.ROOT, "step %d of %d, t = %.4g", p.step(),
                                    p.totalSteps(), p.time())));
                }
            };
            RunSummary summary;
            try (VtkOutput output = new VtkOutput(request.outputDir(), plan.name(), simulation.decomposition(),
                    simulation.communicator())) {
                summary = simulation.run(output, listener, job::isStopRequested, live, checkpointer);
            }
            job.report(new RunJob.Snapshot(summary.stoppedEarly() ? RunState.STOPPED : RunState.FINISHED, summary.steps(),
                    plan.totalSteps(), summary.time(), summary.wallSeconds(), summary.line()));
        } catch (Exception | OutOfMemoryError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            job.report(new RunJob.Snapshot(RunState.FAILED, -1, -1, Double.NaN, (System.nanoTime() - t0) * 1e-9,
                    "failed: " + why));
        }
    }

    /** The in-process client, telling the job after each control it passes on. */
    private record ReportingClient(LiveClient client, java.util.function.Consumer<String> afterControl)
            implements LiveClient {
        @Override
        public Status status() throws java.io.IOException {
            return client.status();
        }

        @Override
        public List<Event> events(long after, int max, long waitMillis) throws java.io.IOException {
            return client.events(after, max, waitMillis);
        }

        @Override
        public Preview preview(PreviewRequest request, long timeoutMillis) throws java.io.IOException {
            return client.preview(request, timeoutMillis);
        }

        @Override
        public String control(Command command, long timeoutMillis) throws java.io.IOException {
            String answer = client.control(command, timeoutMillis);
            afterControl.accept(answer);
            return answer;
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
