package dev.stagger.engine.run;

import dev.stagger.engine.distributed.HaloExchange;
import dev.stagger.engine.distributed.SingleRankExchange;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.launch.KernelExecutor;
import dev.stagger.engine.launch.Launcher;
import dev.stagger.engine.launch.SerialExecutor;
import dev.stagger.engine.launch.WorkerPool;
import dev.stagger.engine.model.Solver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The time loop of one run on this rank: steps the model's solver, writes outputs at the chosen
 * steps (the initial state, every N steps, the final state) and reports progress. A stop request
 * is honoured between steps; the state reached is then written like a final one, so nothing
 * computed is lost.
 */
public final class Simulation implements AutoCloseable {
    private final RunPlan plan;
    private final KernelExecutor executor;
    private final Solver solver;
    private long step;
    private double time;

    public Simulation(RunPlan plan) {
        this(plan, plan.threads() > 1 ? new WorkerPool(plan.threads(), "stagger-worker") : new SerialExecutor(),
                new SingleRankExchange(plan.grid()));
    }

    public Simulation(RunPlan plan, KernelExecutor executor, HaloExchange exchange) {
        this.plan = plan;
        this.executor = executor;
        RankContext context = new RankContext(plan.grid(), plan.precision(), plan.parameters(), new Launcher(executor),
                exchange, plan.initial(), plan.boundaries());
        this.solver = plan.model().createSolver(context);
    }

    public Solver solver() {
        return solver;
    }

    public long step() {
        return step;
    }

    public double time() {
        return time;
    }

    /** Runs to the end or until {@code stopRequested} says so; outputs go to {@code sink}. */
    public RunSummary run(OutputSink sink, RunListener listener, BooleanSupplier stopRequested) throws IOException {
        long total = plan.totalSteps();
        listener.started(plan, total);
        long start = System.nanoTime();
        long stepping = 0;
        long lastOutput = -1;
        write(sink, listener);
        lastOutput = step;
        boolean stopped = false;
        while (step < total) {
            if (stopRequested.getAsBoolean()) {
                stopped = true;
                break;
            }
            long t0 = System.nanoTime();
            double dt = plan.stepLength(step, time);
            solver.step(dt);
            stepping += System.nanoTime() - t0;
            step++;
            time = step == total && plan.endTime() > 0 ? plan.endTime() : time + dt;
            double wall = (System.nanoTime() - start) * 1e-9;
            listener.stepped(new Progress(step, total, time, wall, cellsPerSecond(step, stepping)));
            if (plan.outputEvery() > 0 && step % plan.outputEvery() == 0) {
                write(sink, listener);
                lastOutput = step;
            }
        }
        if (lastOutput != step) {
            write(sink, listener);
        }
        double wall = (System.nanoTime() - start) * 1e-9;
        double steppingSeconds = stepping * 1e-9;
        double teff = steppingSeconds > 0 ? solver.effectiveBytesPerStep() * (double) step / steppingSeconds / 1e9 : 0;
        RunSummary summary = new RunSummary(step, time, wall, steppingSeconds, plan.grid().totalCells(),
                cellsPerSecond(step, stepping), teff, stopped);
        listener.finished(summary);
        return summary;
    }

    private double cellsPerSecond(long steps, long nanos) {
        return nanos > 0 ? plan.grid().totalCells() * (double) steps / (nanos * 1e-9) : 0;
    }

    private void write(OutputSink sink, RunListener listener) throws IOException {
        List<Field> fields = new ArrayList<>();
        for (String name : plan.outputFields()) {
            fields.add(solver.field(name));
        }
        List<Path> files = sink.write(step, time, fields);
        if (!files.isEmpty()) {
            listener.wrote(step, time, files);
        }
    }

    @Override
    public void close() {
        executor.close();
    }
}
