package dev.stagger.remote.sshconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshConfigMatchTest {
    @TempDir
    Path tempDir;
    ConfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(tempDir);
    }

    @Test
    void matchHostSeesTheHostNameSetSoFar() throws Exception {
        fx.config(
                "Host cluster",
                "  HostName Login.Example.ORG",
                "Match host *.example.org",
                "  User bob",
                "Match host cluster",
                "  Port 2200");

        ResolvedHost host = fx.resolve("cluster");
        assertThat(host.user()).isEqualTo("bob");
        assertThat(host.port()).as("the alias is not the host name any more").isEqualTo(22);
    }

    @Test
    void matchOriginalHostSeesTheAlias() throws Exception {
        fx.config(
                "Host cluster",
                "  HostName login.example.org",
                "Match originalhost CLUSTER,other",
                "  User bob");
        assertThat(fx.resolve("cluster").user()).isEqualTo("bob");
        assertThat(fx.resolve("login.example.org").user()).isEqualTo("alice");
    }

    @Test
    void matchUserSeesTheUserSetSoFarElseTheLocalOne() throws Exception {
        fx.config(
                "Host admin",
                "  User root",
                "Match user root",
                "  IdentityFile ~/.ssh/root_key",
                "Match user alice",
                "  Port 2200");

        assertThat(fx.resolve("admin").identityFiles()).containsExactly(fx.home(".ssh/root_key"));
        assertThat(fx.resolve("admin").port()).isEqualTo(22);
        assertThat(fx.resolve("other").port()).isEqualTo(2200);
    }

    @Test
    void matchLocalUser() throws Exception {
        fx.config("Match localuser bob,alice", "  User hpc", "Match localuser !alice", "  Port 2200");
        ResolvedHost host = fx.resolve("a");
        assertThat(host.user()).isEqualTo("hpc");
        assertThat(host.port()).isEqualTo(22);
    }

    @Test
    void matchExecRunsTheCommandWithTokensThroughTheInjectedRunner() throws Exception {
        fx.execSucceeds = command -> command.startsWith("on-vpn");
        fx.config(
                "Host cluster",
                "  HostName login.example.org",
                "  User bob",
                "Match exec \"on-vpn %h %p %r %n %u\"",
                "  ProxyJump none",
                "Match exec \"off-vpn %h\"",
                "  Port 2200",
                "Match !exec \"off-vpn %h\"",
                "  ServerAliveInterval 30",
                "Host *",
                "  ProxyJump gw");

        ResolvedHost host = fx.resolve("cluster");
        assertThat(fx.executed).containsExactly("on-vpn login.example.org 22 bob cluster alice",
                "off-vpn login.example.org", "off-vpn login.example.org");
        assertThat(host.proxyJump()).isEmpty();
        assertThat(host.port()).isEqualTo(22);
        assertThat(host.serverAliveInterval()).hasSeconds(30);
    }

    @Test
    void matchExecIsNotRunWhenAnEarlierCriterionFailed() throws Exception {
        fx.execSucceeds = command -> true;
        fx.config("Match host nomatch exec \"check\"", "  Port 2200", "Match exec=\"second\" host nomatch",
                "  Port 2300");
        assertThat(fx.resolve("a").port()).isEqualTo(22);
        assertThat(fx.executed).containsExactly("second");
    }

    @Test
    void matchExecThatCannotRunIsAnErrorNamingTheLine() throws Exception {
        fx.config("Host a", "  Port 2200", "Match exec \"hangs\"", "  User x");
        SshEnvironment failing = fx.env().withMatchExec(command -> {
            throw new IOException("the command did not finish within 5 s");
        });
        SshConfig config = SshConfig.load(fx.ssh.resolve("config"), failing);
        assertThatThrownBy(() -> config.resolve("a")).isInstanceOf(SshConfigException.class)
                .hasMessageContaining("config:3: Match exec 'hangs' failed: the command did not finish within 5 s");
    }

    @Test
    void matchAllAndNegationAndCommaLists() throws Exception {
        fx.config(
                "Match host a,b !host b",
                "  User only-a",
                "Match host=c*,!cx",
                "  User c-not-cx",
                "Match all",
                "  User everyone");

        assertThat(fx.resolve("a").user()).isEqualTo("only-a");
        assertThat(fx.resolve("b").user()).isEqualTo("everyone");
        assertThat(fx.resolve("c1").user()).isEqualTo("c-not-cx");
        assertThat(fx.resolve("cx").user()).isEqualTo("everyone");
    }

    @Test
    void matchFinalAppliesInASecondPassThatMatchesTheHostName() throws Exception {
        fx.config(
                "Host cluster",
                "  HostName node.example.org",
                "  IdentityFile ~/.ssh/first",
                "Match final host *.example.org",
                "  User final-user",
                "  HostName ignored-in-the-final-pass",
                "Host *.example.org",
                "  Port 2200",
                "  IdentityFile ~/.ssh/first",
                "  IdentityFile ~/.ssh/second",
                "Match !final",
                "  ServerAliveInterval 10",
                "Match canonical",
                "  ConnectTimeout 5");

        ResolvedHost host = fx.resolve("cluster");
        assertThat(host.hostName()).isEqualTo("node.example.org");
        assertThat(host.user()).isEqualTo("final-user");
        assertThat(host.port()).as("Host lines see the host name in the final pass").isEqualTo(2200);
        assertThat(host.identityFiles()).containsExactly(fx.home(".ssh/first"), fx.home(".ssh/second"));
        assertThat(host.serverAliveInterval()).as("first pass only").hasSeconds(10);
        assertThat(host.connectTimeout()).as("canonical matches in the final pass too").hasSeconds(5);
    }

    @Test
    void withoutMatchFinalThereIsNoSecondPass() throws Exception {
        fx.config(
                "Host cluster",
                "  HostName node.example.org",
                "Host *.example.org",
                "  Port 2200",
                "Match canonical",
                "  User canonical");

        ResolvedHost host = fx.resolve("cluster");
        assertThat(host.port()).isEqualTo(22);
        assertThat(host.user()).isEqualTo("alice");
    }

    @Test
    void canonicalizeHostnameIsReportedButStillGivesTheFinalPass() throws Exception {
        Path config = fx.config("CanonicalizeHostname yes", "Match canonical", "  User canonical");
        ResolvedHost host = fx.resolve("a");
        assertThat(host.user()).isEqualTo("canonical");
        assertThat(host.unsupported()).extracting(UnsupportedDirective::location)
                .containsExactly(new ConfigLocation(config, 1));
    }

    @Test
    void matchTaggedSeesTheTag() throws Exception {
        fx.config("Host a", "  Tag batch", "Match tagged batch", "  BatchMode yes", "Match tagged \"\"",
                "  Port 2200");
        assertThat(fx.resolve("a").batchMode()).isTrue();
        assertThat(fx.resolve("a").port()).isEqualTo(22);
        assertThat(fx.resolve("b").port()).as("the empty tag matches an unset one").isEqualTo(2200);
    }

    @Test
    void criteriaWeCannotEvaluateLeaveTheBlockOffAndAreReported() throws Exception {
        Path config = fx.config("Match !localnetwork 10.0.0.0/8", "  ProxyJump gw", "Match version OpenSSH_9*",
                "  Port 2200");

        ResolvedHost host = fx.resolve("a");
        assertThat(host.proxyJump()).isEmpty();
        assertThat(host.port()).isEqualTo(22);
        assertThat(host.unsupported()).extracting(UnsupportedDirective::toString).containsExactly(
                config + ":1: Match !localnetwork 10.0.0.0/8 (Match localnetwork is not evaluated by Stagger; the "
                        + "block is treated as not matching)",
                config + ":3: Match version OpenSSH_9* (Match version is not evaluated by Stagger; the block is "
                        + "treated as not matching)");
    }

    @Test
    void malformedMatchLinesAreRejectedWhenLoading() {
        fx.config("Host a", "Match hots a");
        assertThatThrownBy(fx::load).hasMessageContaining("config:2: unknown Match criterion 'hots'");
        fx.config("Match host");
        assertThatThrownBy(fx::load).hasMessageContaining("config:1: Match host needs an argument");
        fx.config("Match canonical final all");
        assertThatThrownBy(fx::load).hasMessageContaining("'all' cannot be combined");
        fx.config("Match all host a");
        assertThatThrownBy(fx::load).hasMessageContaining("'all' cannot be combined");
        fx.config("Match final yes");
        assertThatThrownBy(fx::load).hasMessageContaining("unknown Match criterion 'yes'");
    }
}
