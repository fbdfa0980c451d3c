package dev.stagger.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/** --version: what the manifests say about the build, and what runs it. */
class BuildInfoTest {
    @Test
    void readsVersionCommitAndJavaFxFromTheManifest() throws Exception {
        Manifest manifest = new Manifest(new ByteArrayInputStream(("Manifest-Version: 1.0\n"
                + "Implementation-Version: 1.2.3\nStagger-Commit: 0123abcd\nStagger-JavaFX-Version: 21.0.5\n")
                .getBytes(StandardCharsets.UTF_8)));
        BuildInfo info = BuildInfo.from(manifest);
        assertThat(info).isEqualTo(new BuildInfo("1.2.3", "0123abcd", "21.0.5"));
        assertThat(info.lines().get(0)).isEqualTo("Stagger 1.2.3 (commit 0123abcd)");
        assertThat(info.lines().get(1)).startsWith("Java " + System.getProperty("java.runtime.version"))
                .contains(System.getProperty("java.home"));
        assertThat(info.lines().get(2)).isEqualTo("JavaFX 21.0.5 (workbench)");
    }

    @Test
    void classesOutsideAJarAreADevelopmentBuild() {
        // the tests run from target/classes
        assertThat(BuildInfo.manifestOf(BuildInfo.class)).isNull();
        assertThat(BuildInfo.current()).isEqualTo(new BuildInfo("development build", "unknown", "unknown"));
        assertThat(BuildInfo.from(new Manifest())).isEqualTo(new BuildInfo("development build", "unknown", "unknown"));
    }
}
