package dev.stagger.gui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The real window under Xvfb: a JVM started by {@code xvfb-run} opens the workbench and saves
 * screenshots to {@code gui/target/screenshots/} (look at them). Skipped without xvfb-run.
 */
class StartPageScreenshotIT {

    private static final String PREFS_NODE = "dev/stagger/test/screenshots-" + java.util.UUID.randomUUID();

    @Test
    void screenshotsOfTheStartPageAndAFinishedRun() throws Exception {
        boolean haveXvfb = Files.isExecutable(Path.of("/usr/bin/xvfb-run"));
        assumeTrue(haveXvfb, "xvfb-run is not installed (apt-get install xvfb libgtk-3-0); no screenshots taken");
        Path out = Path.of("target", "screenshots").toAbsolutePath();
        Files.createDirectories(out);
        Path samples = Files.createTempDirectory("stagger-samples");
        for (String s : List.of("diffusion-1d", "diffusion-2d", "diffusion-3d")) {
            Files.copy(TestPrefs.samples().resolve(s + ".yaml"), samples.resolve(s + ".yaml"));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", java,
                "--add-modules", "jdk.incubator.vector", "-cp", cp,
                "-Dstagger.screenshots=" + out, "-Dstagger.samples=" + samples,
                "-Dstagger.prefs=" + PREFS_NODE, "-Dprism.order=sw",
                ScreenshotApp.Launcher.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(new File(out.toFile(), "screenshot-jvm.log")).start();
        boolean done;
        try {
            done = p.waitFor(120, TimeUnit.SECONDS);
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            // the screenshot JVM's recent files and window layout are the test's, not the user's
            Preferences.userRoot().node(PREFS_NODE).removeNode();
        }
        assertThat(done).as("screenshot JVM finished; see " + out.resolve("screenshot-jvm.log")).isTrue();
        assertThat(p.exitValue()).as(Files.readString(out.resolve("screenshot-jvm.log"))).isZero();
        for (String name : List.of("start-page-light.png", "start-page-dark.png", "monitor-running.png", "project-page.png")) {
            assertThat(out.resolve(name)).isNotEmptyFile();
        }
    }
}
