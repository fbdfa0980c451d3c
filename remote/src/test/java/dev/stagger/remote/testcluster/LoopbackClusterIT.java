package dev.stagger.remote.testcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Smoke test of the loopback cluster harness (dev/cluster): every part a cluster-run test relies
 * on, checked with OpenSSH's client (and JSch where OpenSSH cannot answer prompts unattended).
 */
@ExtendWith(LoopbackClusterExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LoopbackClusterIT {
    private static final int CONNECT_TIMEOUT_MS = 20_000;

    @Test
    void theKeyLogsInAsTheTestUserWithSlurmConfigured(LoopbackCluster cluster) {
        CommandResult result = cluster.runAsUser("id -un; echo \"$SLURM_CONF\"").requireSuccess();

        assertThat(result.out().lines()).containsExactly(cluster.user(), cluster.slurmConf().toString());
    }

    @Test
    void theWrongKeyIsRefused(LoopbackCluster cluster) {
        CommandResult result = cluster.ssh(Duration.ofSeconds(30), "login-wrongkey", "true");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(255);
        assertThat(result.stderr()).contains("Permission denied (publickey)");
    }

    @Test
    void theKeyWithPassphraseLogsInThroughJsch(LoopbackCluster cluster) throws Exception {
        JSch jsch = jschTrusting(cluster);
        jsch.addIdentity(cluster.keyWithPassphrase().toString(),
                cluster.keyPassphrase().getBytes(StandardCharsets.UTF_8));
        Session session = session(jsch, cluster, cluster.loginPort());
        try {
            session.connect(CONNECT_TIMEOUT_MS);
            assertThat(exec(session, "id -un")).isEqualTo(cluster.user());
        } finally {
            session.disconnect();
        }
    }

    @Test
    void javaTotpCodesAreOathtoolCodes(LoopbackCluster cluster) {
        String before = cluster.totpCode();
        CommandResult oathtool = Commands.run(List.of("oathtool", "--totp", "-b", cluster.totpSecret()),
                Duration.ofSeconds(10)).requireSuccess();
        String after = cluster.totpCode();

        assertThat(oathtool.out()).isIn(before, after); // a 30 s step may end between the calls
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082, of which TOTP keeps the last 6 digits
        assertThat(Totp.ofBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").at(Instant.ofEpochSecond(59)))
                .isEqualTo("287082");
    }

    @Test
    void theMfaNodeWantsTheKeyAndATotpCode(LoopbackCluster cluster) throws Exception {
        JSch jsch = jschTrusting(cluster);
        jsch.addIdentity(cluster.key().toString());

        TotpUserInfo answering = new TotpUserInfo(cluster::totpCode);
        Session session = session(jsch, cluster, cluster.mfaPort());
        session.setUserInfo(answering);
        try {
            session.connect(CONNECT_TIMEOUT_MS);
            assertThat(exec(session, "id -un")).isEqualTo(cluster.user());
        } finally {
            session.disconnect();
        }
        assertThat(answering.prompts()).containsExactly(cluster.mfaPrompt());

        Set<String> valid = Stream.of(-30, 0, 30, 60)
                .map(s -> cluster.totp().at(Instant.now().plusSeconds(s))).collect(Collectors.toSet());
        String wrongCode = Stream.of("000000", "111111", "222222", "333333", "444444")
                .filter(code -> !valid.contains(code)).findFirst().orElseThrow();
        Session refused = session(jsch, cluster, cluster.mfaPort());
        TotpUserInfo guessing = new TotpUserInfo(() -> wrongCode);
        refused.setUserInfo(guessing);
        // JSch asks again after each refusal until sshd's MaxAuthTries ends the connection
        assertThatThrownBy(() -> refused.connect(CONNECT_TIMEOUT_MS)).isInstanceOf(JSchException.class)
                .message().containsAnyOf("Auth fail", "Too many authentication failures");
        assertThat(guessing.prompts()).isNotEmpty().allMatch(prompt -> prompt.equals(cluster.mfaPrompt()));
    }

    @Test
    void aBatchJobRunsFourMpiRanksOnTheComputeNode(LoopbackCluster cluster) {
        String jobId = cluster.runAsUser("sbatch --parsable -n 4 -o loopback-it-%j.out --wrap 'mpirun -np 4 hostname'")
                .requireSuccess().out().split(";")[0];

        assertThat(cluster.awaitSlurmJob(jobId, Duration.ofSeconds(60))).isEqualTo("COMPLETED");
        String output = cluster.runAsUser("cat loopback-it-" + jobId + ".out && rm loopback-it-" + jobId + ".out")
                .requireSuccess().out();
        assertThat(output.lines()).containsExactly(cluster.slurmNode(), cluster.slurmNode(), cluster.slurmNode(),
                cluster.slurmNode());
    }

    @Test
    void squeueAndScancelSeeAndEndAJob(LoopbackCluster cluster) {
        String jobId = cluster.runAsUser("sbatch --parsable -o /dev/null --wrap 'sleep 300'")
                .requireSuccess().out().split(";")[0];

        assertThat(cluster.runAsUser("squeue -h -j " + jobId + " -o %i").requireSuccess().out()).isEqualTo(jobId);
        cluster.runAsUser("scancel " + jobId).requireSuccess();
        assertThat(cluster.awaitSlurmJob(jobId, Duration.ofSeconds(30))).isEqualTo("CANCELLED");
    }

    @Test
    void computeNodesAnswerThroughTheLoginNode(LoopbackCluster cluster) {
        for (String node : cluster.nodes()) {
            CommandResult result = cluster.runOnNode(node, "hostname; ip -4 -o addr show dev eth0").requireSuccess();

            assertThat(result.out().lines().findFirst()).contains(node);
            assertThat(result.out()).contains("inet " + cluster.nodeAddress(node) + "/");
        }
    }

    @Test
    void aChangedLoginHostKeyIsRefused(LoopbackCluster cluster) throws Exception {
        cluster.rekeyLogin();
        try {
            CommandResult openSsh = cluster.runAsUser("true");
            assertThat(openSsh.exitCode()).as(openSsh.toString()).isEqualTo(255);
            assertThat(openSsh.stderr()).contains("REMOTE HOST IDENTIFICATION HAS CHANGED")
                    .contains(cluster.loginOtherHostKeyFingerprint());

            JSch jsch = jschTrusting(cluster);
            jsch.addIdentity(cluster.key().toString());
            Session session = session(jsch, cluster, cluster.loginPort());
            assertThatThrownBy(() -> session.connect(CONNECT_TIMEOUT_MS))
                    .isInstanceOf(JSchChangedHostKeyException.class);
        } finally {
            cluster.restoreLoginKey();
        }
        cluster.runAsUser("true").requireSuccess();
    }

    @Test
    void cuttingLoginConnectionsDropsOpenSessionsButNotTheListener(LoopbackCluster cluster) throws Exception {
        JSch jsch = jschTrusting(cluster);
        jsch.addIdentity(cluster.key().toString());
        Session session = session(jsch, cluster, cluster.loginPort());
        session.connect(CONNECT_TIMEOUT_MS);
        try {
            ChannelExec running = (ChannelExec) session.openChannel("exec");
            running.setCommand("sleep 60");
            running.connect(CONNECT_TIMEOUT_MS);

            assertThat(cluster.cutLoginConnections()).isGreaterThanOrEqualTo(2);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (session.isConnected() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(session.isConnected()).as("session after the cut").isFalse();
        } finally {
            session.disconnect();
        }
        cluster.runAsUser("true").requireSuccess();
    }

    private static JSch jschTrusting(LoopbackCluster cluster) throws JSchException {
        JSch jsch = new JSch();
        jsch.setKnownHosts(cluster.knownHosts().toString());
        return jsch;
    }

    private static Session session(JSch jsch, LoopbackCluster cluster, int port) throws JSchException {
        Session session = jsch.getSession(cluster.user(), "127.0.0.1", port);
        session.setConfig("StrictHostKeyChecking", "yes");
        session.setConfig("PreferredAuthentications", "publickey,keyboard-interactive");
        return session;
    }

    /** Runs a command on an open session; its stdout without the trailing newline. */
    private static String exec(Session session, String command) throws Exception {
        ChannelExec channel = (ChannelExec) session.openChannel("exec");
        channel.setCommand(command);
        channel.setInputStream(null);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        channel.setErrStream(errors);
        InputStream output = channel.getInputStream();
        channel.connect(CONNECT_TIMEOUT_MS);
        try {
            String text = new String(output.readAllBytes(), StandardCharsets.UTF_8);
            while (!channel.isClosed()) { // the exit status may arrive just after the end of output
                Thread.sleep(10);
            }
            assertThat(channel.getExitStatus()).as("exit of '%s', stderr: %s", command, errors).isZero();
            return text.stripTrailing();
        } finally {
            channel.disconnect();
        }
    }
}
