package dev.stagger.engine.cli;

import dev.stagger.engine.live.LiveRun;
import dev.stagger.engine.live.LiveServer;
import dev.stagger.engine.live.RunEndpoint;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.RunStateFile;
import dev.stagger.engine.live.Status;
import dev.stagger.engine.live.Wire;
import dev.stagger.engine.run.RunPlan;
import dev.stagger.engine.run.Simulation;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rank 0's live side of a CLI run: the {@link LiveRun}, its server on a free port, and the run
 * directory's endpoint and state files. Closing it lets attached clients read the end of the
 * stream (up to a couple of seconds) before the server goes.
 */
final class LiveSide implements AutoCloseable {
    private static final long LINGER_MILLIS = 2_000;

    private final LiveRun run;
    private final LiveServer server;
    private final Path directory;

    private LiveSide(LiveRun run, LiveServer server, Path directory) {
        this.run = run;
        this.server = server;
        this.directory = directory;
    }

    static LiveSide start(RunPlan plan, Path directory, String address, Simulation simulation) throws IOException {
        List<String> fields = new ArrayList<>();
        simulation.solver().fields().forEach(f -> fields.add(f.name()));
        Status initial = new Status(plan.name(), plan.title(), plan.model().description().name(), RunState.STARTING,
                simulation.step(), plan.totalSteps(), simulation.time(), plan.endTime(), 0, 0,
                simulation.communicator().size(), List.of(), fields, plan.grid().dims(), plan.grid().cells());
        LiveRun run = new LiveRun(initial);
        Files.createDirectories(directory);
        LiveServer server = LiveServer.start(run, LiveServer.newToken(), InetAddress.getByName(address));
        String host = server.address().isAnyLocalAddress() ? InetAddress.getLocalHost().getHostName()
                : server.address().getHostAddress();
        new RunEndpoint(host, server.port(), server.token(), Wire.VERSION_MAX, ProcessHandle.current().pid(),
                Instant.now(), plan.name(), directory).write();
        new RunStateFile(RunState.RUNNING, simulation.step(), simulation.time(), Instant.now(), "").write(directory);
        return new LiveSide(run, server, directory);
    }

    LiveRun run() {
        return run;
    }

    void finish(RunState state, long step, double time, String message) {
        try {
            new RunStateFile(state, step, time, Instant.now(), message).write(directory);
        } catch (IOException e) {
            // the run's own outcome is already printed; a missing state file only loses the after-the-fact view
        }
    }

    @Override
    public void close() {
        server.closeWhenClientsLeave(LINGER_MILLIS);
    }
}
