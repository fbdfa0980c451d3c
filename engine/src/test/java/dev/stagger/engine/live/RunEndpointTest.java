package dev.stagger.engine.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What connecting through a run's endpoint file says when it fails: the run's own refusal as it is,
 * or, when nothing answers, only what is true. The state file is written at the start and the end, so
 * while a run goes on it says "running at step 0": never quoted then.
 */
class RunEndpointTest {
    private static final long THIS_PROCESS = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @Test
    void aRunThatEndedIsToldByItsStateFile() throws Exception {
        Instant started = Instant.now();
        new RunStateFile(RunState.STOPPED, 120, 0.5, Instant.now(), "Stopped after 120 steps").write(dir);
        assertThatThrownBy(() -> endpoint(closedPort(), THIS_PROCESS, started).connect("test"))
                .hasMessageEndingWith("is not answering at 127.0.0.1:" + lastPort
                        + ": it has ended; its state file says stopped at step 120 (Stopped after 120 steps)");
    }

    @Test
    void aLiveProcessIsSaidToBeAliveAndTheStartOfTheStateFileIsNotQuoted() throws Exception {
        Instant started = Instant.now(); // a process is older than its endpoint file; a younger one took over a pid
        new RunStateFile(RunState.RUNNING, 0, 0, Instant.now(), "").write(dir);
        assertThatThrownBy(() -> endpoint(closedPort(), THIS_PROCESS, started).connect("test"))
                .hasMessageStartingWith("run 'crowded' is not answering at 127.0.0.1:" + lastPort + " (")
                .hasMessageEndingWith("; its process (pid " + THIS_PROCESS + ") is still alive: try again in a moment")
                .hasMessageNotContaining("step 0");
    }

    @Test
    void aVanishedProcessIsSaidToBeGone() throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        new RunStateFile(RunState.RUNNING, 0, 0, Instant.now(), "").write(dir);
        assertThatThrownBy(() -> endpoint(closedPort(), exited.pid(), Instant.now().minusSeconds(1)).connect("test"))
                .hasMessageContaining("; its process (pid " + exited.pid() + ") is gone without recording an end (killed?)"
                        + "; recorded as failed in " + dir.resolve(RunStateFile.FILE_NAME))
                .hasMessageNotContaining("running");
        // whoever comes next reads the truth from the state file, not "running"
        RunStateFile recorded = RunStateFile.read(dir);
        assertThat(recorded.state()).isEqualTo(RunState.FAILED);
        assertThat(recorded.message()).contains("pid " + exited.pid(), "killed?");
        assertThatThrownBy(() -> endpoint(closedPort(), exited.pid(), Instant.now().minusSeconds(1)).connect("test"))
                .hasMessageContaining("it has ended; its state file says failed");
    }

    @Test
    void aVanishedProcessIsNotRecordedWhileAnotherRunHoldsTheFolder() throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        new RunStateFile(RunState.RUNNING, 0, 0, Instant.now(), "").write(dir);
        try (RunFolderLock held = RunFolderLock.acquire(dir, "a run in this folder")) {
            assertThatThrownBy(() -> endpoint(closedPort(), exited.pid(), Instant.now().minusSeconds(1)).connect("test"))
                    .hasMessageEndingWith("is gone without recording an end (killed?)");
        }
        assertThat(RunStateFile.read(dir).state()).isEqualTo(RunState.RUNNING);
    }

    @Test
    void theEndOfAnEarlierRunInTheSameFolderIsNotThisRunsEnd() throws Exception {
        new RunStateFile(RunState.FINISHED, 100, 1, Instant.now().minus(Duration.ofHours(1)), "Done: 100 steps").write(dir);
        assertThatThrownBy(() -> endpoint(closedPort(), THIS_PROCESS, Instant.now()).connect("test"))
                .hasMessageContaining("is still alive").hasMessageNotContaining("finished");
    }

    @Test
    void aRunOnAnotherHostIsNotJudgedByAPidHere() {
        RunEndpoint elsewhere = new RunEndpoint("192.0.2.7", 4000, "t", 1, THIS_PROCESS, Instant.now(), "far", dir);
        assertThat(RunProcess.of(elsewhere)).isEqualTo(RunProcess.ELSEWHERE);
        assertThat(NotAnswering.explain(elsewhere, "Connection timed out")).isEqualTo("run 'far' is not answering at "
                + "192.0.2.7:4000 (Connection timed out); its process (pid " + THIS_PROCESS + " on 192.0.2.7) cannot be checked from here");
    }

    @Test
    void aRefusalIsTheRunsOwnAnswerWithNothingAdded() throws Exception {
        try (LiveHarness run = new LiveHarness(1, "[40, 20]", 100_000_000,
                new LiveServer.Limits(Duration.ofSeconds(10), 8, 1)); SocketLiveClient first = run.client()) {
            new RunStateFile(RunState.RUNNING, 0, 0, Instant.now(), "").write(dir);
            RunEndpoint endpoint = new RunEndpoint("127.0.0.1", run.server.port(), run.token, 1, THIS_PROCESS,
                    Instant.now(), "crowded", dir);
            assertThatThrownBy(() -> endpoint.connect("second")).isInstanceOf(LiveRefusedException.class)
                    .hasMessage("the run refused the connection: too many clients (1 attached); close one and try again");
            first.control(Command.STOP, 30_000);
            run.awaitEnd();
        }
    }

    private int lastPort;

    /** A loopback port nothing listens on (any more). */
    private int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            lastPort = s.getLocalPort();
        }
        return lastPort;
    }

    private RunEndpoint endpoint(int port, long pid, Instant started) {
        return new RunEndpoint("127.0.0.1", port, "0".repeat(64), 1, pid, started, "crowded", dir);
    }
}
