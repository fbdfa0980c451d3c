package dev.stagger.gui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.gui.XvfbJvm;
import dev.stagger.gui.shell.StaggerWorkbench;
import dev.stagger.gui.start.SampleGallery;
import dev.stagger.gui.testing.TestPrefs;
import dev.stagger.remote.testcluster.LoopbackCluster;
import dev.stagger.remote.testcluster.LoopbackClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench's cluster walkthrough ({@link ClusterWalkthrough}) in the real window under Xvfb
 * against the loopback cluster: the user's SSH config names the MFA login node, whose host key is
 * not yet known; two workbench sessions, the second finding the job of the first. Screenshots in
 * {@code gui/target/screenshots/cluster-*.png}.
 */
@ExtendWith(LoopbackClusterExtension.class)
class ClusterWalkthroughIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String PREFS_NODE = "dev/stagger/test/cluster-walk-" + java.util.UUID.randomUUID();

    @TempDir
    Path tmp;

    @Test
    void addProfileTrustKeyAnswerMfaRunQuitReattachFetch(LoopbackCluster cluster) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        // the user's SSH config: the MFA login node, a known_hosts file that does not know it yet
        Path sshConfig = tmp.resolve("ssh_config");
        Files.writeString(sshConfig, String.join("\n",
                "Host hpc",
                "  HostName " + cluster.mfaHost(),
                "  Port " + cluster.mfaPort(),
                "  User " + cluster.user(),
                "  IdentityFile " + cluster.key(),
                "  IdentitiesOnly yes",
                "  UserKnownHostsFile " + tmp.resolve("known_hosts"),
                "  GlobalKnownHostsFile /dev/null",
                "  PreferredAuthentications publickey,keyboard-interactive",
                "") + "\n");
        // a run long enough to quit, come back and find it going: 4 ranks on the loopback node
        String sample = Files.readString(ROOT.resolve("sample-projects/diffusion-2d.yaml"))
                .replace("steps: 100", "steps: 50000000").replace("every: 20", "every: 5000");
        Path project = tmp.resolve("cluster-run.yaml");
        Files.writeString(project, sample);
        Path samples = Files.createDirectories(tmp.resolve("samples"));
        Files.copy(ROOT.resolve("sample-projects/diffusion-2d.yaml"), samples.resolve("diffusion-2d.yaml"));

        Map<String, String> env = Map.of("XDG_CONFIG_HOME", tmp.resolve("config").toString(),
                "XDG_STATE_HOME", tmp.resolve("state").toString(), "XDG_CACHE_HOME", tmp.resolve("cache").toString(),
                "HOME", home.toString(), "MAVEN_REPO_LOCAL", System.getenv().getOrDefault("MAVEN_REPO_LOCAL",
                        Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Map<String, String> props = new HashMap<>(Map.of(SampleGallery.PROPERTY, samples.toString(),
                StaggerWorkbench.PREFS_PROPERTY, PREFS_NODE, "stagger.root", ROOT.toString(),
                "testfx.robot", "glass", "testfx.headless", "false", "user.home", home.toString(),
                "walk.totp", cluster.totpSecret(), "walk.sshConfig", sshConfig.toString(),
                "walk.fingerprint", cluster.mfaHostKeyFingerprint(),
                "walk.mfaPidFile", cluster.stateDir().resolve("mfa/sshd.pid").toString()));
        try {
            props.put("stagger.open", project.toString());
            props.put("walk.phase", "first");
            XvfbJvm.Result first = XvfbJvm.run(ClusterWalkthrough.class, props, env,
                    XvfbJvm.SCREENSHOTS.resolve("cluster-walk-first.log"), 600);
            assertThat(first.finished()).as("first session finished: " + first.output()).isTrue();
            assertThat(first.exitCode()).as(first.output()).isZero();
            assertThat(first.output()).contains("the workbench quit with the job going");
            String step = first.output().split("totp-step ")[1].lines().findFirst().orElseThrow().trim();

            props.remove("stagger.open");
            props.put("walk.phase", "second");
            props.put("walk.lastTotpStep", step);
            XvfbJvm.Result second = XvfbJvm.run(ClusterWalkthrough.class, props, env,
                    XvfbJvm.SCREENSHOTS.resolve("cluster-walk-second.log"), 600);
            assertThat(second.finished()).as("second session finished: " + second.output()).isTrue();
            assertThat(second.exitCode()).as(second.output()).isZero();
            assertThat(second.output()).contains("fetched into");
        } finally {
            TestPrefs.drop(PREFS_NODE);
        }
        for (String shot : List.of("cluster-1-project", "cluster-2-new-profile", "cluster-3-host-key", "cluster-4-mfa",
                "cluster-5-doctor", "cluster-6-run-dialog", "cluster-7-live", "cluster-8-mfa-again",
                "cluster-9-reattached", "cluster-9b-connection-lost", "cluster-9d-reconnected", "cluster-10-fetched")) {
            assertThat(XvfbJvm.SCREENSHOTS.resolve(shot + ".png")).as(shot).isRegularFile();
        }
    }
}
