package dev.stagger.gui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.gui.XvfbJvm;
import dev.stagger.gui.start.SampleGallery;
import dev.stagger.gui.testing.TestPrefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project file dragged from another program onto the window opens, through the X server's own
 * drag and drop (XDND between two processes under Xvfb, no simulated event): {@link DropWalk} runs
 * the workbench, {@link DropSource} the other program. Skipped without xvfb-run.
 */
class DropProjectIT {
    private static final String PREFS_NODE = "dev/stagger/test/drop-" + java.util.UUID.randomUUID();

    @TempDir
    Path tmp;

    @Test
    void aProjectDraggedFromAnotherProgramOpens() throws Exception {
        Path samples = Files.createDirectories(tmp.resolve("samples"));
        Path file = tmp.resolve("dropped-diffusion.yaml");
        Files.copy(TestPrefs.samples().resolve("diffusion-1d.yaml"), file);
        Path log = XvfbJvm.SCREENSHOTS.resolve("drop-jvm.log");
        XvfbJvm.Result r;
        try {
            r = XvfbJvm.run(DropWalk.class, Map.of(SampleGallery.PROPERTY, samples.toString(),
                    StaggerWorkbench.PREFS_PROPERTY, PREFS_NODE, "stagger.drop.file", file.toString(),
                    "testfx.robot", "glass", "testfx.headless", "false"), log, 180);
        } finally {
            TestPrefs.drop(PREFS_NODE);
        }
        assertThat(r.finished()).as("drop walkthrough finished; see " + log).isTrue();
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("drag source: drag done, COPY").contains("dropped project opened: " + file);
        assertThat(XvfbJvm.SCREENSHOTS.resolve("drop-opened.png")).isNotEmptyFile();
    }
}
