package dev.stagger.gui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.gui.XvfbJvm;
import dev.stagger.gui.testing.TestPrefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real window under Xvfb with each model-language sample: its setup tabs and its monitor after
 * a run on this computer, saved to {@code gui/target/screenshots/catalogue-*.png} (look at them).
 */
class CatalogueScreenshotIT {
    @TempDir
    Path tmp;

    private static final String PREFS_NODE = "dev/stagger/test/catalogue-" + java.util.UUID.randomUUID();

    @Test
    void everyCatalogueSampleOpensAndRunsInTheWindow() throws Exception {
        Path samples = Files.createDirectories(tmp.resolve("samples"));
        for (String s : CatalogueScreenshotApp.SAMPLES) {
            Files.copy(TestPrefs.samples().resolve(s + ".yaml"), samples.resolve(s + ".yaml"));
        }
        Path log = XvfbJvm.SCREENSHOTS.resolve("catalogue-jvm.log");
        XvfbJvm.Result r;
        try {
            r = XvfbJvm.run(CatalogueScreenshotApp.Launcher.class, Map.of("stagger.samples", samples.toString(),
                    "stagger.prefs", PREFS_NODE, "stagger.catalogue", System.getProperty("stagger.catalogue", "")),
                    log, 600);
        } finally {
            TestPrefs.drop(PREFS_NODE);
        }
        assertThat(r.finished()).as("screenshot JVM finished; see " + log).isTrue();
        assertThat(r.exitCode()).as(r.output()).isZero();
        for (String s : CatalogueScreenshotApp.SAMPLES) {
            assertThat(XvfbJvm.SCREENSHOTS.resolve("catalogue-" + s + "-run.png")).isNotEmptyFile();
        }
    }
}
