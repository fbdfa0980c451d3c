package dev.stagger.remote.ssh;

import static dev.stagger.remote.ssh.SshItSupport.QUICK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.remote.ssh.SshItSupport.Cli;
import dev.stagger.remote.testcluster.LoopbackCluster;
import dev.stagger.remote.testcluster.LoopbackClusterExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jump hosts: the compute nodes are reachable only through the login node, so profiles for them
 * exercise the chain of {@code direct-tcpip} channels, resolved from the harness's ssh_config.
 */
@ExtendWith(LoopbackClusterExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JumpHostIT {

    @Test
    void aNodeBehindTheLoginNodeIsReachedThroughTheConfigsProxyJump(LoopbackCluster cluster, @TempDir Path tmp)
            throws Exception {
        Cli cli = new Cli(tmp);
        cli.add("node1", "--host", "node1", "--ssh-config", cluster.sshConfig().toString());
        List<Hop> hops = cli.hops("node1");
        assertThat(hops).extracting(Hop::alias).containsExactly("login", "node1");

        try (SshConnection c = SshConnection.open(hops, Prompter.NONE)) {
            assertThat(c.run("hostname", QUICK, "hostname").strip()).isEqualTo("node1");
            assertThat(c.target().hostName()).isEqualTo(cluster.nodeAddress("node1"));
        }
    }

    @Test
    void aChainOfTwoJumpsReachesTheSecondNode(LoopbackCluster cluster, @TempDir Path tmp) throws Exception {
        Cli cli = new Cli(tmp);
        cli.add("node2", "--host", "node2", "--proxy-jump", "login,node1", "--ssh-config",
                cluster.sshConfig().toString());
        List<Hop> hops = cli.hops("node2");
        assertThat(hops).extracting(Hop::alias).containsExactly("login", "node1", "node2");

        try (SshConnection c = SshConnection.open(hops, Prompter.NONE)) {
            assertThat(c.run("hostname", QUICK, "hostname").strip()).isEqualTo("node2");
        }
    }

    @Test
    void anUnreachableTargetBehindAJumpFailsNamingTheJump(LoopbackCluster cluster, @TempDir Path tmp)
            throws Exception {
        Cli cli = new Cli(tmp);
        cli.add("gone", "--host", "10.213.0.99", "--proxy-jump", "login", "--user", cluster.user(),
                "--identity-file", cluster.key().toString(), "--known-hosts", cluster.knownHosts().toString(),
                "--ssh-config", cluster.sshConfig().toString());
        List<Hop> hops = cli.hops("gone");
        assertThat(hops).extracting(Hop::alias).containsExactly("login", "10.213.0.99");

        long start = System.nanoTime();
        assertThatThrownBy(() -> SshConnection.open(hops, Prompter.NONE).close())
                .isInstanceOf(SshException.Unreachable.class)
                .hasMessageContaining("cannot reach " + hops.get(1).describe())
                .hasMessageContaining("jump host")
                .hasMessageContaining(hops.get(0).describe())
                .hasMessageContaining("10.213.0.99:22");
        assertThat(System.nanoTime() - start).as("nanoseconds to fail").isLessThan(TimeUnit.SECONDS.toNanos(40));
    }
}
