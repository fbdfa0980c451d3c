package dev.stagger.remote.testcluster;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The loopback cluster of dev/cluster (login node, MFA node, compute nodes node1/node2 in network
 * namespaces behind the login node, single-node Slurm on node1), started once per JVM and shared
 * by every test of the run. Get it with {@link #get()} or by declaring a {@code LoopbackCluster}
 * parameter under {@code @ExtendWith(LoopbackClusterExtension.class)}. Where the machine cannot
 * host it (not root, packages missing, not Linux), {@link #get()} aborts the calling test, which
 * JUnit reports as skipped with the reason.
 *
 * <p>Everything runs as the test user {@link #user()}; the {@code ssh_config} of
 * {@link #sshConfig()} names the hosts {@code login}, {@code login-mfa}, {@code login-wrongkey},
 * {@code node1} and {@code node2} (the nodes through {@code ProxyJump login}).
 */
public final class LoopbackCluster {
    static final String ENV_FILE = "cluster.env";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
    private static final Set<String> FINISHED_JOB_STATES = Set.of("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT",
            "NODE_FAIL", "OUT_OF_MEMORY", "PREEMPTED", "BOOT_FAIL", "DEADLINE");
    private static final Pattern JOB_STATE = Pattern.compile("\\bJobState=(\\S+)");

    private static final Object LIFECYCLE = new Object();
    private static LoopbackCluster shared;
    private static String unavailableReason;
    private static RuntimeException startFailure;
    /** Set once the run's cluster was stopped: a test still running then (the JVM being shut
     * down) must not start a second cluster that nothing would stop. */
    private static boolean closed;
    private static boolean shutdownHookInstalled;

    private final Path stateDir;
    private final Properties env;
    private final ClusterScripts scripts;
    private final boolean ownedByThisJvm;
    private final Totp totp;
    private boolean stopped;

    private LoopbackCluster(Path stateDir, Properties env, ClusterScripts scripts, boolean ownedByThisJvm) {
        this.stateDir = stateDir;
        this.env = env;
        this.scripts = scripts;
        this.ownedByThisJvm = ownedByThisJvm;
        this.totp = Totp.ofBase32(require("TOTP_SECRET"));
    }

    /**
     * The cluster of this test run, started on the first call (about a second) and stopped when the
     * run ends (see {@link LoopbackClusterExtension}) or at the latest when the JVM exits. Aborts
     * the calling test (a skip) where the machine cannot host the cluster; throws when it should
     * but failed to start, with start.sh's output and the daemons' logs.
     */
    public static LoopbackCluster get() {
        synchronized (LIFECYCLE) {
            if (shared != null) {
                return shared;
            }
            if (closed) {
                throw new IllegalStateException("the loopback cluster of this JVM was already stopped"
                        + " (end of the test run or JVM shutdown)");
            }
            if (unavailableReason != null) {
                Assumptions.abort("loopback cluster unavailable: " + unavailableReason);
            }
            if (startFailure != null) {
                throw new IllegalStateException("the loopback cluster failed to start earlier in this run",
                        startFailure);
            }
            if (!shutdownHookInstalled) { // before starting: a SIGTERM during the start must stop it too
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stopShared(true), "loopback-cluster-stop"));
                shutdownHookInstalled = true;
            }
            try {
                shared = ClusterLauncher.launch();
            } catch (ClusterUnavailableException e) {
                unavailableReason = e.getMessage();
                ClusterLauncher.log("tests that need it are skipped: " + unavailableReason);
                Assumptions.abort("loopback cluster unavailable: " + unavailableReason);
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            return shared;
        }
    }

    /**
     * Stops the shared cluster if this JVM started it. At the end of a test run a later
     * {@link #get()} (a rerun in the same JVM) starts a new one; at JVM shutdown ({@code forGood})
     * later calls fail instead.
     */
    static void stopShared(boolean forGood) {
        synchronized (LIFECYCLE) {
            closed |= forGood;
            if (shared != null && !shared.stopped) {
                shared.stopped = true;
                ClusterLauncher.stop(shared);
            }
            shared = null;
        }
    }

    static LoopbackCluster load(Path stateDir, ClusterScripts scripts, boolean ownedByThisJvm) {
        Properties env = new Properties();
        try (Reader reader = Files.newBufferedReader(stateDir.resolve(ENV_FILE), StandardCharsets.UTF_8)) {
            env.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stateDir.resolve(ENV_FILE), e);
        }
        return new LoopbackCluster(stateDir, env, scripts, ownedByThisJvm);
    }

    // ------------------------------------------------------------------------------------------
    // What cluster.env says
    // ------------------------------------------------------------------------------------------

    /** A raw value of cluster.env (see dev/cluster/start.sh for the keys). */
    public String env(String key) {
        return require(key);
    }

    public Path stateDir() {
        return stateDir;
    }

    /** The test user every login and job runs as ({@code stagger-ci}). */
    public String user() {
        return require("USER");
    }

    public String userHome() {
        return require("USER_HOME");
    }

    /** The login node's address (127.0.0.1) and port. */
    public String loginHost() {
        return require("LOGIN_HOST");
    }

    public int loginPort() {
        return Integer.parseInt(require("LOGIN_PORT"));
    }

    /** The login node's host key as {@code ssh-keygen -lf} prints it ({@code SHA256:...}). */
    public String loginHostKeyFingerprint() {
        return require("LOGIN_HOSTKEY_FINGERPRINT");
    }

    /** The key {@link #rekeyLogin()} puts in place. */
    public String loginOtherHostKeyFingerprint() {
        return require("LOGIN_OTHER_HOSTKEY_FINGERPRINT");
    }

    /** The MFA node: public key, then a TOTP code ({@link #totpCode()}) for {@link #mfaPrompt()}. */
    public String mfaHost() {
        return require("MFA_HOST");
    }

    public int mfaPort() {
        return Integer.parseInt(require("MFA_PORT"));
    }

    public String mfaHostKeyFingerprint() {
        return require("MFA_HOSTKEY_FINGERPRINT");
    }

    /** {@code Verification code: } (OpenSSH's client shows it prefixed by {@code (user@host)}). */
    public String mfaPrompt() {
        return require("MFA_PROMPT");
    }

    /** An OpenSSH client config naming login, login-mfa, login-wrongkey, node1, node2. */
    public Path sshConfig() {
        return path("SSH_CONFIG");
    }

    /** known_hosts with the login, MFA and node host keys (not the re-keyed login key). */
    public Path knownHosts() {
        return path("KNOWN_HOSTS");
    }

    /** Authorized private key without passphrase. */
    public Path key() {
        return path("KEY");
    }

    /** Authorized private key protected by {@link #keyPassphrase()}. */
    public Path keyWithPassphrase() {
        return path("KEY_PASS");
    }

    public String keyPassphrase() {
        return require("KEY_PASSPHRASE");
    }

    /** A private key no server authorizes. */
    public Path wrongKey() {
        return path("KEY_WRONG");
    }

    /** The base32 TOTP secret, in a file ({@code oathtool --totp -b "$(cat FILE)"}). */
    public Path totpSecretFile() {
        return path("TOTP_SECRET_FILE");
    }

    public String totpSecret() {
        return require("TOTP_SECRET");
    }

    public Path slurmConf() {
        return path("SLURM_CONF");
    }

    /** The hostname of the Slurm compute node ({@code node1}). */
    public String slurmNode() {
        return require("SLURM_NODE");
    }

    public String slurmPartition() {
        return require("SLURM_PARTITION");
    }

    public int slurmCpus() {
        return Integer.parseInt(require("SLURM_CPUS"));
    }

    public Path slurmLogDir() {
        return path("SLURM_LOG_DIR");
    }

    /** The compute nodes' names, which are also their host aliases in {@link #sshConfig()}. */
    public List<String> nodes() {
        return Arrays.asList(require("NODES").split(" "));
    }

    /** A node's private address (only reachable from the login side, i.e. through the login node). */
    public String nodeAddress(String node) {
        return require(node.toUpperCase(Locale.ROOT) + "_ADDR");
    }

    public String nodeHostKeyFingerprint(String node) {
        return require(node.toUpperCase(Locale.ROOT) + "_HOSTKEY_FINGERPRINT");
    }

    /** The login side's address on the nodes' network (where slurmctld listens). */
    public String bridgeAddress() {
        return require("BRIDGE_ADDR");
    }

    // ------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------

    /** The TOTP code the MFA node accepts now (same as {@code oathtool --totp -b SECRET}). */
    public String totpCode() {
        return totp.now();
    }

    /** The TOTP generator of the MFA node's secret, for codes at other times. */
    public Totp totp() {
        return totp;
    }

    /**
     * Runs {@code shellCommand} as the test user on the login node (through OpenSSH's {@code ssh}
     * and {@link #sshConfig()}; {@code SLURM_CONF} is set there), for assertions.
     */
    public CommandResult runAsUser(String shellCommand) {
        return runAsUser(shellCommand, COMMAND_TIMEOUT);
    }

    public CommandResult runAsUser(String shellCommand, Duration timeout) {
        return ssh(timeout, "login", shellCommand);
    }

    /** Runs {@code shellCommand} as the test user on a compute node, through the login node. */
    public CommandResult runOnNode(String node, String shellCommand) {
        return ssh(COMMAND_TIMEOUT, node, shellCommand);
    }

    /** OpenSSH's {@code ssh -F SSH_CONFIG ARGS...} (stdin from /dev/null). */
    public CommandResult ssh(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of("ssh", "-F", sshConfig().toString()));
        command.addAll(Arrays.asList(arguments));
        return Commands.run(command, timeout);
    }

    /**
     * Waits until Slurm job {@code jobId} has ended and returns its final state ({@code COMPLETED},
     * {@code FAILED}, {@code CANCELLED}, ...). Jobs stay visible for MinJobAge (30 s) after ending.
     */
    public String awaitSlurmJob(String jobId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String state = "(never seen)";
        while (System.nanoTime() < deadline) {
            CommandResult show = runAsUser("scontrol show job -o " + Integer.parseInt(jobId.split(";")[0].strip()));
            Matcher matcher = JOB_STATE.matcher(show.stdout());
            if (show.succeeded() && matcher.find()) {
                state = matcher.group(1);
                if (FINISHED_JOB_STATES.contains(state)) {
                    return state;
                }
            }
            pause(Duration.ofMillis(300));
        }
        throw new AssertionError("Slurm job " + jobId + " did not end within " + timeout + "; last state " + state);
    }

    /** The pid of the login sshd's listener (the process that accepts connections). */
    public long loginSshdPid() {
        try {
            return Long.parseLong(Files.readString(path("LOGIN_SSHD_PIDFILE")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Cuts every open connection to the login node, as a network failure or a server restart
     * would: kills (SIGKILL) the per-connection sshd processes, keeps the listener, so new
     * connections work right away. Commands the connections started are not killed; they see
     * their session vanish (a {@code nohup}/{@code setsid} job goes on). Returns how many sshd
     * processes it killed (two per authenticated connection).
     */
    public int cutLoginConnections() {
        ProcessHandle listener = ProcessHandle.of(loginSshdPid())
                .orElseThrow(() -> new IllegalStateException("the login sshd does not run"));
        List<ProcessHandle> sessions = listener.descendants()
                .filter(process -> process.info().command().map(c -> c.endsWith("/sshd")).orElse(false))
                .toList();
        sessions.forEach(ProcessHandle::destroyForcibly);
        if (!ProcessStates.awaitGone(sessions.stream().map(ProcessHandle::pid).toList(), Duration.ofSeconds(5))) {
            throw new IllegalStateException("login sshd sessions survived SIGKILL: " + sessions);
        }
        return sessions.size();
    }

    /** {@link #cutLoginConnections()}, then restarts the login sshd (same port, same host key). */
    public void restartLoginSshd() {
        cutLoginConnections();
        scripts.rekeyLogin(stateDir, "--restart").requireSuccess();
    }

    /** Restarts the login sshd with another host key: clients then see a CHANGED host key. */
    public void rekeyLogin() {
        scripts.rekeyLogin(stateDir, null).requireSuccess();
    }

    /** Undoes {@link #rekeyLogin()}. */
    public void restoreLoginKey() {
        scripts.rekeyLogin(stateDir, "--restore").requireSuccess();
    }

    @Override
    public String toString() {
        return "LoopbackCluster[" + stateDir + ", login 127.0.0.1:" + env.getProperty("LOGIN_PORT") + ", mfa 127.0.0.1:"
                + env.getProperty("MFA_PORT") + ", nodes " + env.getProperty("NODES") + "]";
    }

    ClusterScripts scripts() {
        return scripts;
    }

    boolean ownedByThisJvm() {
        return ownedByThisJvm;
    }

    private String require(String key) {
        String value = env.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(key + " missing from " + stateDir.resolve(ENV_FILE));
        }
        return value;
    }

    private Path path(String key) {
        return Path.of(require(key));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
