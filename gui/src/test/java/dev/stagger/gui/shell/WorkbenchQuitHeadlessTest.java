package dev.stagger.gui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.live.RunState;
import dev.stagger.engine.run.RunPlanner.RunOverrides;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.testing.TestPrefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Closing the window while a run goes on asks first (headless Monocle). Only "Cancel" is clicked
 * here: the answers that quit end the toolkit for every later test in this JVM; what they do is
 * tested on the model ({@code stopForQuit}) and in {@link JobSurvivalIT}.
 */
class WorkbenchQuitHeadlessTest {
    @TempDir
    static Path dir;
    private static final String PREFS_NODE = "dev/stagger/test/quit-" + ProcessHandle.current().pid();
    private static StaggerWorkbench app;
    private static Stage stage;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        System.setProperty(StaggerWorkbench.PREFS_PROPERTY, PREFS_NODE);
        stage = FxToolkit.registerPrimaryStage();
        app = (StaggerWorkbench) FxToolkit.setupApplication(StaggerWorkbench.class);
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        TestPrefs.drop(PREFS_NODE);
        System.clearProperty(StaggerWorkbench.PREFS_PROPERTY);
    }

    @Test
    void closingWithARunGoingAsksAndCancelKeepsEverything() throws Exception {
        Path project = dir.resolve("diffusion-2d.yaml");
        Files.writeString(project, Files.readString(TestPrefs.samples().resolve("diffusion-2d.yaml"))
                .replace("every: 20", "every: 0"));
        RunJob[] job = new RunJob[1];
        robot.interact(() -> {
            app.model().open(project);
            app.model().useRunOverrides(new RunOverrides(1, 50_000_000L, null));
            job[0] = app.model().run(app.model().targets().get(0));
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> job[0].state() == RunState.RUNNING);

        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> dialog() != null);
        DialogPane pane = dialog();
        assertThat(pane.getHeaderText()).isEqualTo("1 run is still going.");
        assertThat(pane.getContentText()).contains("diffusion-2d (this computer)");
        List<String> buttons = pane.getButtonTypes().stream().map(b -> b.getText()).toList();
        assertThat(buttons).as("a run inside the workbench cannot be kept going")
                .containsExactly("Stop runs and quit", "Cancel");

        robot.interact(() -> ((Button) pane.lookupButton(javafx.scene.control.ButtonType.CANCEL)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog()).isNull();
        assertThat(stage.isShowing()).isTrue();
        assertThat(job[0].state()).isEqualTo(RunState.RUNNING);

        robot.interact(() -> app.model().board().stop(job[0]));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> job[0].state() == RunState.STOPPED);
    }

    private static DialogPane dialog() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane p) {
                return p;
            }
        }
        return null;
    }
}
