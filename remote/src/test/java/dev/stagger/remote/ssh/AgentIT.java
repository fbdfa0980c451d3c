package dev.stagger.remote.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.remote.testcluster.LoopbackCluster;
import dev.stagger.remote.testcluster.LoopbackClusterExtension;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ssh-agent path, as a user meets it: a real {@code ssh-agent} holds the key, the profile's SSH
 * config names only a key file that does not exist (and no IdentitiesOnly), and {@code ./stagger}
 * runs as its own process (the agent's socket comes from its environment's SSH_AUTH_SOCK). With
 * the agent the doctor logs in; without it the login fails naming the missing key file.
 */
@ExtendWith(LoopbackClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentIT {
    private static final Path ROOT = projectRoot();
    /** The first ./stagger of a run may build Stagger first (the sources changed since the last build). */
    private static final Duration FIRST_CALL = Duration.ofMinutes(5);
    private static final Duration CALL = Duration.ofMinutes(2);
    private static final String WORK_ROOT = "~/stagger-it-" + ProcessHandle.current().pid() + "/agent";

    private LoopbackCluster cluster;
    private Path tmp;
    private Path socket;
    private Path missingKey;
    private Process agent;
    private int calls;

    @BeforeAll
    void agentAndProfile(LoopbackCluster cluster) throws Exception {
        this.cluster = cluster;
        // short: a unix socket's path has at most 107 bytes
        tmp = Files.createTempDirectory(Path.of("/tmp"), "stg-agent-");
        socket = tmp.resolve("agent.sock");
        agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("agent.out").toFile()).redirectInput(devNull()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(socket) && agent.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(socket).as("ssh-agent's socket (%s)", Files.readString(tmp.resolve("agent.out"))).exists();

        Result add = command(List.of("ssh-add", cluster.key().toString()), Map.of("SSH_AUTH_SOCK", socket.toString()),
                CALL);
        assertThat(add.exit()).as(add.all()).isZero();
        Result listed = command(List.of("ssh-add", "-l"), Map.of("SSH_AUTH_SOCK", socket.toString()), CALL);
        assertThat(listed.out()).as(listed.all()).contains("ED25519");

        missingKey = tmp.resolve("no-such-key");
        Path sshConfig = tmp.resolve("ssh_config");
        Files.writeString(sshConfig, String.join("\n",
                "Host agenthost",
                "  HostName " + cluster.loginHost(),
                "  Port " + cluster.loginPort(),
                "  User " + cluster.user(),
                "  UserKnownHostsFile " + cluster.knownHosts(),
                "  GlobalKnownHostsFile /dev/null",
                "  IdentityFile " + missingKey,
                ""), StandardCharsets.UTF_8);

        Result created = stagger(null, "cluster", "add", "agent", "--host", "agenthost", "--ssh-config",
                sshConfig.toString(), "--workdir", WORK_ROOT);
        assertThat(created.exit()).as(created.all()).isZero();
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (agent != null) {
            agent.destroy(); // SIGTERM to the agent's pid
            if (!agent.waitFor(10, TimeUnit.SECONDS)) {
                agent.destroyForcibly();
            }
        }
        if (cluster != null) {
            cluster.runAsUser("rm -rf " + WORK_ROOT + "; rmdir ~/stagger-it-" + ProcessHandle.current().pid()
                    + " 2>/dev/null; true");
        }
        if (tmp != null) {
            try (Stream<Path> files = Files.walk(tmp)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void withTheAgentTheDoctorLogsInThoughTheConfiguredKeyFileIsMissing() throws Exception {
        assertThat(missingKey).doesNotExist();

        Result doctor = stagger(socket, "cluster", "doctor", "agent");

        assertThat(doctor.out()).as(doctor.all())
                .contains("ok       login and host key: " + cluster.user() + "@agenthost (" + cluster.loginHost() + "):"
                        + cluster.loginPort());
        // the connection works on: commands ran through it (the bundle and mpi.jar are not deployed here: no --fix)
        assertThat(doctor.out()).as(doctor.all()).contains("ok       work root: ", "ok       Java: ")
                .doesNotContain("FAILED   login");
        assertThat(doctor.all()).doesNotContain("Exception", "\tat ");
    }

    @Test
    @Order(2)
    void withoutTheAgentTheLoginFailsNamingTheMissingKeyFile() throws Exception {
        Result doctor = stagger(null, "cluster", "doctor", "agent");

        assertThat(doctor.exit()).as(doctor.all()).isNotZero();
        assertThat(doctor.err()).as(doctor.all())
                .contains("authentication to " + cluster.user() + "@agenthost (" + cluster.loginHost() + "):"
                        + cluster.loginPort() + " failed")
                .contains(missingKey + " (missing)")
                .doesNotContain("ssh-agent");
        assertThat(doctor.out()).contains("FAILED   login: authentication to").doesNotContain("ok       login");
        assertThat(doctor.all()).doesNotContain("Exception", "\tat ");
    }

    @Test
    @Order(3)
    void anAgentThatWentAwayCountsAsNoAgent() throws Exception {
        // SSH_AUTH_SOCK left over from a session whose agent is gone: no crash, the same clear failure
        Result doctor = stagger(tmp.resolve("gone.sock"), "cluster", "doctor", "agent");

        assertThat(doctor.exit()).as(doctor.all()).isNotZero();
        assertThat(doctor.err()).as(doctor.all()).contains("failed", missingKey + " (missing)");
        assertThat(doctor.all()).doesNotContain("Exception", "\tat ");
    }

    // ---- helpers

    private record Result(int exit, String out, String err) {
        String all() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /**
     * {@code ./stagger ARGS} as its own process: SSH_AUTH_SOCK is {@code agentSocket} or unset,
     * profiles and runs in this test's folder, HOME untouched, no terminal (stdin from /dev/null).
     */
    private Result stagger(Path agentSocket, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("stagger").toString()));
        command.addAll(Arrays.asList(args));
        Map<String, String> env = new java.util.HashMap<>();
        env.put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
        env.put("XDG_STATE_HOME", tmp.resolve("state").toString());
        if (agentSocket != null) {
            env.put("SSH_AUTH_SOCK", agentSocket.toString());
        }
        return command(command, env, calls++ == 0 ? FIRST_CALL : CALL);
    }

    /** Runs a program with this JVM's environment less SSH_AUTH_SOCK, plus {@code env}. */
    private Result command(List<String> command, Map<String, String> env, Duration timeout) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectInput(devNull());
        builder.environment().remove("SSH_AUTH_SOCK");
        builder.environment().remove("SSH_AGENT_PID");
        builder.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out-", ".txt");
        Path err = Files.createTempFile(tmp, "err-", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = builder.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(command + " did not end within " + timeout + "; output so far:\n"
                    + read(out) + read(err));
        }
        return new Result(p.exitValue(), read(out), read(err));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static ProcessBuilder.Redirect devNull() {
        return ProcessBuilder.Redirect.from(new File("/dev/null"));
    }

    private static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("dev/cluster/start.sh"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("run from inside the Stagger checkout");
        }
        return p;
    }
}
