package dev.stagger.gui.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.gui.launch.StaggerLauncher.Decision;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The installed stagger: workbench, workbench with a project, or command line. */
class StaggerLauncherTest {
    private static final Map<String, String> X11 = Map.of("DISPLAY", ":0");
    private static final Map<String, String> NONE = Map.of("DISPLAY", "");

    @Test
    void aProjectFileOpensInTheWorkbench() {
        assertThat(StaggerLauncher.decide(List.of("p.yaml"), X11, p -> true))
                .isEqualTo(new Decision.Workbench(Path.of("p.yaml").toAbsolutePath().normalize()));
        assertThat(StaggerLauncher.decide(List.of("dir/q.yml"), Map.of("WAYLAND_DISPLAY", "wayland-0"), p -> true))
                .isEqualTo(new Decision.Workbench(Path.of("dir/q.yml").toAbsolutePath().normalize()));
        assertThat(StaggerLauncher.decide(List.of(), X11, p -> false)).isEqualTo(new Decision.Workbench(null));
    }

    @Test
    void commandsGoToTheCommandLine() {
        assertThat(StaggerLauncher.decide(List.of("run", "p.yaml"), NONE, p -> true))
                .isEqualTo(new Decision.CommandLine(List.of("run", "p.yaml")));
        assertThat(StaggerLauncher.decide(List.of("--version"), X11, p -> true))
                .isEqualTo(new Decision.CommandLine(List.of("--version")));
    }

    @Test
    void withoutADisplayOrAFileItSaysWhatToDo() {
        Decision noDisplay = StaggerLauncher.decide(List.of("p.yaml"), NONE, p -> true);
        assertThat(noDisplay).isInstanceOf(Decision.Refuse.class);
        assertThat(((Decision.Refuse) noDisplay).exitCode()).isEqualTo(2);
        assertThat(((Decision.Refuse) noDisplay).message()).contains("needs a display")
                .contains("stagger validate|run|edit p.yaml");
        assertThat(StaggerLauncher.decide(List.of("missing.yaml"), X11, p -> false)).isEqualTo(new Decision.Refuse(
                "stagger: missing.yaml: no such project file (to open a project in the workbench: stagger FILE.yaml)",
                2));
        Decision bare = StaggerLauncher.decide(List.of(), Map.of(), p -> true);
        assertThat(((Decision.Refuse) bare).exitCode()).as("then the help, as ./stagger does").isZero();
    }
}
