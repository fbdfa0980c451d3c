package dev.stagger.gui.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The monitor in a real window under Xvfb at the workbench's monitor widths: a JVM started by
 * {@code xvfb-run} runs {@link MonitorScreenshots} and saves PNGs to {@code gui/target/screenshots/}
 * (look at them: the toolbar must not cut text). Skipped without xvfb-run.
 */
class MonitorScreenshotIT {

    @Test
    void screenshotsOfTheMonitorAtWorkbenchWidths() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/xvfb-run")),
                "xvfb-run is not installed (apt-get install xvfb libgtk-3-0); no screenshots taken");
        Path out = Path.of("target", "screenshots").toAbsolutePath();
        Files.createDirectories(out);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = List.of("xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", java,
                "--add-modules", "jdk.incubator.vector", "-cp", cp, "-Dstagger.screenshots=" + out,
                "-Dprism.order=sw", MonitorScreenshots.Launcher.class.getName());
        Path log = out.resolve("monitor-screenshots-jvm.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(new File(log.toString())).start();
        boolean done;
        try {
            done = p.waitFor(180, TimeUnit.SECONDS);
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        assertThat(done).as("screenshot JVM finished; see " + log).isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
        for (String name : List.of("monitor-700.png", "monitor-800.png", "monitor-900.png", "monitor-finished-700.png",
                "monitor-3d-700.png")) {
            assertThat(out.resolve(name)).isNotEmptyFile();
        }
    }
}
