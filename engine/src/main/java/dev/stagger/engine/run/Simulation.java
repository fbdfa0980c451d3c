package dev.stagger.engine.run;

import dev.stagger.engine.distributed.CartesianExchange;
import dev.stagger.engine.distributed.Communicator;
import dev.stagger.engine.distributed.Decomposition;
import dev.stagger.engine.distributed.SelfCommunicator;
import dev.stagger.engine.distributed.Topology;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.launch.KernelExecutor;
import dev.stagger.engine.launch.Launcher;
import dev.stagger.engine.launch.SerialExecutor;
import dev.stagger.engine.launch.WorkerPool;
import dev.stagger.engine.live.LiveRun;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.model.Solver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The time loop of one rank of a run: steps the model's solver on this rank's block, writes outputs
 * at the chosen steps (the initial state, every N steps, the final state) and reports progress. A
 * stop request is honoured between steps, by every rank at the same step (they agree through a
 * reduction); the state reached is then written like a final one, so nothing computed is lost.
 * A run whose fields stop being finite numbers stops as failed ({@link RunFailedException}) before
 * it writes them: its outputs up to then stay, none of garbage is added.
 */
public final class Simulation implements AutoCloseable {
    private final RunPlan plan;
    private final Communicator comm;
    private final Decomposition decomposition;
    private final KernelExecutor executor;
    private final CartesianExchange exchange;
    private final Solver solver;
    private final dev.stagger.engine.backend.BackendChoice backend;
    private long exchangeAtStart;
    private long step;
    private double time;
    private long checkpointEvery;
    /** Step of the last output written (-1: none yet), for the message of a run that fails. */
    private long lastOutput = -1;
    /** Step at which every field was last seen finite (-1: not yet). */
    private long lastFinite = -1;

    /** A run on one rank using the plan's threads. */
    public Simulation(RunPlan plan) {
        this(plan, new SelfCommunicator());
    }

    /** This rank's part of a run over {@code comm}, on the plan's threads. */
    public Simulation(RunPlan plan, Communicator comm) {
        this(plan, comm, plan.threads() > 1 ? new WorkerPool(plan.threads(), "stagger-worker") : new SerialExecutor());
    }

    public Simulation(RunPlan plan, Communicator comm, KernelExecutor executor) {
        this(plan, comm, executor, true);
    }

    /**
     * @param overlap whether halo exchange overlaps the inner region's computation (the default);
     *     off only to measure what overlap gains, the numbers are the same
     */
    public Simulation(RunPlan plan, Communicator comm, KernelExecutor executor, boolean overlap) {
        this(plan, comm, executor, overlap, null);
    }

    /**
     * A run that continues from {@code restart} (null: from the initial conditions): its fields,
     * step and time come from the checkpoint, which may have been written on another rank layout.
     */
    public Simulation(RunPlan plan, Communicator comm, KernelExecutor executor, boolean overlap,
            dev.stagger.engine.checkpoint.Checkpoint restart) {
        this(plan, comm, executor, overlap, restart, dev.stagger.engine.backend.BackendChoice.cpu(null));
    }

    /**
     * A run on the backend chosen for it: with {@code cuda} each rank's fields live on the GPU its
     * node-local rank picks; a notice (the fallback of {@code auto}) shows in the per-rank table.
     */
    public Simulation(RunPlan plan, Communicator comm, KernelExecutor executor, boolean overlap,
            dev.stagger.engine.checkpoint.Checkpoint restart, dev.stagger.engine.backend.BackendChoice backend) {
        this.plan = plan;
        this.backend = backend;
        this.comm = comm;
        this.executor = executor;
        Topology topology = new Topology(plan.ranksFor(comm.size()), plan.grid().periodic());
        this.decomposition = new Decomposition(plan.grid(), topology);
        this.exchange = new CartesianExchange(comm, topology);
        RankContext context = new RankContext(decomposition.block(comm.rank()), plan.precision(), plan.parameters(),
                new Launcher(executor, overlap && worthOverlapping(comm, executor)), exchange, plan.initial(),
                plan.boundaries());
        context.communicator(comm);
        context.overlap(overlap);
        if (restart != null) {
            int[] offset = decomposition.offset(comm.rank());
            context.initialValuesFrom((field, name) -> restart.readInto(field, name, offset))
                    .restartingAt(restart.step());
            this.step = restart.step();
            this.time = restart.time();
        }
        if (backend.devices() != null) {
            context.device(backend.devices().open(
                    dev.stagger.engine.backend.Devices.localRank(System.getenv(), comm.rank())));
        }
        this.solver = plan.model().createSolver(context);
    }

    /**
     * Overlap needs someone to talk to (another rank) and someone to compute meanwhile (a second
     * thread); otherwise the plain order is as fast and keeps rows in cache.
     */
    private static boolean worthOverlapping(Communicator comm, KernelExecutor executor) {
        return comm.size() > 1 && executor.threads() > 1;
    }

    public Solver solver() {
        return solver;
    }

    public Decomposition decomposition() {
        return decomposition;
    }

    public Communicator communicator() {
        return comm;
    }

    public long step() {
        return step;
    }

    public double time() {
        return time;
    }

    /** Runs to the end or until {@code stopRequested} says so on any rank; outputs go to {@code sink}. */
    public RunSummary run(OutputSink sink, RunListener listener, BooleanSupplier stopRequested) throws IOException {
        return run(sink, listener, stopRequested, null, (s, t) -> {
            throw new IOException("this run has no checkpoint folder");
        });
    }

    /**
     * Runs with a live side: on rank 0 {@code live} receives status, progress, metrics and logs and
     * hands over the clients' requests (null on the other ranks and when nobody may watch);
     * {@code checkpointer} writes a checkpoint when one is due or asked for.
     */
    public RunSummary run(OutputSink sink, RunListener listener, BooleanSupplier stopRequested, LiveRun live,
            Checkpointer checkpointer) throws IOException {
        long total = plan.totalSteps();
        List<String> fieldNames = new ArrayList<>();
        for (Field f : solver.fields()) {
            fieldNames.add(f.name());
        }
        LiveReporter reporter = new LiveReporter(live, plan, total, describeRanks(), fieldNames, comm.size());
        FiniteGuard guard = new FiniteGuard(comm);
        // a checkpoint a client asks for must not save a diverged state either
        Steering steering = new Steering(comm, live, stopRequested, (s, t) -> {
            requireFinite(guard, reporter);
            return checkpointer.write(s, t);
        }, fieldNames);
        reporter.state(RunState.RUNNING, step, time);
        listener.started(plan, total);
        // the exchanges of setting up (which wait for the slowest rank to start) are not the run's
        exchangeAtStart = exchange.nanos();
        long start = System.nanoTime();
        long stepping = 0;
        requireFinite(guard, reporter);
        write(sink, listener, reporter);
        boolean stopped = false;
        while (step < total) {
            if (steering.atBoundary(step, time, solver, decomposition, step == 0, false)) {
                stopped = true;
                break;
            }
            long t0 = System.nanoTime();
            double dt = plan.stepLength(step, time);
            try {
                solver.step(dt);
            } catch (RunFailedException e) {
                // the model found it cannot go on (a pseudo-transient loop gave non-finite residuals)
                reporter.failed(step, time, e.getMessage());
                throw e;
            }
            if (!Double.isNaN(solver.lastStepLength())) {
                dt = solver.lastStepLength();
            }
            stepping += System.nanoTime() - t0;
            step++;
            time = step == total && plan.endTime() > 0 ? plan.endTime() : time + dt;
            double wall = (System.nanoTime() - start) * 1e-9;
            Progress progress = new Progress(step, total, time, wall, cellsPerSecond(step, stepping));
            listener.stepped(progress);
            reporter.stepped(progress, steering.paused());
            boolean outputDue = plan.outputEvery() > 0 && step % plan.outputEvery() == 0;
            boolean checkpointDue = checkpointEvery > 0 && step % checkpointEvery == 0 && step < total;
            if (outputDue || checkpointDue || step % FiniteGuard.EVERY_STEPS == 0) {
                requireFinite(guard, reporter);
            }
            if (outputDue) {
                write(sink, listener, reporter);
            }
            if (checkpointDue) {
                String where = checkpointer.write(step, time);
                reporter.log("checkpoint at step " + step + ": " + where);
            }
        }
        if (lastOutput != step) {
            requireFinite(guard, reporter);
            write(sink, listener, reporter);
        }
        // the final state: metrics once more, and previews asked for meanwhile are served from it
        steering.atBoundary(step, time, solver, decomposition, false, true);
        RunSummary summary = summary((System.nanoTime() - start) * 1e-9, stepping * 1e-9, stopped);
        reporter.finished(summary, stopped ? RunState.STOPPED : RunState.FINISHED);
        listener.finished(summary);
        return summary;
    }

    /**
     * Stops the run, on every rank alike, when a field holds a value that is not a finite number:
     * the live side hears why, and the caller gets a {@link RunFailedException} saying where.
     */
    private void requireFinite(FiniteGuard guard, LiveReporter reporter) {
        if (guard.checked(step)) {
            return;
        }
        FiniteGuard.Found found = guard.find(solver.fields(), solver.surelyFinite(), step);
        if (found == null) {
            lastFinite = step;
            return;
        }
        boolean diverged = lastFinite >= 0;
        String message = "field " + found.field() + " "
                + (diverged ? "became non-finite between steps " + lastFinite + " and " + step
                        : "is not finite at step " + step + ", where the run starts")
                + ": " + found.value() + " at " + found.where() + " is the first such value; "
                + (diverged ? "the run diverged and stops at step " + step : "the run cannot start") + ", and "
                + (lastOutput < 0 ? "no output was written" : "its outputs up to step " + lastOutput + " are kept");
        reporter.failed(step, time, message);
        throw new RunFailedException(message, step, time);
    }

    /** Steps between interval checkpoints (0: none). */
    public Simulation checkpointEvery(long steps) {
        this.checkpointEvery = steps;
        return this;
    }

    /** One line per rank for the live status: host, block, backend (rank 0 gets them all). */
    private List<String> describeRanks() {
        int[] cells = decomposition.cells(comm.rank());
        int[] offset = decomposition.offset(comm.rank());
        String where = solver.device() != null ? solver.device()
                : "cpu x " + executor.threads() + " thread(s)"
                        + (backend.notice() != null ? " (" + backend.notice() + ")" : "");
        String line = String.format(java.util.Locale.ROOT, "rank %d on %s: cells %s at %s, %s",
                comm.rank(), comm.hostName(), java.util.Arrays.toString(cells).replace(", ", "x"),
                java.util.Arrays.toString(offset).replace(" ", ""), where);
        return comm.size() == 1 ? List.of(line) : comm.gatherStrings(line, 0);
    }

    /** Writes a checkpoint of this rank's state, collectively; returns where it went. */
    @FunctionalInterface
    public interface Checkpointer {
        String write(long step, double time) throws IOException;
    }

    private RunSummary summary(double wall, double steppingSeconds, boolean stopped) {
        // the slowest rank sets the pace; bytes moved add up over ranks
        double[] max = comm.allReduce(new double[] {wall, steppingSeconds, haloSeconds()},
                Communicator.ReduceOp.MAX);
        double bytes = comm.allReduce(solver.effectiveBytesPerStep() * (double) step, Communicator.ReduceOp.SUM);
        double cellsPerSecond = max[1] > 0 ? plan.grid().totalCells() * (double) step / max[1] : 0;
        double teff = max[1] > 0 ? bytes / max[1] / 1e9 : 0;
        return new RunSummary(step, time, max[0], max[1], plan.grid().totalCells(), cellsPerSecond, teff, stopped,
                comm.size(), executor.threads(), max[2], rankTimes(steppingSeconds));
    }

    /**
     * Each rank's split of its stepping time, gathered on rank 0 (a collective call): computing
     * and exchanging halos; a device backend measures both itself (its launches return early).
     */
    private List<String> rankTimes(double steppingSeconds) {
        double[] own = solver.timings();
        double exchangeSeconds = haloSeconds();
        double computeSeconds = own.length == 2 ? own[0] : steppingSeconds - exchangeSeconds;
        String line = String.format(java.util.Locale.ROOT, "rank %d (%s): compute %.3f s, halo exchange %.3f s",
                comm.rank(), solver.device() != null ? solver.device() : "cpu x " + executor.threads(), computeSeconds,
                exchangeSeconds);
        if (comm.size() == 1) {
            return List.of(line);
        }
        List<String> all = comm.gatherStrings(line, 0);
        return all == null ? List.of() : all;
    }

    /** This rank's time exchanging halos since stepping began; a device backend's own measure when it has one. */
    private double haloSeconds() {
        double[] own = solver.timings();
        return own.length == 2 ? own[1] : (exchange.nanos() - exchangeAtStart) * 1e-9;
    }

    private double cellsPerSecond(long steps, long nanos) {
        return nanos > 0 ? plan.grid().totalCells() * (double) steps / (nanos * 1e-9) : 0;
    }

    private void write(OutputSink sink, RunListener listener, LiveReporter reporter) throws IOException {
        List<Field> fields = new ArrayList<>();
        for (String name : plan.outputFields()) {
            fields.add(solver.field(name));
        }
        List<Path> files = sink.write(step, time, fields);
        lastOutput = step;
        if (!files.isEmpty()) {
            listener.wrote(step, time, files);
            reporter.log("output at step " + step + ": " + files.get(0).getFileName());
        }
    }

    @Override
    public void close() {
        try {
            solver.close();
        } finally {
            executor.close();
        }
    }
}
