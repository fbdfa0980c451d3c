package dev.stagger.remote.ssh;

import static dev.stagger.remote.ssh.SshItSupport.QUICK;
import static dev.stagger.remote.ssh.SshItSupport.login;
import static dev.stagger.remote.ssh.SshItSupport.loginHostKey;
import static dev.stagger.remote.ssh.SshItSupport.loginKeyName;
import static dev.stagger.remote.ssh.SshItSupport.loginKnownHostsLine;
import static dev.stagger.remote.ssh.SshItSupport.otherHostKey;
import static dev.stagger.remote.ssh.SshItSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stagger.remote.ssh.SshItSupport.Cli;
import dev.stagger.remote.ssh.SshItSupport.ScriptedPrompter;
import dev.stagger.remote.testcluster.LoopbackCluster;
import dev.stagger.remote.testcluster.LoopbackClusterExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host-key verification against the real login node (DESIGN section 7): unknown keys go to the
 * person (or, with nobody to ask, are refused with the command that trusts them), changed and
 * revoked keys are refused without asking, and nothing is written to known_hosts unless the user
 * chose to remember a key.
 */
@ExtendWith(LoopbackClusterExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostKeyIT {

    /** "Trust once" holds for the whole process: each test starts as a process that trusted nothing. */
    @org.junit.jupiter.api.BeforeEach
    void forgetKeysTrustedOnce() {
        HostKeys.forgetTrustedOnce();
    }

    @Test
    void anUnknownKeyWithNobodyToAskIsRefusedNamingItsFingerprint(LoopbackCluster cluster, @TempDir Path tmp)
            throws Exception {
        Path knownHosts = write(tmp.resolve("known_hosts"));
        Hop hop = login(cluster, List.of(cluster.key()), List.of(knownHosts));

        SshException.UnknownHostKey e = catchThrowableOfType(SshException.UnknownHostKey.class,
                () -> SshConnection.open(List.of(hop), Prompter.NONE).close());

        assertThat(e).as("open with an empty known_hosts").isNotNull();
        assertThat(e.fingerprint()).isEqualTo(cluster.loginHostKeyFingerprint());
        assertThat(e.host()).isEqualTo("login");
        assertThat(e.getMessage()).contains("host key of " + hop.describe() + " is not known")
                .contains(knownHosts.toString()).contains("ssh-ed25519 " + cluster.loginHostKeyFingerprint())
                .contains("trust it");
        assertThat(Files.readString(knownHosts)).isEmpty();
    }

    @Test
    void theCommandLineSaysHowToTrustTheKeyAndTrustWritesOnlyTheRightOne(LoopbackCluster cluster, @TempDir Path tmp)
            throws Exception {
        Path knownHosts = write(tmp.resolve("known_hosts"));
        Cli cli = new Cli(tmp);
        cli.add("hpc", "--host", "login", "--ssh-config", cluster.sshConfig().toString(), "--known-hosts",
                knownHosts.toString());
        assertThat(cli.hops("hpc").get(0).knownHostsFiles().get(0)).isEqualTo(knownHosts);
        String fingerprint = cluster.loginHostKeyFingerprint();

        Cli.Result doctor = cli.run(Prompter.NONE, "cluster", "doctor", "hpc");

        assertThat(doctor.exit()).as(doctor.toString()).isNotZero();
        assertThat(doctor.err()).as(doctor.toString()).contains("is not known").contains(fingerprint)
                .contains("stagger cluster trust hpc --fingerprint " + fingerprint);
        assertThat(doctor.out()).contains("FAILED   login:");
        assertThat(Files.readString(knownHosts)).isEmpty();

        // a fingerprint that is not the key's: refused, nothing written
        Cli.Result wrong = cli.run(Prompter.NONE, "cluster", "trust", "hpc", "--fingerprint",
                "SHA256:wrong");
        assertThat(wrong.exit()).as(wrong.toString()).isNotZero();
        assertThat(wrong.err()).as(wrong.toString()).contains("not the fingerprint you gave").contains("refused")
                .contains(fingerprint);
        assertThat(Files.readString(knownHosts)).isEmpty();

        // the right one: exactly the key's line is added to the profile's (first) known_hosts file
        Cli.Result right = cli.run(Prompter.NONE, "cluster", "trust", "hpc", "--fingerprint", fingerprint);
        assertThat(right.exit()).as(right.toString()).isZero();
        assertThat(right.out()).contains("is trusted").contains("hpc is reachable");
        assertThat(Files.readAllLines(knownHosts, StandardCharsets.UTF_8))
                .containsExactly(loginKnownHostsLine(cluster));

        // and from now on nobody needs to be asked
        try (SshConnection again = SshConnection.open(cli.hops("hpc"), Prompter.NONE)) {
            assertThat(again.run("echo trusted", QUICK, "echo").strip()).isEqualTo("trusted");
        }
        assertThat(Files.readAllLines(knownHosts, StandardCharsets.UTF_8)).hasSize(1);
    }

    @Test
    void trustOnceConnectsWithoutWritingKnownHosts(LoopbackCluster cluster, @TempDir Path tmp) throws Exception {
        Path knownHosts = write(tmp.resolve("known_hosts"));
        ScriptedPrompter prompter = new ScriptedPrompter().hostKey(Prompter.HostKeyDecision.TRUST_ONCE);

        try (SshConnection c = SshConnection.open(List.of(login(cluster, List.of(cluster.key()), List.of(knownHosts))),
                prompter)) {
            assertThat(c.run("id -un", QUICK, "id").strip()).isEqualTo(cluster.user());
            // a reconnect (the network dropped) does not ask again: the answer holds for the process
            c.drop();
            assertThat(c.run("id -un", QUICK, "id").strip()).isEqualTo(cluster.user());
        }

        assertThat(prompter.hostKeyQuestions()).containsExactly(new ScriptedPrompter.HostKeyQuestion(
                loginKeyName(cluster), "ssh-ed25519", cluster.loginHostKeyFingerprint()));
        assertThat(Files.readString(knownHosts)).isEmpty();
    }

    @Test
    void trustAndRememberAddsTheKeysLine(LoopbackCluster cluster, @TempDir Path tmp) throws Exception {
        Path knownHosts = write(tmp.resolve("known_hosts"), "# the user's own comment");
        ScriptedPrompter prompter = new ScriptedPrompter().hostKey(Prompter.HostKeyDecision.TRUST_AND_REMEMBER);
        Hop hop = login(cluster, List.of(cluster.key()), List.of(knownHosts));

        try (SshConnection c = SshConnection.open(List.of(hop), prompter)) {
            assertThat(c.run("id -un", QUICK, "id").strip()).isEqualTo(cluster.user());
        }

        assertThat(prompter.hostKeyQuestions()).containsExactly(new ScriptedPrompter.HostKeyQuestion(
                loginKeyName(cluster), "ssh-ed25519", cluster.loginHostKeyFingerprint()));
        assertThat(Files.readAllLines(knownHosts, StandardCharsets.UTF_8))
                .containsExactly("# the user's own comment", loginKnownHostsLine(cluster));
        // remembered: a new connection asks nobody
        try (SshConnection c = SshConnection.open(List.of(hop), Prompter.NONE)) {
            assertThat(c.run("echo again", QUICK, "echo").strip()).isEqualTo("again");
        }
    }

    @Test
    void refusingAnUnknownKeyFailsAndWritesNothing(LoopbackCluster cluster, @TempDir Path tmp) throws Exception {
        Path knownHosts = write(tmp.resolve("known_hosts"));
        ScriptedPrompter prompter = new ScriptedPrompter().hostKey(Prompter.HostKeyDecision.REFUSE);

        assertThatThrownBy(() -> SshConnection.open(
                List.of(login(cluster, List.of(cluster.key()), List.of(knownHosts))), prompter).close())
                .isInstanceOfSatisfying(SshException.UnknownHostKey.class,
                        e -> assertThat(e.fingerprint()).isEqualTo(cluster.loginHostKeyFingerprint()))
                .hasMessageContaining("is not known").hasMessageContaining(cluster.loginHostKeyFingerprint());

        assertThat(prompter.hostKeyQuestions()).hasSize(1);
        assertThat(prompter.hostKeyQuestions().get(0).fingerprint()).isEqualTo(cluster.loginHostKeyFingerprint());
        assertThat(Files.readString(knownHosts)).isEmpty();
    }

    @Test
    void aChangedKeyIsRefusedWithoutAskingAndTheFileIsLeftAlone(LoopbackCluster cluster, @TempDir Path tmp)
            throws Exception {
        Path knownHosts = write(tmp.resolve("known_hosts"), loginKeyName(cluster) + " " + otherHostKey(cluster));
        byte[] before = Files.readAllBytes(knownHosts);
        ScriptedPrompter prompter = new ScriptedPrompter().hostKey(Prompter.HostKeyDecision.TRUST_AND_REMEMBER);
        Hop hop = login(cluster, List.of(cluster.key()), List.of(knownHosts));

        assertThatThrownBy(() -> SshConnection.open(List.of(hop), prompter).close())
                .isInstanceOf(SshException.class).isNotInstanceOf(SshException.UnknownHostKey.class)
                .hasMessageContaining("host key of " + hop.describe() + " HAS CHANGED")
                .hasMessageContaining("refused")
                .hasMessageContaining("ssh-keygen -R '" + loginKeyName(cluster) + "' -f " + knownHosts);

        assertThat(prompter.hostKeyQuestions()).as("questions to the person").isEmpty();
        assertThat(Files.readAllBytes(knownHosts)).isEqualTo(before);

        // nor does "cluster trust --fingerprint" replace it, even with the right fingerprint
        assertThatThrownBy(() -> SshConnection.openTrusting(List.of(hop), Prompter.NONE,
                cluster.loginHostKeyFingerprint()).close()).hasMessageContaining("HAS CHANGED");
        assertThat(Files.readAllBytes(knownHosts)).isEqualTo(before);
    }

    @Test
    void aRevokedKeyIsRefused(LoopbackCluster cluster, @TempDir Path tmp) throws Exception {
        String key = loginHostKey(cluster);
        Path knownHosts = write(tmp.resolve("known_hosts"), "@revoked " + loginKeyName(cluster) + " " + key,
                loginKnownHostsLine(cluster));
        byte[] before = Files.readAllBytes(knownHosts);
        ScriptedPrompter prompter = new ScriptedPrompter().hostKey(Prompter.HostKeyDecision.TRUST_AND_REMEMBER);
        Hop hop = login(cluster, List.of(cluster.key()), List.of(knownHosts));

        assertThatThrownBy(() -> SshConnection.open(List.of(hop), prompter).close())
                .isInstanceOf(SshException.class)
                .hasMessageContaining("host key of " + hop.describe() + " is marked @revoked in " + knownHosts)
                .hasMessageContaining("refused");

        assertThat(prompter.hostKeyQuestions()).isEmpty();
        assertThat(Files.readAllBytes(knownHosts)).isEqualTo(before);
    }
}
