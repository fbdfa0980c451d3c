package dev.stagger.engine.live;

import dev.stagger.engine.distributed.Communicator;
import dev.stagger.engine.distributed.local.LocalGroup;
import dev.stagger.engine.launch.SerialExecutor;
import dev.stagger.engine.project.ProjectReader;
import dev.stagger.engine.run.OutputSink;
import dev.stagger.engine.run.RunListener;
import dev.stagger.engine.run.RunPlan;
import dev.stagger.engine.run.RunPlanner;
import dev.stagger.engine.run.RunSummary;
import dev.stagger.engine.run.Simulation;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A run on {@code ranks} in-process ranks with rank 0's live server up, for the protocol tests:
 * the same Simulation, Steering and server code as a CLI run, minus the processes.
 */
final class LiveHarness implements AutoCloseable {
    final RunPlan plan;
    final List<Simulation> simulations = new ArrayList<>();
    final LiveRun live;
    final LiveServer server;
    final String token = LiveServer.newToken();
    private final ExecutorService threads;
    final List<Future<RunSummary>> results = new ArrayList<>();

    LiveHarness(int ranks, String cells, long steps) throws Exception {
        this(ranks, cells, steps, LiveServer.Limits.DEFAULT);
    }

    LiveHarness(int ranks, String cells, long steps, LiveServer.Limits limits) throws Exception {
        String yaml = "format: 1\ntitle: live\ngrid:\n  origin: [-2, -1]\n  extent: [4, 2]\n  cells: " + cells + "\n"
                + "model:\n  name: diffusion\nfields:\n  C:\n    initial: exp(-x^2 - 3*y^2) + 0.2*x\n"
                + "run:\n  steps: " + steps + "\n";
        plan = RunPlanner.plan(ProjectReader.parse(yaml, "live.yaml", List.of()).project(), "live",
                RunPlanner.RunOverrides.NONE);
        List<Communicator> comms = LocalGroup.create(ranks);
        live = new LiveRun(new Status("live", "live", "diffusion", RunState.STARTING, 0, steps, 0, 0, 0, 0, ranks,
                List.of(), List.of("C"), 2, plan.grid().cells()));
        server = LiveServer.start(live, token, InetAddress.getLoopbackAddress(), limits);
        threads = Executors.newFixedThreadPool(ranks);
        // each rank builds its simulation on its own thread: building fills halos, which takes all ranks
        List<java.util.concurrent.CompletableFuture<Simulation>> built = new ArrayList<>();
        for (int r = 0; r < ranks; r++) {
            built.add(new java.util.concurrent.CompletableFuture<>());
        }
        for (int r = 0; r < ranks; r++) {
            Communicator c = comms.get(r);
            LiveRun mine = r == 0 ? live : null;
            java.util.concurrent.CompletableFuture<Simulation> mineBuilt = built.get(r);
            results.add(threads.submit(() -> {
                Simulation s = new Simulation(plan, c, new SerialExecutor());
                mineBuilt.complete(s);
                return s.run(OutputSink.NONE, RunListener.NONE, () -> false, mine, (step, time) -> "not here");
            }));
        }
        for (java.util.concurrent.CompletableFuture<Simulation> b : built) {
            simulations.add(b.get(60, TimeUnit.SECONDS));
        }
    }

    SocketLiveClient client() throws Exception {
        return SocketLiveClient.connect("127.0.0.1", server.port(), token, "test");
    }

    RunSummary awaitEnd() throws Exception {
        RunSummary first = null;
        for (Future<RunSummary> f : results) {
            RunSummary s = f.get(120, TimeUnit.SECONDS);
            first = first == null ? s : first;
        }
        return first;
    }

    @Override
    public void close() {
        server.close();
        threads.shutdownNow();
        simulations.forEach(Simulation::close);
    }
}
