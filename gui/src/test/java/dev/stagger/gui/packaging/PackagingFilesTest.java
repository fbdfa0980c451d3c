package dev.stagger.gui.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The .deb's pieces agree with each other and with dev/package: the desktop entry and the
 * {@code /usr/bin/stagger} link both start the launcher dev/package puts at the app image's
 * {@code lib/app/stagger}, and that launcher is the one the tarball has as {@code bin/stagger}.
 */
class PackagingFilesTest {
    private static final Path DEV = Path.of("..", "dev");
    private static final String LAUNCHER = "/opt/stagger/lib/app/stagger";

    @Test
    void theDesktopEntryAndThePathLinkStartTheInstalledLauncher() throws Exception {
        String desktop = Files.readString(DEV.resolve("packaging/stagger.desktop"));
        assertThat(desktop).contains("\nExec=" + LAUNCHER + " %f\n").contains("\nIcon=APPLICATION_ICON\n")
                .contains("\nMimeType=application/x-yaml;").contains("\nType=Application\n");
        // the desktop entry is installed by hand: xdg-desktop-menu fails the whole install where no menu folder exists yet
        assertThat(Files.readString(DEV.resolve("packaging/postinst")))
                .contains("ln -sf " + LAUNCHER + " /usr/bin/stagger").contains("mkdir -p /usr/share/applications")
                .contains("install -m 644 /opt/stagger/lib/stagger-stagger.desktop /usr/share/applications/stagger.desktop")
                .doesNotContain("DESKTOP_COMMANDS").doesNotContain("xdg-desktop-menu install");
        assertThat(Files.readString(DEV.resolve("packaging/prerm")))
                .contains("= " + LAUNCHER + " ]; then rm -f /usr/bin/stagger")
                .contains("rm -f /usr/share/applications/stagger.desktop").doesNotContain("DESKTOP_COMMANDS");
        for (String script : new String[] {"postinst", "prerm"}) {
            Process check = new ProcessBuilder("sh", "-n", DEV.resolve("packaging/" + script).toString())
                    .redirectErrorStream(true).start();
            assertThat(check.waitFor()).as(script + " parses: " + new String(check.getInputStream().readAllBytes()))
                    .isZero();
        }
        String script = Files.readString(DEV.resolve("package"));
        // the input folder of jpackage becomes lib/app: the launcher is copied to its top
        assertThat(script).contains("cp dev/packaging/stagger \"$stage/lib/stagger\"")
                .contains("cp -a \"$stage/lib/.\" \"$stage/input/\"").contains("--input \"$stage/input\"")
                .contains("cp dev/packaging/stagger \"$stage/bin/stagger\"")
                .contains("--main-class dev.stagger.gui.launch.StaggerLauncher");
        assertThat(DEV.resolve("package")).isExecutable();
        assertThat(DEV.resolve("packaging/stagger")).isExecutable();
    }
}
