package dev.stagger.remote.sshconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshConfigChainTest {
    @TempDir
    Path tempDir;
    ConfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(tempDir);
    }

    private List<String> chain(String alias) throws SshConfigException {
        return fx.load().resolveChain(alias).stream().map(h -> h.alias() + "=" + h.destination()).toList();
    }

    @Test
    void withoutProxyJumpTheChainIsTheTarget() throws Exception {
        fx.config("Host target", "  HostName t.example.org");
        assertThat(chain("target")).containsExactly("target=alice@t.example.org:22");
    }

    @Test
    void aJumpHostIsResolvedThroughTheConfigWithTheUserAndPortOfTheEntryWinning() throws Exception {
        fx.config(
                "Host target",
                "  HostName t.internal",
                "  ProxyJump bob@gw:2222",
                "Host gw",
                "  HostName gw.example.org",
                "  User gw-user",
                "  Port 2200",
                "  IdentityFile ~/.ssh/gw_key");

        List<ResolvedHost> chain = fx.load().resolveChain("target");
        assertThat(chain).extracting(ResolvedHost::destination).containsExactly("bob@gw.example.org:2222",
                "alice@t.internal:22");
        assertThat(chain.get(0).identityFiles()).containsExactly(fx.home(".ssh/gw_key"));
        assertThat(chain.get(1).proxyJump()).extracting(JumpHop::toString).containsExactly("bob@gw:2222");
    }

    @Test
    void severalHopsAreVisitedInOrderAndLaterOnesIgnoreTheirOwnProxyJump() throws Exception {
        fx.config(
                "Host target",
                "  ProxyJump outer,middle",
                "Host middle",
                "  ProxyJump somewhere-else",
                "  User mid",
                "Host outer",
                "  HostName outer.example.org");

        List<ResolvedHost> chain = fx.load().resolveChain("target");
        assertThat(chain).extracting(ResolvedHost::alias).containsExactly("outer", "middle", "target");
        assertThat(chain.get(1).proxyJump()).as("as with ssh -J outer middle").extracting(JumpHop::host)
                .containsExactly("outer");
        assertThat(chain.get(1).user()).isEqualTo("mid");
        assertThat(chain.get(0).hostName()).isEqualTo("outer.example.org");
    }

    @Test
    void aJumpHostsOwnProxyJumpComesFirst() throws Exception {
        fx.config(
                "Host target",
                "  ProxyJump gw",
                "Host gw",
                "  ProxyJump edge",
                "Host edge",
                "  ProxyJump root@[2001:db8::7]:2022",
                "Host 2001:db8::7",
                "  IdentityFile ~/.ssh/v6_key");

        List<ResolvedHost> chain = fx.load().resolveChain("target");
        assertThat(chain).extracting(ResolvedHost::destination).containsExactly("root@[2001:db8::7]:2022",
                "alice@edge:22", "alice@gw:22", "alice@target:22");
        assertThat(chain.get(0).identityFiles()).containsExactly(fx.home(".ssh/v6_key"));
    }

    @Test
    void theFirstHopOfAListFollowsItsOwnProxyJump() throws Exception {
        fx.config(
                "Host target",
                "  ProxyJump a,b",
                "Host a",
                "  ProxyJump z");
        assertThat(fx.load().resolveChain("target")).extracting(ResolvedHost::alias)
                .containsExactly("z", "a", "b", "target");
    }

    @Test
    void proxyJumpNoneInAnEarlierBlockStopsAWildcardJump() throws Exception {
        fx.config(
                "Host gw",
                "  ProxyJump none",
                "Host *",
                "  ProxyJump gw");
        assertThat(chain("node")).containsExactly("gw=alice@gw:22", "node=alice@node:22");
        assertThat(chain("gw")).containsExactly("gw=alice@gw:22");
    }

    @Test
    void proxyJumpTakesTheTokensOfTheTarget() throws Exception {
        fx.config(
                "Host gw-*",
                "  ProxyJump none",
                "Host *.cluster",
                "  User bob",
                "  ProxyJump %r@gw-%n");
        assertThat(chain("n1.cluster")).containsExactly("gw-n1.cluster=bob@gw-n1.cluster:22",
                "n1.cluster=bob@n1.cluster:22");
    }

    @Test
    void aLoopOfJumpsIsAnError() throws Exception {
        Path config = fx.config(
                "Host a",
                "  ProxyJump b",
                "Host b",
                "  ProxyJump a");
        assertThatThrownBy(() -> fx.load().resolveChain("a")).isInstanceOf(SshConfigException.class)
                .hasMessage(config + ":4: ProxyJump loop: a (alice@a:22) -> b (alice@b:22) -> a (alice@a:22); "
                        + "break it with 'ProxyJump none' in the block of one of these hosts");
    }

    @Test
    void aHostThatJumpsThroughItselfIsALoop() throws Exception {
        fx.config("Host *", "  ProxyJump gw");
        assertThatThrownBy(() -> fx.load().resolveChain("node")).hasMessageContaining("ProxyJump loop: gw");
    }

    @Test
    void chainsLongerThanSixteenAreRefused() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            lines.add("Host h" + i);
            lines.add("  ProxyJump h" + (i + 1));
        }
        fx.config(lines.toArray(String[]::new));
        assertThatThrownBy(() -> fx.load().resolveChain("h1")).isInstanceOf(SshConfigException.class)
                .hasMessageContaining("longer than 16 hosts");

        assertThat(fx.load().resolveChain("h6")).hasSize(16).first()
                .extracting(ResolvedHost::alias).isEqualTo("h21");
    }

    @Test
    void aBadHostInAProxyJumpNamesItsLine() throws Exception {
        fx.config("Host target", "  ProxyJump gw;x");
        assertThatThrownBy(() -> fx.load().resolveChain("target"))
                .hasMessageContaining("config:2: 'gw;x' is not a usable host name");
    }

    @Test
    void resolveAloneDoesNotFollowTheJumps() throws Exception {
        fx.config("Host target", "  ProxyJump gw", "Host gw", "  RefuseConnection no");
        assertThat(fx.resolve("target").proxyJump()).extracting(JumpHop::host).containsExactly("gw");
        assertThatThrownBy(() -> fx.load().resolveChain("target")).hasMessageContaining("RefuseConnection");
    }
}
