package dev.stagger.engine.cli;

import dev.stagger.engine.distributed.Communicator;
import dev.stagger.engine.distributed.Communicators;
import dev.stagger.engine.distributed.SelfCommunicator;
import dev.stagger.engine.checkpoint.Checkpoint;
import dev.stagger.engine.checkpoint.CheckpointWriter;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.launch.KernelExecutor;
import dev.stagger.engine.launch.SerialExecutor;
import dev.stagger.engine.launch.WorkerPool;
import dev.stagger.engine.model.FieldDescription;
import dev.stagger.engine.project.LoadedProject;
import dev.stagger.engine.project.Problem;
import dev.stagger.engine.project.RankFit;
import dev.stagger.engine.project.RankMemory;
import dev.stagger.engine.run.RunPlan;
import dev.stagger.engine.run.RunFailedException;
import dev.stagger.engine.run.RunPlanner;
import dev.stagger.engine.run.RunSummary;
import dev.stagger.engine.run.Simulation;
import dev.stagger.engine.run.VtkOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code stagger run PROJECT}: runs on this machine's cores, writes a VTK time series, prints a
 * progress bar and a summary. Ctrl-C stops after the current step and writes the state reached.
 */
@Command(name = "run", description = "Run a project on this machine and write its output as VTK (.vti + .pvd).")
final class RunCommand implements Callable<Integer> {
    /** How long Ctrl-C waits for the current step and the last output before the JVM goes. */
    private static final long STOP_GRACE_SECONDS = 60;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PROJECT", description = "the project file (YAML)")
    Path project;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: the project's, else all cores)")
    Integer threads;

    @Option(names = "--steps", paramLabel = "N", description = "number of steps, instead of the project's steps or end time")
    Long steps;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: ./<project name>-output)")
    Path out;

    @Option(names = "--precision", paramLabel = "f32|f64", converter = PrecisionConverter.class,
            description = "floating-point precision of the fields")
    Precision precision;

    @Option(names = "--backend", paramLabel = "cpu|cuda|auto", converter = BackendConverter.class,
            description = "where to compute: cpu, cuda (one GPU per rank; fails naming what is missing) or auto"
                    + " (a GPU when usable, else the CPU with a message); default: the project's run.backend, else cpu")
    dev.stagger.engine.backend.Backend backend;

    /** What {@link #chooseBackend} granted: the CPU until a project is loaded. */
    private dev.stagger.engine.backend.BackendChoice chosenBackend = dev.stagger.engine.backend.BackendChoice.cpu(null);

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "override a project key by its dotted path, e.g. --set model.parameters.chi=2 (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "no progress bar, only the summary")
    boolean quiet;

    @Option(names = "--ranks", paramLabel = "N",
            description = "run as N MPI ranks on this machine (starts mpirun; needs Open MPI)")
    Integer ranks;

    @Option(names = "--no-overlap", hidden = true, description = "exchange halos after the inner region (benchmarks)")
    boolean noOverlap;

    @Option(names = "--restart", paramLabel = "CHECKPOINT",
            description = "continue from a checkpoint folder (<name>_ckpt_<step>) instead of the initial conditions")
    Path restart;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "write a checkpoint every N steps (default: the project's output.checkpoint_every)")
    Long checkpointEvery;

    /** output.checkpoint_every of the loaded project. */
    private long projectCheckpointEvery;

    @Option(names = "--serve-address", paramLabel = "ADDRESS",
            description = "where the live-run server listens (default 127.0.0.1; a cluster node's name for remote watching)")
    String serveAddress = "127.0.0.1";

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (threads != null && threads < 1) {
            err.println("stagger: --threads must be at least 1, got " + threads);
            return StaggerCli.EXIT_USAGE;
        }
        if (steps != null && steps < 1) {
            err.println("stagger: --steps must be at least 1, got " + steps);
            return StaggerCli.EXIT_USAGE;
        }
        if (checkpointEvery != null && checkpointEvery < 0) {
            err.println("stagger: --checkpoint-every must be 0 (none) or more, got " + checkpointEvery);
            return StaggerCli.EXIT_USAGE;
        }
        if (ranks != null && ranks < 1) {
            err.println("stagger: --ranks must be at least 1, got " + ranks);
            return StaggerCli.EXIT_USAGE;
        }
        int launched = Communicators.launchedRanks();
        if (ranks != null && ranks > 1 && launched == 1) {
            // check everything here, before any rank starts: a bad project fails once, not N times
            RunPlan plan = load(err, ranks, (arrays, bytes) -> RankMemory.forRanksToStart(arrays, bytes,
                    MpiLauncher.rankHeap(ranks), ranks));
            if (plan == null) {
                return StaggerCli.EXIT_USAGE;
            }
            int perRank = threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / ranks);
            // held across mpirun's whole life, so that rank 0 of this job finds the folder already its own
            try (RunFolderClaim claim = RunFolderClaim.take(outputDir(), project, err)) {
                return claim.refused() ? claim.refusal()
                        : MpiLauncher.launch(ranks, perRank, argumentsWithoutRanks(), outputDir(), err);
            }
        }
        if (launched > 1) {
            return runAsRank(err);
        }
        RunPlan plan = load(err, 1, (arrays, bytes) -> RankMemory.ofThisJava(arrays, bytes, 1));
        if (plan == null) {
            return StaggerCli.EXIT_USAGE;
        }
        try (RunFolderClaim claim = RunFolderClaim.take(outputDir(), project, err)) {
            return claim.refused() ? claim.refusal() : run(plan, new SelfCommunicator(), err);
        }
    }

    private Path outputDir() {
        return out != null ? out : Path.of(ProjectLoading.name(project) + "-output");
    }

    /**
     * Loads and plans the project; null after printing why it cannot run on {@code rankCount} ranks
     * with the memory {@code memory} says each has (given the arrays per rank and bytes per value).
     */
    private RunPlan load(PrintWriter err, int rankCount,
            java.util.function.BiFunction<Integer, Integer, RankMemory> memory) {
        LoadedProject loaded = ProjectLoading.load(project, overrides, err);
        if (loaded == null) {
            return null;
        }
        projectCheckpointEvery = loaded.project().output().checkpointEvery();
        if (!chooseBackend(loaded.project().run().backend(), err)) {
            return null;
        }
        int threadsPerRank = threads != null ? threads
                : Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, Communicators.localRanks()));
        Integer chosenThreads = threads != null || Communicators.localRanks() > 1 ? threadsPerRank : null;
        RunPlan plan = RunPlanner.plan(loaded.project(), ProjectLoading.name(project),
                new RunPlanner.RunOverrides(chosenThreads, steps, precision));
        if (restart != null && !checkRestart(plan, err)) {
            return null;
        }
        // what validation could not know: how many ranks share the grid, and how much memory each has
        List<Problem> problems = new RankFit(plan.grid(), plan.ranks()).problems(rankCount,
                memory.apply(plan.model().arraysPerRank(plan.grid().dims()), plan.precision().bytes()),
                loaded.sourceMap());
        if (!problems.isEmpty()) {
            ProjectLoading.report(project, problems, err);
            return null;
        }
        Verbose.note(err, "planned " + rankCount + (rankCount == 1 ? " rank" : " ranks") + ", "
                + plan.threads() + " thread(s) each, time step " + plan.dt() + ", output to " + outputDir().toAbsolutePath());
        return plan;
    }

    /**
     * Opens the checkpoint to restart from and checks it against this run: sound (manifest
     * checksum; and every rank file's CRC32 where this process is all of the run or starts it),
     * of this model, grid, fields and precision, and before this run's last step. False after
     * saying why not (a problem of the user's input: exit 2).
     */
    private boolean checkRestart(RunPlan plan, PrintWriter err) {
        Checkpoint c;
        try {
            c = Checkpoint.open(restart);
            List<Checkpoint.FieldInfo> needed = new ArrayList<>();
            for (FieldDescription f : plan.model().fields(plan.grid().dims())) {
                if (f.prognostic()) {
                    needed.add(new Checkpoint.FieldInfo(f.name(), List.of(f.location())));
                }
            }
            c.requireCompatible(plan.grid(), plan.precision(), plan.model().description().name(), needed);
        } catch (IOException e) {
            err.println("stagger: " + e.getMessage());
            Verbose.causes(err, e);
            return false;
        }
        long last = plan.totalSteps();
        if (c.step() >= last) {
            err.println("stagger: the checkpoint " + restart + " is at step " + c.step() + ", at or past this run's last"
                    + " step " + last + ": nothing to do; raise --steps (or the project's steps or end time) above "
                    + c.step() + " to continue it");
            return false;
        }
        if (Communicators.launchedRanks() == 1) {
            // the whole run (or the launcher of its ranks): a damaged rank file is found here, not mid-start
            try {
                c.verify();
            } catch (IOException e) {
                err.println("stagger: " + e.getMessage());
                Verbose.causes(err, e);
                return false;
            }
        }
        if (!c.manifestChecksummed()) {
            err.println("stagger: warning: checkpoint " + restart + " has no manifest_sha256 (an older Stagger wrote"
                    + " it): its step " + c.step() + " and time " + c.time() + " cannot be checked; its rank files"
                    + " are still checked by their CRC32");
        }
        String name = ProjectLoading.name(project);
        if (!c.projectName().equals(name)) {
            err.println("stagger: note: checkpoint " + restart + " was written by project " + c.projectName()
                    + ", this is " + name + "; allowed, as model, grid, fields and precision match");
        }
        err.flush();
        opened = c;
        return true;
    }

    /** The checkpoint {@link #checkRestart} opened and checked, read again by the run. */
    private Checkpoint opened;

    /** One rank of a job mpirun started: rank 0 speaks for all; a failure on any rank ends the job. */
    private int runAsRank(PrintWriter err) {
        Communicator comm;
        try {
            comm = Communicators.open();
        } catch (IllegalStateException e) {
            err.println("stagger: " + e.getMessage());
            return StaggerCli.EXIT_FAILED;
        }
        boolean root = comm.rank() == 0;
        // every rank reads the same project and finds the same problems: only rank 0 reports them
        PrintWriter quietErr = new PrintWriter(java.io.OutputStream.nullOutputStream());
        RunPlan plan = load(root ? err : quietErr, comm.size(),
                (arrays, bytes) -> RankMemory.ofThisJava(arrays, bytes, Communicators.localRanks()));
        if (plan == null) {
            comm.close();
            return StaggerCli.EXIT_USAGE;
        }
        RunFolderClaim claim = root ? RunFolderClaim.takeForJob(outputDir(), project, err) : RunFolderClaim.outcome(0);
        // every rank learns rank 0's answer, so a refused job ends on all ranks without an abort
        int refusal = (int) comm.allReduce(claim.refusal(), Communicator.ReduceOp.MAX);
        if (refusal != StaggerCli.EXIT_OK) {
            claim.close();
            comm.close();
            return refusal;
        }
        int exit;
        try (claim) {
            exit = run(plan, comm, err);
        } catch (RuntimeException | Error e) {
            // a failure only this rank sees: say so once, from here, and end every rank of the job
            err.println("stagger: rank " + comm.rank() + " on " + comm.hostName() + " failed: " + e);
            Verbose.causes(err, e);
            err.flush();
            comm.abort(StaggerCli.EXIT_FAILED);
            return StaggerCli.EXIT_FAILED;
        }
        comm.close();
        return exit;
    }

    private int run(RunPlan plan, Communicator comm, PrintWriter err) {
        boolean root = comm.rank() == 0;
        PrintWriter stdout = root ? spec.commandLine().getOut() : new PrintWriter(java.io.OutputStream.nullOutputStream());
        String name = ProjectLoading.name(project);
        Path outputDir = outputDir();
        stdout.println("Running " + project + (comm.size() > 1 ? " on " + comm.size() + " ranks" : "")
                + (restart != null ? ", continuing from " + restart : ""));
        stdout.println(RunDescription.of(plan));
        stdout.flush();

        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                finished.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stagger-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        LiveSide live = null;
        boolean started = false;
        try (Simulation simulation = new Simulation(plan, comm, executorFor(plan), !noOverlap, openRestart(),
                chosenBackend)) {
            started = true;
            simulation.checkpointEvery(checkpointEvery != null ? checkpointEvery : projectCheckpointEvery);
            VtkOutput output = new VtkOutput(outputDir, name, simulation.decomposition(), comm);
            if (restart != null) {
                output.resumingAt(simulation.time());
            }
            if (root && simulation.solver().device() != null) {
                // rank 0's device; every rank's is in the live status (attach, the monitor's ranks table)
                stdout.println("  on the GPU: " + simulation.solver().device()
                        + (comm.size() > 1 ? " (rank 0; each rank takes its node's next device)" : ""));
            }
            if (root) {
                live = LiveSide.start(plan, outputDir, serveAddress, simulation);
                if (System.getenv("STAGGER_CLUSTER_RUN") == null && System.getenv("SLURM_JOB_ID") == null) {
                    // a run of this machine, not a cluster job (those are listed from their run directories)
                    dev.stagger.engine.live.LocalRunIndex.forUser(System.getenv(), Path.of(System.getProperty("user.home")))
                            .record(outputDir, name, java.time.Instant.now());
                }
                stdout.println("Watch it: ./stagger attach " + outputDir + "   (preview, pause, resume, stop, checkpoint)");
                stdout.flush();
            }
            boolean silent = quiet || !root;
            // --verbose: a progress line per hundredth of the run, in a log or on a terminal
            ProgressPrinter progress = Verbose.on() && !silent ? new ProgressPrinter(err, true, false, 100)
                    : new ProgressPrinter(err, silent || System.console() == null, silent);
            Simulation.Checkpointer checkpointer = (step, time) -> CheckpointWriter.write(outputDir, name, step, time,
                    simulation.decomposition(), comm, simulation.solver().fields(), plan.model().description().name())
                    .toString();
            RunSummary summary;
            try {
                summary = simulation.run(output, progress, stop::get, live == null ? null : live.run(), checkpointer);
            } catch (RunFailedException e) {
                progress.clear();
                return failedTogether(live, err, comm, e, output);
            }
            progress.clear();
            stdout.println(summary.line());
            if (summary.ranks() > 1 || simulation.solver().device() != null) {
                summary.perRank().forEach(l -> stdout.println("  " + l));
            }
            stdout.println("Output: " + output.pvdFile() + " (open it in ParaView)");
            stdout.flush();
            if (live != null) {
                live.finish(summary.stoppedEarly() ? RunState.STOPPED : RunState.FINISHED, summary.steps(),
                        summary.time(), summary.line());
            }
            return summary.stoppedEarly() && stop.get() ? StaggerCli.EXIT_INTERRUPTED : StaggerCli.EXIT_OK;
        } catch (dev.stagger.engine.model.ModelCannotRunException e) {
            failed(live, err, comm, (comm.size() > 1 ? "rank " + comm.rank() + ": " : "") + e.getMessage());
            return StaggerCli.EXIT_FAILED;
        } catch (IOException | java.io.UncheckedIOException e) {
            String message = IoReason.of(e);
            Verbose.causes(err, e);
            if (!started && restart != null) {
                // reading the checkpoint failed (damaged, or not of this run): the user's input, not the output
                failed(live, err, comm, (comm.size() > 1 ? "rank " + comm.rank() + ": " : "") + message,
                        StaggerCli.EXIT_USAGE);
                return StaggerCli.EXIT_USAGE;
            }
            failed(live, err, comm, (comm.size() > 1 ? "rank " + comm.rank() + ": " : "") + "writing output to "
                    + outputDir + " failed: " + message);
            return StaggerCli.EXIT_FAILED;
        } catch (OutOfMemoryError e) {
            failed(live, err, comm, (comm.size() > 1 ? "rank " + comm.rank() + ": " : "") + "out of memory for "
                    + plan.grid() + "; give Java more (STAGGER_HEAP=16g ./stagger ...), use more ranks or fewer cells");
            return StaggerCli.EXIT_FAILED;
        } finally {
            if (live != null) {
                live.close();
            }
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the JVM is already exiting and the hook has done its job
            }
        }
    }

    /**
     * A failure every rank found at the same step (a field that stopped being finite): rank 0 says
     * it once and records it; the others wait for that, so mpirun (which ends a job when one of its
     * ranks exits with an error) cannot cut rank 0 short, and then all end with the same code.
     */
    private int failedTogether(LiveSide live, PrintWriter err, Communicator comm, RunFailedException e,
            VtkOutput output) {
        if (comm.rank() == 0) {
            err.println("stagger: " + e.getMessage());
            if (java.nio.file.Files.exists(output.pvdFile())) {
                err.println("stagger: output so far: " + output.pvdFile());
            }
            err.flush();
            if (live != null) {
                live.finish(RunState.FAILED, e.step(), e.time(), e.getMessage());
            }
        }
        if (comm.size() > 1) {
            comm.barrier();
        }
        return StaggerCli.EXIT_FAILED;
    }

    private dev.stagger.engine.checkpoint.Checkpoint openRestart() throws IOException {
        return restart == null ? null : opened != null ? opened : Checkpoint.open(restart);
    }

    /** Says what failed, records it for clients, and on several ranks ends them all. */
    private static void failed(LiveSide live, PrintWriter err, Communicator comm, String message) {
        failed(live, err, comm, message, StaggerCli.EXIT_FAILED);
    }

    private static void failed(LiveSide live, PrintWriter err, Communicator comm, String message, int exit) {
        err.println("stagger: " + message);
        err.flush();
        if (live != null) {
            live.finish(RunState.FAILED, live.run().status().step(), live.run().status().time(), message);
        }
        if (comm.size() > 1) {
            comm.abort(exit);
        }
    }

    private static KernelExecutor executorFor(RunPlan plan) {
        return plan.threads() > 1 ? new WorkerPool(plan.threads(), "stagger-worker") : new SerialExecutor();
    }

    /** The command line as given, less {@code --ranks N}: what each rank runs. */
    private List<String> argumentsWithoutRanks() {
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        List<String> result = new ArrayList<>();
        // the parse result holds the whole command line: keep what follows this subcommand's name
        for (int i = original.indexOf("run") + 1; i < original.size(); i++) {
            String a = original.get(i);
            if (a.equals("--ranks")) {
                i++;
            } else if (!a.startsWith("--ranks=")) {
                result.add(a);
            }
        }
        return result;
    }

    /**
     * The backend this run gets: false after saying why {@code cuda} cannot run here; a fallback
     * of {@code auto} to the CPU is said too, never silent.
     */
    private boolean chooseBackend(dev.stagger.engine.backend.Backend fromProject, PrintWriter err) {
        dev.stagger.engine.backend.Backend requested = backend != null ? backend : fromProject;
        try {
            dev.stagger.engine.backend.BackendChoice choice = dev.stagger.engine.backend.BackendChoice.resolve(requested,
                    dev.stagger.engine.backend.CudaProbe.ofThisMachine());
            if (choice.notice() != null) {
                err.println("stagger: " + choice.notice());
            }
            chosenBackend = choice;
            return true;
        } catch (dev.stagger.engine.backend.BackendChoice.UnavailableException e) {
            err.println("stagger: " + e.getMessage());
            err.println("stagger: nothing was run");
            return false;
        }
    }

    static final class BackendConverter implements ITypeConverter<dev.stagger.engine.backend.Backend> {
        @Override
        public dev.stagger.engine.backend.Backend convert(String value) {
            dev.stagger.engine.backend.Backend b = dev.stagger.engine.backend.Backend.parse(value);
            if (b == null) {
                throw new TypeConversionException("expected cpu, cuda or auto, got '" + value + "'");
            }
            return b;
        }
    }

    static final class PrecisionConverter implements ITypeConverter<Precision> {
        @Override
        public Precision convert(String value) {
            Precision p = Precision.parse(value);
            if (p == null) {
                throw new TypeConversionException("expected f32 or f64, got '" + value + "'");
            }
            return p;
        }
    }
}
