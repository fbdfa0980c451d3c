package dev.stagger.remote.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalEditorTest {

    @Test
    void prefersVisualThenEditorThenVi() {
        assertThat(ExternalEditor.choose(Map.of("VISUAL", "code --wait", "EDITOR", "nano"))).isEqualTo("code --wait");
        assertThat(ExternalEditor.choose(Map.of("VISUAL", " ", "EDITOR", "nano"))).isEqualTo("nano");
        assertThat(ExternalEditor.choose(Map.of())).isEqualTo("vi");
    }

    @Test
    void theFileIsAnArgumentOfTheShellNeverPartOfItsCode() {
        Path odd = Path.of("/tmp/a b;$(rm -rf x).yaml");
        assertThat(ExternalEditor.commandLine("emacs -nw", odd, false))
                .containsExactly("sh", "-c", "emacs -nw \"$@\"", "emacs -nw", odd.toString());
        assertThat(ExternalEditor.commandLine("notepad", Path.of("p.yaml"), true)).containsExactly("notepad", "p.yaml");
    }

    @Test
    void runsTheEditorAndReturnsItsExitCode() throws Exception {
        // POSIX only: sh runs "true"/"false" as the editor
        if (System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
            return;
        }
        assertThat(new ExternalEditor("true").edit(Path.of("x.yaml"))).isZero();
        assertThat(new ExternalEditor("false").edit(Path.of("x.yaml"))).isEqualTo(1);
    }
}
