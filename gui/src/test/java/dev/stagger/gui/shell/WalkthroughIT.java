package dev.stagger.gui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stagger.engine.live.Command;
import dev.stagger.engine.live.RunEndpoint;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.RunStateFile;
import dev.stagger.engine.live.SocketLiveClient;
import dev.stagger.gui.XvfbJvm;
import dev.stagger.gui.start.SampleGallery;
import dev.stagger.gui.testing.TestPrefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end check in the real window under Xvfb ({@link Walkthrough}): open the 2D
 * sample, make a side Dirichlet, run it embedded and on 4 MPI ranks, quit keeping a 4-rank run
 * going (this test then finds it alive and stops it), screenshots of every step in
 * {@code gui/target/screenshots/walk-*.png}. Needs xvfb-run and Open MPI; skipped without them.
 */
class WalkthroughIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String PREFS_NODE = "dev/stagger/test/walkthrough-" + java.util.UUID.randomUUID();

    @TempDir
    Path tmp;

    @Test
    void openEditRunHereAndOnFourRanks() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mpirun")), "Open MPI is not installed");
        Path samples = Files.createDirectories(tmp.resolve("samples"));
        for (String s : List.of("diffusion-1d", "diffusion-2d", "diffusion-3d")) {
            Files.copy(TestPrefs.samples().resolve(s + ".yaml"), samples.resolve(s + ".yaml"));
        }
        Path log = XvfbJvm.SCREENSHOTS.resolve("walkthrough-jvm.log");
        XvfbJvm.Result r;
        try {
            r = XvfbJvm.run(Walkthrough.class, Map.of(SampleGallery.PROPERTY, samples.toString(),
                    StaggerWorkbench.PREFS_PROPERTY, PREFS_NODE, "stagger.root", ROOT.toString(),
                    "testfx.robot", "glass", "testfx.headless", "false"), log, 480);
        } finally {
            TestPrefs.drop(PREFS_NODE);
        }
        assertThat(r.finished()).as("walkthrough finished; see " + log).isTrue();
        assertThat(r.exitCode()).as(r.output()).isZero();
        String output = r.output();
        assertThat(output).contains("walkthrough done").contains("the workbench quit");
        stopTheRunThatOutlivedTheWorkbench(Path.of(output.split("keeping the run in ")[1].lines().findFirst()
                .orElseThrow().trim()));
        for (int i = 1; i <= 11; i++) {
            int step = i;
            try (var files = Files.list(XvfbJvm.SCREENSHOTS)) {
                assertThat(files.anyMatch(f -> f.getFileName().toString().startsWith("walk-" + step + "-")))
                        .as("screenshot of step " + step).isTrue();
            }
        }
    }

    /**
     * The run left going when the workbench quit: still alive after the workbench's JVM is gone,
     * still serving, and it stops cleanly when asked through its endpoint, as a later session does.
     */
    private static void stopTheRunThatOutlivedTheWorkbench(Path dir) throws Exception {
        RunEndpoint endpoint = RunEndpoint.read(dir);
        ProcessHandle rank0 = ProcessHandle.of(endpoint.pid()).orElse(null);
        try {
            assertThat(rank0).as("rank 0 of the kept run is alive after the workbench quit").isNotNull();
            assertThat(rank0.isAlive()).isTrue();
            try (SocketLiveClient client = endpoint.connect("walkthrough-it")) {
                assertThat(client.status().state()).isEqualTo(RunState.RUNNING);
                assertThat(client.status().rankCount()).isEqualTo(4);
                client.control(Command.STOP, 60_000);
            }
            assertThat(rank0.onExit().get(120, TimeUnit.SECONDS).isAlive()).isFalse();
            assertThat(RunStateFile.read(dir).state()).isEqualTo(RunState.STOPPED);
        } finally {
            if (rank0 != null && rank0.isAlive()) { // mpirun, then rank 0: nothing of the test's left behind
                rank0.parent().ifPresent(ProcessHandle::destroy);
                rank0.destroy();
            }
        }
    }
}
