package dev.stagger.gui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.gui.about.AboutBox;
import dev.stagger.gui.diagnostics.CrashDialog;
import dev.stagger.gui.diagnostics.CrashReport;
import dev.stagger.gui.diagnostics.DetailsDialog;
import dev.stagger.gui.help.HelpWindow;
import dev.stagger.gui.help.Manual;
import dev.stagger.gui.testing.HeadlessWorkbench;
import dev.stagger.gui.testing.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Dialogs and windows wear the workbench's theme (headless Monocle): opened over the dark workbench
 * they are dark, and one left open turns light with the workbench.
 */
class ThemedDialogsHeadlessTest {
    @TempDir
    static Path dir;
    private static final String PREFS_NODE = "dev/stagger/test/themed-" + ProcessHandle.current().pid();
    private static StaggerWorkbench app;
    private static Stage stage;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        Path samples = dir.resolve("samples");
        Files.createDirectories(samples);
        app = HeadlessWorkbench.start(samples, PREFS_NODE);
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stop() throws Exception {
        HeadlessWorkbench.stop(app, PREFS_NODE);
    }

    @Test
    void dialogsOpenedInTheDarkAreDarkAndFollowASwitchToLight() throws Exception {
        robot.interact(() -> app.model().useTheme(Theme.DARK));
        assertThat(sheetsOf(stage)).anyMatch(s -> s.endsWith("/dark.css"));

        // each shows and waits in a nested loop of its own, as the workbench opens them
        Platform.runLater(() -> AboutBox.show(stage, null));
        Platform.runLater(() -> DetailsDialog.show(stage, "Cannot open x.yaml", List.of("x.yaml:1:1: grid: missing")));
        // an error with no window to hang on (owner null) still takes the workbench window's look
        Platform.runLater(() -> CrashDialog.show(null, new CrashReport("a test", "no details")));
        Platform.runLater(() -> QuitDialog.waitFor(stage, new CompletableFuture<>(), 1, 10, () -> {}));
        HelpWindow[] help = new HelpWindow[1];
        robot.interact(() -> {
            help[0] = new HelpWindow(stage, Manual.pages(List.of()));
            help[0].show("");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialogs().size() == 4);

        List<Stage> opened = new java.util.ArrayList<>(dialogs());
        opened.add(help[0].stage());
        for (Stage s : opened) {
            assertThat(sheetsOf(s)).as(s.getTitle()).anyMatch(x -> x.endsWith("/dark.css"))
                    .noneMatch(x -> x.endsWith("/light.css"));
        }
        Stage about = opened.stream().filter(s -> "About Stagger".equals(s.getTitle())).findFirst().orElseThrow();
        robot.interact(() -> Snapshots.write(about, "dialog-about-dark"));

        robot.interact(() -> app.model().useTheme(Theme.LIGHT));
        for (Stage s : opened) {
            assertThat(sheetsOf(s)).as(s.getTitle()).anyMatch(x -> x.endsWith("/light.css"))
                    .noneMatch(x -> x.endsWith("/dark.css"));
        }

        // closed, a window lets go of the workbench's sheets; shown again it takes the theme of then
        robot.interact(() -> help[0].stage().close());
        robot.interact(() -> app.model().useTheme(Theme.DARK));
        assertThat(sheetsOf(help[0].stage())).noneMatch(x -> x.endsWith("/dark.css"));
        robot.interact(() -> help[0].show(""));
        assertThat(sheetsOf(help[0].stage())).anyMatch(x -> x.endsWith("/dark.css")).hasSize(sheetsOf(stage).size());

        robot.interact(() -> {
            help[0].stage().close();
            dialogs().forEach(Stage::close);
            app.model().useTheme(Theme.LIGHT);
        });
    }

    /** The dialogs shown now (their scene's root holds a dialog pane). */
    private static List<Stage> dialogs() {
        return Window.getWindows().stream().filter(w -> w.isShowing() && w instanceof Stage && w.getScene() != null
                && !w.getScene().getRoot().lookupAll(".dialog-pane").isEmpty()
                && w.getScene().getRoot().lookupAll(".dialog-pane").iterator().next() instanceof DialogPane)
                .map(w -> (Stage) w).toList();
    }

    private static List<String> sheetsOf(Stage s) {
        return List.copyOf(s.getScene().getStylesheets());
    }
}
