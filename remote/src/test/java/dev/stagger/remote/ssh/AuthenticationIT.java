package dev.stagger.remote.ssh;

import static dev.stagger.remote.ssh.SshItSupport.QUICK;
import static dev.stagger.remote.ssh.SshItSupport.copyKey;
import static dev.stagger.remote.ssh.SshItSupport.login;
import static dev.stagger.remote.ssh.SshItSupport.mfa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.remote.ssh.SshItSupport.ScriptedPrompter;
import dev.stagger.remote.testcluster.LoopbackCluster;
import dev.stagger.remote.testcluster.LoopbackClusterExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authentication against the real servers: a key nobody authorized, a key with a passphrase (asked
 * once per process: the decrypted key stays in memory), and the MFA node's key plus TOTP code
 * (asked once per connection, not per command).
 */
@ExtendWith(LoopbackClusterExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthenticationIT {

    @Test
    void aKeyNobodyAuthorizedFailsNamingTheKeyAndAuthorizedKeys(LoopbackCluster cluster) {
        Hop hop = login(cluster, List.of(cluster.wrongKey()), List.of(cluster.knownHosts()));

        assertThatThrownBy(() -> SshConnection.open(List.of(hop), Prompter.NONE).close())
                .isInstanceOf(SshException.class)
                .isNotInstanceOf(SshException.Unreachable.class)
                .hasMessageContaining("authentication to " + hop.describe() + " failed")
                .hasMessageContaining(cluster.wrongKey().toString())
                .hasMessageContaining("authorized_keys");
    }

    @Test
    void aPassphraseIsAskedOncePerProcessEvenAcrossReconnectsAndConnections(LoopbackCluster cluster,
            @TempDir Path tmp) throws Exception {
        Path key = copyKey(cluster.keyWithPassphrase(), tmp);
        ScriptedPrompter prompter = new ScriptedPrompter().passphrases(n -> cluster.keyPassphrase());
        Hop hop = login(cluster, List.of(key), List.of(cluster.knownHosts()));

        try (SshConnection c = SshConnection.open(List.of(hop), prompter)) {
            assertThat(c.run("id -un", QUICK, "id").strip()).isEqualTo(cluster.user());
            c.drop();
            assertThat(c.isConnected()).isFalse();
            assertThat(c.run("echo reconnected", QUICK, "echo").strip()).isEqualTo("reconnected");
            assertThat(c.isConnected()).isTrue();
        }
        try (SshConnection second = SshConnection.open(List.of(hop), prompter)) {
            assertThat(second.run("echo second", QUICK, "echo").strip()).isEqualTo("second");
        }

        assertThat(prompter.passphraseQuestions())
                .containsExactly(new ScriptedPrompter.PassphraseQuestion(key.toString(), false));
    }

    @Test
    void wrongPassphrasesFailWithAMessageAboutThePassphrase(LoopbackCluster cluster, @TempDir Path tmp)
            throws Exception {
        Path key = copyKey(cluster.keyWithPassphrase(), tmp);
        ScriptedPrompter prompter = new ScriptedPrompter().passphrases(n -> "not the passphrase " + n);
        Hop hop = login(cluster, List.of(key), List.of(cluster.knownHosts()));

        assertThatThrownBy(() -> SshConnection.open(List.of(hop), prompter).close())
                .isInstanceOf(SshException.class)
                .hasMessageContaining("authentication to " + hop.describe() + " failed")
                .hasMessageContaining("passphrase was not given or was wrong");

        // three tries, as ssh gives; from the second on the person is told the last one was wrong
        assertThat(prompter.passphraseQuestions()).containsExactly(
                new ScriptedPrompter.PassphraseQuestion(key.toString(), false),
                new ScriptedPrompter.PassphraseQuestion(key.toString(), true),
                new ScriptedPrompter.PassphraseQuestion(key.toString(), true));
    }

    @Test
    void cancellingThePassphraseFailsCleanly(LoopbackCluster cluster, @TempDir Path tmp) throws Exception {
        Path key = copyKey(cluster.keyWithPassphrase(), tmp);
        ScriptedPrompter prompter = new ScriptedPrompter().passphrases(n -> null);
        Hop hop = login(cluster, List.of(key), List.of(cluster.knownHosts()));

        assertThatThrownBy(() -> SshConnection.open(List.of(hop), prompter).close())
                .isInstanceOf(SshException.class)
                .isNotInstanceOf(SshException.Unreachable.class)
                .hasMessageContaining("authentication to " + hop.describe() + " failed")
                .hasMessageContaining("passphrase was not given");

        assertThat(prompter.passphraseQuestions())
                .containsExactly(new ScriptedPrompter.PassphraseQuestion(key.toString(), false));
    }

    @Test
    void theMfaCodeIsAskedOncePerConnectionAndHidden(LoopbackCluster cluster) throws Exception {
        ScriptedPrompter prompter = new ScriptedPrompter().codes(cluster::totpCode);

        try (SshConnection c = SshConnection.open(List.of(mfa(cluster, List.of(cluster.key()))), prompter)) {
            assertThat(c.run("id -un", QUICK, "id").strip()).isEqualTo(cluster.user());
            assertThat(c.run("echo second", QUICK, "echo").strip()).isEqualTo("second");
            assertThat(c.exec("echo third", null, QUICK).stdout().strip()).isEqualTo("third");
        }

        assertThat(prompter.keyboardQuestions()).singleElement().satisfies(q -> {
            assertThat(q.prompts()).singleElement().asString().contains("Verification code");
            assertThat(q.echo()).containsExactly(false);
        });
        assertThat(prompter.hostKeyQuestions()).isEmpty();
    }

    @Test
    void aWrongMfaCodeFailsWithAnAuthenticationMessage(LoopbackCluster cluster) {
        Set<String> valid = Stream.of(-90, -60, -30, 0, 30, 60, 90)
                .map(s -> cluster.totp().at(Instant.now().plusSeconds(s))).collect(Collectors.toSet());
        String wrong = Stream.of("000000", "111111", "222222", "333333", "444444", "555555", "666666", "777777")
                .filter(code -> !valid.contains(code)).findFirst().orElseThrow();
        ScriptedPrompter prompter = new ScriptedPrompter().codes(() -> wrong);
        Hop hop = mfa(cluster, List.of(cluster.key()));

        assertThatThrownBy(() -> SshConnection.open(List.of(hop), prompter).close())
                .isInstanceOf(SshException.class)
                .hasMessageContaining("authentication to " + hop.describe() + " failed")
                .hasMessageContaining("verification code");

        assertThat(prompter.keyboardQuestions()).isNotEmpty()
                .allSatisfy(q -> assertThat(q.prompts()).singleElement().asString().contains("Verification code"));
    }
}
