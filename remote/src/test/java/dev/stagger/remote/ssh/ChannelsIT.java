package dev.stagger.remote.ssh;

import static dev.stagger.remote.ssh.SshItSupport.QUICK;
import static dev.stagger.remote.ssh.SshItSupport.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.engine.live.LiveTransport;
import dev.stagger.remote.testcluster.LoopbackCluster;
import dev.stagger.remote.testcluster.LoopbackClusterExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The channels of one connection to the login node: the watchdog on a command that hangs, many
 * commands at once (kept below sshd's MaxSessions), a tunnel, and quoting that keeps hostile
 * arguments data.
 */
@ExtendWith(LoopbackClusterExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChannelsIT {
    private static SshConnection ssh;

    @BeforeAll
    static void connect(LoopbackCluster cluster) throws SshException {
        ssh = SshConnection.open(List.of(login(cluster)), Prompter.NONE);
    }

    @AfterAll
    static void disconnect() {
        if (ssh != null) {
            ssh.close();
        }
    }

    @Test
    void aCommandThatHangsIsEndedByTheWatchdogAndTheConnectionStillWorks() throws Exception {
        long start = System.nanoTime();

        assertThatThrownBy(() -> ssh.exec("sleep 30", null, Duration.ofSeconds(2)))
                .isInstanceOf(SshException.class)
                .hasMessageContaining("no answer within 2 s from " + ssh.target().describe())
                .hasMessageContaining("sleep 30");

        assertThat(System.nanoTime() - start).as("nanoseconds to give up").isLessThan(TimeUnit.SECONDS.toNanos(5));
        assertThat(ssh.isConnected()).isTrue();
        assertThat(ssh.run("echo still here", QUICK, "echo").strip()).isEqualTo("still here");
    }

    @Test
    void twentyThreadsRunningCommandsAtOnceAllSucceed() throws Exception {
        // more threads than sshd's MaxSessions (10), each running a few commands in a row: channels open and close
        // back to back, so sshd still counts a closed channel while the next one opens
        ExecutorService threads = Executors.newFixedThreadPool(20);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                Callable<List<String>> task = () -> {
                    List<String> outputs = new ArrayList<>();
                    for (int round = 0; round < 3; round++) {
                        SshConnection.ExecResult r = ssh.exec("sleep 0.1; echo command-" + n + "-" + round, null, QUICK);
                        outputs.add(r.exit() + " " + r.stdout().strip() + r.stderr().strip());
                    }
                    return outputs;
                };
                results.add(threads.submit(task));
            }
            for (int i = 0; i < 20; i++) {
                assertThat(results.get(i).get(50, TimeUnit.SECONDS))
                        .containsExactly("0 command-" + i + "-0", "0 command-" + i + "-1", "0 command-" + i + "-2");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void commandsTheWatchdogGaveUpOnDoNotMakeSshdRefuseNewOnes(LoopbackCluster cluster) throws Exception {
        // sshd keeps the session of an abandoned command until that command ends, beyond the channels counted here
        try (SshConnection own = SshConnection.open(List.of(login(cluster)), Prompter.NONE)) {
            ExecutorService threads = Executors.newFixedThreadPool(20);
            try {
                List<Future<?>> abandoned = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    abandoned.add(threads.submit(() -> assertThatThrownBy(
                            () -> own.exec("sleep 3", null, Duration.ofSeconds(1)))
                            .hasMessageContaining("no answer within 1 s")));
                }
                for (Future<?> f : abandoned) {
                    f.get(10, TimeUnit.SECONDS);
                }
                List<Future<SshConnection.ExecResult>> results = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    int n = i;
                    results.add(threads.submit(() -> own.exec("sleep 0.2; echo command-" + n, null, QUICK)));
                }
                for (int i = 0; i < 20; i++) {
                    SshConnection.ExecResult r = results.get(i).get(50, TimeUnit.SECONDS);
                    assertThat(r.exit() + " " + r.stdout().strip() + r.stderr().strip()).isEqualTo("0 command-" + i);
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void commandsGetTheirStdinAndExitStatus() throws Exception {
        SshConnection.ExecResult r = ssh.exec("tr a-z A-Z; echo oops >&2; exit 3",
                "hello\n".getBytes(StandardCharsets.UTF_8), QUICK);

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.stdout()).isEqualTo("HELLO\n");
        assertThat(r.stderr()).isEqualTo("oops\n");
        assertThatThrownBy(() -> ssh.run("echo broken >&2; exit 4", QUICK, "the broken step"))
                .isInstanceOf(SshException.class)
                .hasMessage("the broken step failed on " + ssh.target().describe() + " (exit 4): broken");
    }

    @Test
    void aTunnelReachesTheNodesSshd(LoopbackCluster cluster) throws Exception {
        try (LiveTransport t = ssh.tunnel(cluster.nodeAddress("node1"), 22)) {
            t.readTimeout(10_000);
            byte[] banner = t.input().readNBytes(4);

            assertThat(new String(banner, StandardCharsets.US_ASCII)).isEqualTo("SSH-");
            assertThat(t.describe()).contains(cluster.nodeAddress("node1") + ":22");
        }
        assertThat(ssh.run("echo after the tunnel", QUICK, "echo").strip()).isEqualTo("after the tunnel");
    }

    @Test
    void hostileArgumentsStayData(LoopbackCluster cluster) throws Exception {
        String marker = "PWNED-" + UUID.randomUUID().toString().substring(0, 8);
        String hostile = "$(touch " + marker + "); `touch " + marker + "-2`; touch " + marker + "-3 'q\"uote";

        String out = ssh.run(ShellQuote.command("printf", "%s", hostile), QUICK, "printf");

        assertThat(out).isEqualTo(hostile);
        String home = cluster.runAsUser("ls -a ~").requireSuccess().out();
        assertThat(home).doesNotContain(marker);
    }
}
