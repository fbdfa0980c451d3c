package dev.stagger.gui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.gui.XvfbJvm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The monitor in a real window under Xvfb at the workbench's monitor widths: a JVM started by
 * {@code xvfb-run} runs {@link MonitorScreenshots} and saves PNGs to {@code gui/target/screenshots/}
 * (look at them: the toolbar must not cut text). Skipped without xvfb-run.
 */
class MonitorScreenshotIT {

    @Test
    void screenshotsOfTheMonitorAtWorkbenchWidths() throws Exception {
        Path log = XvfbJvm.SCREENSHOTS.resolve("monitor-screenshots-jvm.log");
        XvfbJvm.Result r = XvfbJvm.run(MonitorScreenshots.Launcher.class, Map.of(), log, 180);
        assertThat(r.finished()).as("screenshot JVM finished; see " + log).isTrue();
        assertThat(r.exitCode()).as(r.output()).isZero();
        for (String name : List.of("monitor-700.png", "monitor-800.png", "monitor-900.png", "monitor-finished-700.png",
                "monitor-3d-700.png")) {
            assertThat(XvfbJvm.SCREENSHOTS.resolve(name)).isNotEmptyFile();
        }
    }
}
