package dev.stagger.gui.monitor;

import dev.stagger.engine.distributed.SelfCommunicator;
import dev.stagger.engine.launch.SerialExecutor;
import dev.stagger.engine.live.LiveClient;
import dev.stagger.engine.live.LiveRun;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.Status;
import dev.stagger.engine.project.ProjectReader;
import dev.stagger.engine.run.OutputSink;
import dev.stagger.engine.run.RunListener;
import dev.stagger.engine.run.RunPlan;
import dev.stagger.engine.run.RunPlanner;
import dev.stagger.engine.run.RunSummary;
import dev.stagger.engine.run.Simulation;
import dev.stagger.engine.run.VtkOutput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A sample project run in this process on one worker thread with a {@link LiveRun}, as the
 * workbench's embedded target does: the same Simulation and Steering as a CLI run, no server.
 * Given a folder, it writes its output there as VTK ({@code embedded.pvd} and one .vti per output).
 */
final class EmbeddedRun implements AutoCloseable {
    final RunPlan plan;
    final Simulation simulation;
    final LiveRun live;
    private final CompletableFuture<RunSummary> result = new CompletableFuture<>();
    private final Thread thread;

    /** The run's name, and so its output's: {@code embedded.pvd}, {@code embedded_000020.vti}. */
    static final String NAME = "embedded";

    EmbeddedRun(String sample, String... overrides) throws Exception {
        this(null, sample, overrides);
    }

    EmbeddedRun(Path outputDir, String sample, String... overrides) throws Exception {
        Path file = Path.of("..", "sample-projects", sample);
        plan = RunPlanner.plan(ProjectReader.read(file, List.of(overrides)).project(), NAME,
                new RunPlanner.RunOverrides(1, null, null));
        simulation = new Simulation(plan, new SelfCommunicator(), new SerialExecutor());
        List<String> fields = new ArrayList<>();
        simulation.solver().fields().forEach(f -> fields.add(f.name()));
        live = new LiveRun(new Status(plan.name(), plan.title(), plan.model().description().name(), RunState.STARTING,
                0, plan.totalSteps(), 0, plan.endTime(), 0, 0, 1, List.of(), fields, plan.grid().dims(),
                plan.grid().cells()));
        OutputSink sink = outputDir == null ? OutputSink.NONE
                : new VtkOutput(outputDir, plan.name(), simulation.decomposition(), simulation.communicator());
        thread = new Thread(() -> {
            try {
                result.complete(simulation.run(sink, RunListener.NONE, () -> false, live,
                        (step, time) -> "checkpoint " + step + " (not written in tests)"));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "embedded-run");
        thread.setDaemon(true);
    }

    EmbeddedRun start() {
        thread.start();
        return this;
    }

    LiveClient client() {
        return live.client();
    }

    RunSummary awaitEnd() throws Exception {
        return result.get(120, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (thread.isAlive()) {
            live.control(dev.stagger.engine.live.Command.STOP);
            thread.join(30_000);
        }
        simulation.close();
    }
}
