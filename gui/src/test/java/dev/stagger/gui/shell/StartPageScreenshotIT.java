package dev.stagger.gui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.gui.XvfbJvm;
import dev.stagger.gui.testing.TestPrefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

/**
 * The real window under Xvfb: a JVM started by {@code xvfb-run} opens the workbench and saves
 * screenshots to {@code gui/target/screenshots/} (look at them). Skipped without xvfb-run.
 */
class StartPageScreenshotIT {
    @org.junit.jupiter.api.io.TempDir
    Path tmp;

    private static final String PREFS_NODE = "dev/stagger/test/screenshots-" + java.util.UUID.randomUUID();

    @Test
    void screenshotsOfTheStartPageAndAFinishedRun() throws Exception {
        Path samples = Files.createDirectories(tmp.resolve("samples"));
        for (String s : List.of("diffusion-1d", "diffusion-2d", "diffusion-3d")) {
            Files.copy(TestPrefs.samples().resolve(s + ".yaml"), samples.resolve(s + ".yaml"));
        }
        Path log = XvfbJvm.SCREENSHOTS.resolve("screenshot-jvm.log");
        XvfbJvm.Result r;
        try {
            r = XvfbJvm.run(ScreenshotApp.Launcher.class, Map.of("stagger.samples", samples.toString(),
                    "stagger.prefs", PREFS_NODE), log, 120);
        } finally {
            // the screenshot JVM's recent files and window layout are the test's, not the user's
            TestPrefs.drop(PREFS_NODE);
        }
        assertThat(r.finished()).as("screenshot JVM finished; see " + log).isTrue();
        assertThat(r.exitCode()).as(r.output()).isZero();
        for (String name : List.of("start-page-light.png", "start-page-dark.png", "monitor-running.png", "project-page.png")) {
            assertThat(XvfbJvm.SCREENSHOTS.resolve(name)).isNotEmptyFile();
        }
    }
}
