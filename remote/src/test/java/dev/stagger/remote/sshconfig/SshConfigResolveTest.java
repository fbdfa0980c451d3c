package dev.stagger.remote.sshconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshConfigResolveTest {
    @TempDir
    Path tempDir;
    ConfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(tempDir);
    }

    @Test
    void aMissingFileGivesOpenSshDefaults() throws Exception {
        ResolvedHost host = fx.resolve("cluster");

        assertThat(host.alias()).isEqualTo("cluster");
        assertThat(host.hostName()).isEqualTo("cluster");
        assertThat(host.port()).isEqualTo(22);
        assertThat(host.user()).isEqualTo("alice");
        assertThat(host.identityFiles()).containsExactly(fx.home(".ssh/id_rsa"), fx.home(".ssh/id_ecdsa"),
                fx.home(".ssh/id_ed25519"));
        assertThat(host.certificateFiles()).isEmpty();
        assertThat(host.identitiesOnly()).isFalse();
        assertThat(host.identityAgent()).isEqualTo(ResolvedHost.AGENT_FROM_ENVIRONMENT);
        assertThat(host.userKnownHostsFiles()).containsExactly(fx.home(".ssh/known_hosts"),
                fx.home(".ssh/known_hosts2"));
        assertThat(host.globalKnownHostsFiles()).containsExactly(Path.of("/etc/ssh/ssh_known_hosts"),
                Path.of("/etc/ssh/ssh_known_hosts2"));
        assertThat(host.hostKeyAlias()).isEmpty();
        assertThat(host.strictHostKeyChecking()).isEqualTo("ask");
        assertThat(host.proxyJump()).isEmpty();
        assertThat(host.proxyCommand()).isEmpty();
        assertThat(host.serverAliveInterval()).isZero();
        assertThat(host.serverAliveCountMax()).isEqualTo(3);
        assertThat(host.connectTimeout()).isZero();
        assertThat(host.connectionAttempts()).isEqualTo(1);
        assertThat(host.batchMode()).isFalse();
        assertThat(host.preferredAuthentications()).isEmpty();
        assertThat(host.kbdInteractiveAuthentication()).isTrue();
        assertThat(host.pubkeyAuthentication()).isTrue();
        assertThat(host.passwordAuthentication()).isTrue();
        assertThat(host.addressFamily()).isEqualTo("any");
        assertThat(host.ciphers()).isEmpty();
        assertThat(host.compression()).isFalse();
        assertThat(host.unsupported()).isEmpty();
        assertThat(host.destination()).isEqualTo("alice@cluster:22");
    }

    @Test
    void theFirstValueObtainedWins() throws Exception {
        fx.config(
                "Host cluster",
                "  HostName login.cluster.example.org",
                "  User bob",
                "Host *",
                "  User nobody",
                "  Port 2222",
                "  HostName elsewhere.example.org",
                "  User again");

        ResolvedHost cluster = fx.resolve("cluster");
        assertThat(cluster.hostName()).isEqualTo("login.cluster.example.org");
        assertThat(cluster.user()).isEqualTo("bob");
        assertThat(cluster.port()).isEqualTo(2222);

        ResolvedHost other = fx.resolve("other");
        assertThat(other.hostName()).isEqualTo("elsewhere.example.org");
        assertThat(other.user()).isEqualTo("nobody");
    }

    @Test
    void settingsBeforeAnyHostLineApplyToEveryHost() throws Exception {
        fx.config("User everyone", "Host a", "  User a-user");
        assertThat(fx.resolve("a").user()).isEqualTo("everyone");
    }

    @Test
    void identityAndCertificateFilesAddUpInOrderWithoutDuplicates() throws Exception {
        fx.config(
                "Host cluster",
                "  IdentityFile ~/.ssh/cluster_ed25519",
                "  CertificateFile ~/.ssh/cluster_ed25519-cert.pub",
                "Host *",
                "  IdentityFile ~/.ssh/cluster_ed25519",
                "  IdentityFile /keys/common",
                "  CertificateFile /keys/common-cert.pub");

        ResolvedHost host = fx.resolve("cluster");
        assertThat(host.identityFiles()).containsExactly(fx.home(".ssh/cluster_ed25519"), Path.of("/keys/common"));
        assertThat(host.certificateFiles()).containsExactly(fx.home(".ssh/cluster_ed25519-cert.pub"),
                Path.of("/keys/common-cert.pub"));
    }

    @Test
    void identityFileNoneMeansNoFilesAndNoDefaults() throws Exception {
        fx.config("Host agent-only", "  IdentityFile none");
        assertThat(fx.resolve("agent-only").identityFiles()).isEmpty();
    }

    @Test
    void severalPatternsPerHostLineAndWildcards() throws Exception {
        fx.config(
                "Host login? compute-*.cluster",
                "  User hpc",
                "Host *",
                "  User default");

        assertThat(fx.resolve("login1").user()).isEqualTo("hpc");
        assertThat(fx.resolve("compute-17.cluster").user()).isEqualTo("hpc");
        assertThat(fx.resolve("login12").user()).isEqualTo("default");
    }

    @Test
    void aNegatedPatternKeepsTheBlockOffWhereverItStands() throws Exception {
        fx.config(
                "Host *.example.org !bastion.example.org",
                "  ProxyJump bastion.example.org",
                "Host !gateway *",
                "  Port 2200");

        assertThat(fx.resolve("node.example.org").proxyJump()).extracting(JumpHop::host)
                .containsExactly("bastion.example.org");
        assertThat(fx.resolve("bastion.example.org").proxyJump()).isEmpty();
        assertThat(fx.resolve("gateway").port()).isEqualTo(22);
        assertThat(fx.resolve("node").port()).isEqualTo(2200);
    }

    @Test
    void hostWithOnlyNegatedPatternsMatchesNothing() throws Exception {
        fx.config("Host !gateway", "  Port 2200");
        assertThat(fx.resolve("node").port()).isEqualTo(22);
    }

    @Test
    void keywordsIgnoreCaseAndTakeEqualsSigns() throws Exception {
        fx.config(
                "HOST=cluster",
                "  hostname = Login.Example.ORG",
                "  pOrT=2200",
                "  IdentityFile \"~/.ssh/my key\"  # a comment",
                "  # a comment line",
                "",
                "  user\t'bob'");

        ResolvedHost host = fx.resolve("cluster");
        assertThat(host.hostName()).as("host names are lower-cased").isEqualTo("login.example.org");
        assertThat(host.port()).isEqualTo(2200);
        assertThat(host.user()).isEqualTo("bob");
        assertThat(host.identityFiles()).containsExactly(fx.home(".ssh/my key"));
    }

    @Test
    void hostNameTakesPercentH() throws Exception {
        fx.config("Host *.lab", "  HostName %h.example.org", "Host v6", "  HostName FE80::1");
        assertThat(fx.resolve("node1.lab").hostName()).isEqualTo("node1.lab.example.org");
        assertThat(fx.resolve("v6").hostName()).as("addresses keep their case").isEqualTo("FE80::1");
    }

    @Test
    void tokensAreExpandedInPathsWithTheFinalValues() throws Exception {
        fx.variables.put("KEYS", "/srv/keys");
        fx.config(
                "Host cluster",
                "  HostName login.example.org",
                "  User bob",
                "  Port 2200",
                "  HostKeyAlias Cluster-Key",
                "  ProxyJump gw",
                "  IdentityFile ~/.ssh/%h_%r_%p_%n_%u",
                "  IdentityFile /k/%L-%l-%i-%k-%j-%%",
                "  IdentityFile %d/x",
                "  IdentityFile ${KEYS}/%C",
                "  CertificateFile ~/%r-cert.pub",
                "  UserKnownHostsFile ~/.ssh/known_%k ${KEYS}/known",
                "  IdentityAgent ~/.ssh/agent.%u.sock",
                "Host gw",
                "  ProxyJump none");

        ResolvedHost host = fx.resolve("cluster");
        String hash = sha1("ws1.example.org" + "login.example.org" + "2200" + "bob" + "gw");
        assertThat(host.identityFiles()).containsExactly(
                fx.home(".ssh/login.example.org_bob_2200_cluster_alice"),
                Path.of("/k/ws1-ws1.example.org-" + fx.uid() + "-cluster-key-gw-%"),
                fx.home("x"),
                Path.of("/srv/keys/" + hash));
        assertThat(host.certificateFiles()).containsExactly(fx.home("bob-cert.pub"));
        assertThat(host.userKnownHostsFiles()).containsExactly(fx.home(".ssh/known_cluster-key"),
                Path.of("/srv/keys/known"));
        assertThat(host.identityAgent()).isEqualTo(fx.home(".ssh/agent.alice.sock").toString());
        assertThat(host.hostKeyAlias()).contains("cluster-key");
    }

    @Test
    void userMayUseTokensAndVariables() throws Exception {
        fx.variables.put("CLUSTER_USER", "bob");
        fx.config("Host a", "  User %u-admin", "Host b", "  User ${CLUSTER_USER}");
        assertThat(fx.resolve("a").user()).isEqualTo("alice-admin");
        assertThat(fx.resolve("b").user()).isEqualTo("bob");
    }

    @Test
    void anUnknownTokenIsAnErrorNamingTheLine() throws Exception {
        fx.config("Host a", "  IdentityFile ~/.ssh/%z");
        assertThatThrownBy(() -> fx.resolve("a")).isInstanceOf(SshConfigException.class)
                .hasMessageContaining("config:2")
                .hasMessageContaining("%z in IdentityFile")
                .hasMessageContaining("%C, %L, %d");
    }

    @Test
    void anUnsetVariableIsAnErrorNamingTheLine() throws Exception {
        fx.config("Host a", "  UserKnownHostsFile ${NOT_SET}/known_hosts");
        assertThatThrownBy(() -> fx.resolve("a")).isInstanceOf(SshConfigException.class)
                .hasMessageContaining("config:2").hasMessageContaining("${NOT_SET}");
    }

    @Test
    void hostNameAcceptsOnlyPercentHAndPercentPercent() throws Exception {
        fx.config("Host a", "  HostName %r.example.org");
        assertThatThrownBy(() -> fx.resolve("a")).hasMessageContaining("config:2")
                .hasMessageContaining("%r in HostName");
    }

    @Test
    void identityAgentForms() throws Exception {
        fx.variables.put("MY_AGENT", "/run/agent.sock");
        fx.config(
                "Host none", "  IdentityAgent none",
                "Host env", "  IdentityAgent SSH_AUTH_SOCK",
                "Host legacy", "  IdentityAgent $MY_AGENT",
                "Host unset", "  IdentityAgent $NOT_SET",
                "Host braces", "  IdentityAgent ${MY_AGENT}");

        assertThat(fx.resolve("none").identityAgent()).isEqualTo(ResolvedHost.NO_AGENT);
        assertThat(fx.resolve("env").identityAgent()).isEqualTo(ResolvedHost.AGENT_FROM_ENVIRONMENT);
        assertThat(fx.resolve("legacy").identityAgent()).isEqualTo("/run/agent.sock");
        assertThat(fx.resolve("unset").identityAgent()).isEqualTo(ResolvedHost.NO_AGENT);
        assertThat(fx.resolve("braces").identityAgent()).isEqualTo("/run/agent.sock");
    }

    @Test
    void knownHostsFilesCanBeTurnedOff() throws Exception {
        fx.config("Host a", "  UserKnownHostsFile none", "  GlobalKnownHostsFile none",
                "Host b", "  GlobalKnownHostsFile /etc/ssh/cluster_hosts ~/not-expanded");
        assertThat(fx.resolve("a").userKnownHostsFiles()).isEmpty();
        assertThat(fx.resolve("a").globalKnownHostsFiles()).isEmpty();
        assertThat(fx.resolve("b").globalKnownHostsFiles()).containsExactly(Path.of("/etc/ssh/cluster_hosts"),
                Path.of("~/not-expanded"));
    }

    @Test
    void valuesAreConvertedAndNormalized() throws Exception {
        fx.config(
                "Host a",
                "  StrictHostKeyChecking off",
                "  ServerAliveInterval 1m",
                "  ServerAliveCountMax 5",
                "  ConnectTimeout none",
                "  ConnectionAttempts 3",
                "  BatchMode yes",
                "  IdentitiesOnly true",
                "  PreferredAuthentications publickey,keyboard-interactive",
                "  ChallengeResponseAuthentication no",
                "  PubkeyAuthentication host-bound",
                "  PasswordAuthentication no",
                "  AddressFamily inet6",
                "  Ciphers +aes128-cbc",
                "  KexAlgorithms curve25519-sha256",
                "  HostKeyAlgorithms ssh-ed25519",
                "  PubkeyAcceptedKeyTypes +ssh-rsa",
                "  Compression yes",
                "Host *",
                "  ConnectTimeout 10",
                "  StrictHostKeyChecking yes");

        ResolvedHost host = fx.resolve("a");
        assertThat(host.strictHostKeyChecking()).isEqualTo("no");
        assertThat(host.serverAliveInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(host.serverAliveCountMax()).isEqualTo(5);
        assertThat(host.connectTimeout()).as("'none' does not count as set").isEqualTo(Duration.ofSeconds(10));
        assertThat(host.connectionAttempts()).isEqualTo(3);
        assertThat(host.batchMode()).isTrue();
        assertThat(host.identitiesOnly()).isTrue();
        assertThat(host.preferredAuthentications()).contains("publickey,keyboard-interactive");
        assertThat(host.kbdInteractiveAuthentication()).isFalse();
        assertThat(host.pubkeyAuthentication()).isTrue();
        assertThat(host.passwordAuthentication()).isFalse();
        assertThat(host.addressFamily()).isEqualTo("inet6");
        assertThat(host.ciphers()).contains("+aes128-cbc");
        assertThat(host.kexAlgorithms()).contains("curve25519-sha256");
        assertThat(host.hostKeyAlgorithms()).contains("ssh-ed25519");
        assertThat(host.pubkeyAcceptedAlgorithms()).contains("+ssh-rsa");
        assertThat(host.compression()).isTrue();
        assertThat(host.unsupported()).isEmpty();
    }

    @Test
    void proxyCommandIsKeptOnlyToBeReported() throws Exception {
        fx.config(
                "Host old",
                "  ProxyCommand ssh -W %h:%p gw",
                "  ProxyJump ignored-after-proxycommand",
                "Host new",
                "  ProxyJump gw",
                "  ProxyCommand ignored-after-proxyjump",
                "Host off",
                "  ProxyCommand none",
                "  ProxyJump ignored-after-none");

        ResolvedHost old = fx.resolve("old");
        assertThat(old.proxyCommand()).contains("ssh -W %h:%p gw");
        assertThat(old.proxyJump()).isEmpty();
        assertThat(old.unsupported()).singleElement().satisfies(u -> {
            assertThat(u.directive()).isEqualTo("ProxyCommand");
            assertThat(u.reason()).isEqualTo("ProxyCommand is not supported, use ProxyJump");
            assertThat(u.location().line()).isEqualTo(2);
        });

        ResolvedHost modern = fx.resolve("new");
        assertThat(modern.proxyCommand()).isEmpty();
        assertThat(modern.proxyJump()).extracting(JumpHop::host).containsExactly("gw");
        assertThat(modern.unsupported()).isEmpty();

        ResolvedHost off = fx.resolve("off");
        assertThat(off.proxyCommand()).isEmpty();
        assertThat(off.proxyJump()).isEmpty();
    }

    @Test
    void directivesWeDoNotHonourAreReportedWithTheirLine() throws Exception {
        Path config = fx.config(
                "IgnoreUnknown UseKeychain",
                "Host cluster",
                "  LocalForward 8080 localhost:80",
                "  LocalForward 8081 localhost:81",
                "  ForwardAgent yes",
                "  ForwardAgent no",
                "  UseKeychain yes",
                "  HostNmae typo.example.org",
                "  Protocol 2",
                "  RemoteForward 9000 localhost:9000",
                "Host unrelated",
                "  ControlMaster auto");

        ResolvedHost host = fx.resolve("cluster");
        assertThat(host.unsupported()).extracting(UnsupportedDirective::toString).containsExactly(
                config + ":3: LocalForward 8080 localhost:80 (port forwardings from the SSH configuration are "
                        + "not set up)",
                config + ":4: LocalForward 8081 localhost:81 (port forwardings from the SSH configuration are "
                        + "not set up)",
                config + ":5: ForwardAgent yes (not used by Stagger's SSH client)",
                config + ":8: HostNmae typo.example.org (unknown directive: a typo, or one for another SSH client "
                        + "(IgnoreUnknown silences it))",
                config + ":10: RemoteForward 9000 localhost:9000 (port forwardings from the SSH configuration "
                        + "are not set up)");
        assertThat(host.hostName()).isEqualTo("cluster");
    }

    @Test
    void refuseConnectionStopsTheResolution() throws Exception {
        fx.config("Host retired", "  RefuseConnection \"retired in 2024, use cluster2\"");
        assertThatThrownBy(() -> fx.resolve("retired")).isInstanceOf(SshConfigException.class)
                .hasMessageContaining("config:2: RefuseConnection: retired in 2024, use cluster2");
        assertThat(fx.resolve("other").hostName()).isEqualTo("other");
    }

    @Test
    void anAliasThatCouldInjectIntoCommandsIsRefused() throws Exception {
        fx.config("Host *", "  Port 22");
        assertThatThrownBy(() -> fx.resolve("a;rm -rf ~")).isInstanceOf(SshConfigException.class)
                .hasMessageContaining("not a usable host name");
        assertThatThrownBy(() -> fx.resolve("-oProxyCommand=x")).isInstanceOf(SshConfigException.class);
    }

    @Test
    void theSystemFileFillsOnlyWhatTheUserFileLeaves() throws Exception {
        Path system = fx.write("etc-ssh/ssh_config",
                "Include ssh_config.d/*.conf",
                "Host *",
                "  User system-user",
                "  Port 2200");
        fx.write("etc-ssh/ssh_config.d/10-cluster.conf", "Host cluster", "  HostName from-system-include");
        fx.config("Host cluster", "  User mine");

        SshConfig config = SshConfig.load(fx.ssh.resolve("config"), system, fx.env());
        ResolvedHost host = config.resolve("cluster");
        assertThat(host.user()).isEqualTo("mine");
        assertThat(host.port()).isEqualTo(2200);
        assertThat(host.hostName()).isEqualTo("from-system-include");
        assertThat(config.resolve("other").user()).isEqualTo("system-user");
    }

    private static String sha1(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
