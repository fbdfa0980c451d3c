package dev.stagger.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.live.RunEndpoint;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.RunStateFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the client commands print when a run's server does not answer. */
class RunTargetTest {
    @TempDir
    Path dir;

    @Test
    void aRunThatGoesOnIsNotReportedAsRunningAtStepZero() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        long pid = ProcessHandle.current().pid();
        // written as a run writes it: just after its process started, with the state file right after
        new RunEndpoint("127.0.0.1", port, "0".repeat(64), 1, pid, Instant.now(), "busy", dir).write();
        new RunStateFile(RunState.RUNNING, 0, 0, Instant.now(), "").write(dir);
        StringWriter err = new StringWriter();
        assertThat(RunTarget.connect(dir.toString(), new PrintWriter(err, true))).isNull();
        assertThat(err.toString()).startsWith("stagger: run 'busy' is not answering at 127.0.0.1:" + port)
                .contains("its process (pid " + pid + ") is still alive").doesNotContain("step 0")
                .doesNotContain("state file");
    }
}
