package dev.stagger.gui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.live.RunState;
import dev.stagger.engine.run.RunPlanner.RunOverrides;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.run.local.EmbeddedRunTarget;
import dev.stagger.gui.shell.Theme;
import dev.stagger.gui.shell.WorkbenchModel;
import dev.stagger.gui.shell.WorkbenchView;
import dev.stagger.gui.testing.TestPrefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextArea;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The job list on headless Monocle: columns that fit, and the actions on a running, a restored and a lost job. */
class JobTableHeadlessTest {
    private final Preferences prefs = TestPrefs.fresh();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final FxRobot robot = new FxRobot();
    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void drop() throws Exception {
        background.shutdownNow();
        FxToolkit.cleanupStages();
        TestPrefs.drop(prefs);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    @Test
    void columnsFitAndActionsFollowTheSelectedJob() throws Exception {
        Path finishedDir = Files.createDirectories(dir.resolve("sweep-output"));
        Instant t = Instant.parse("2026-01-05T09:30:00Z");
        new JobHistory(prefs.node("jobs")).save(List.of(
                new JobHistory.Entry("a", finishedDir, "sweep", "This computer, 4 MPI ranks", true, t, t, RunState.FINISHED,
                        null, "Done: 2000 steps", 754),
                new JobHistory.Entry("b", finishedDir, "lost-one", "This computer", false, t.minusSeconds(60), null, null,
                        null, "", -1)));
        Path project = dir.resolve("diffusion-2d.yaml");
        // no output steps: the run goes until stopped and only its end is written
        Files.writeString(project, Files.readString(TestPrefs.samples().resolve("diffusion-2d.yaml"))
                .replace("every: 20", "every: 0"));
        EmbeddedRunTarget target = new EmbeddedRunTarget(background, Platform::runLater, Clock.systemUTC());
        List<Path> opened = new CopyOnWriteArrayList<>();
        WorkbenchModel model = fx(() -> {
            WorkbenchModel m = new WorkbenchModel(prefs, List.of(target), background, Platform::runLater);
            m.board().useFolderOpener(opened::add);
            return m;
        });
        JobTable table = fx(() -> new JobTable(model.board(), model.board()::openFolder));
        FxToolkit.setupStage(s -> {
            s.setScene(new javafx.scene.Scene(table, 900, 360));
            s.getScene().getStylesheets().add(WorkbenchView.class.getResource("workbench.css").toExternalForm());
            s.getScene().getStylesheets().add(WorkbenchView.class.getResource(Theme.LIGHT.styleSheet()).toExternalForm());
            s.show();
        });
        fx(model::restoreJobs).get(30, TimeUnit.SECONDS);
        RunJob running = fx(() -> {
            model.open(project);
            model.useRunOverrides(new RunOverrides(1, 50_000_000L, null));
            return model.run(target);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> running.state() == RunState.RUNNING);
        WaitForAsyncUtils.waitForFxEvents();

        // no cell is cut short: the target column is as wide as "This computer, 4 MPI ranks"
        for (String text : List.of("This computer, 4 MPI ranks", "sweep", "lost-one", "lost", "finished", "running")) {
            assertThat(shown(text)).as(text).isEqualTo(text);
        }
        assertThat(shown("—")).as("a run found lost has no duration").isEqualTo("—");

        Button pause = button("#pause-job");
        Button stop = button("#stop-job");
        Button remove = button("#remove-job");
        assertThat(fx(() -> model.jobs().selected())).isSameAs(running);
        assertThat(stop.isDisabled()).isFalse();
        assertThat(remove.isDisabled()).as("a running job stays in the list").isTrue();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !pause.isDisabled());
        robot.interact(pause::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> running.state() == RunState.PAUSED);
        assertThat(running.client().status().state()).isEqualTo(RunState.PAUSED);
        // one command pauses and resumes: its button and its context-menu item both say which it does now
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pause.getTooltip().getText()).isEqualTo("Resume the selected run");
        assertThat(fx(() -> table.table.getContextMenu().getItems().stream().map(i -> i.getText()).toList()))
                .contains("_Resume").doesNotContain("_Pause");
        robot.interact(pause::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> running.state() == RunState.RUNNING);

        robot.interact(() -> button("#job-log").fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> logText().contains("[rank 0]"));
        robot.interact(() -> button("#job-folder").fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> opened.contains(running.outputDir()));

        robot.interact(stop::fire);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> running.state() == RunState.STOPPED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(remove.isDisabled()).isFalse();
        robot.interact(remove::fire);
        assertThat(fx(() -> model.jobs().all().stream().map(RunJob::name).toList())).containsExactly("sweep", "lost-one");
        assertThat(fx(() -> model.board().jobHistory().stream().map(JobHistory.Entry::name).toList()))
                .containsExactly("sweep", "lost-one");
    }

    /** What the table shows of the cell whose value is {@code text} (clipped text ends in "…"). */
    private String shown(String text) throws Exception {
        return fx(() -> {
            for (Node n : robot.lookup(".table-cell").queryAll()) {
                if (n instanceof TableCell<?, ?> c && text.equals(c.getText())) {
                    Text drawn = (Text) c.lookup(".text");
                    return drawn == null ? null : drawn.getText();
                }
            }
            return "(no cell " + text + ")";
        });
    }

    private Button button(String id) {
        return robot.lookup(id).queryButton();
    }

    private String logText() {
        for (Window w : Window.getWindows()) {
            if (w instanceof Stage s && s.getScene() != null && s.getScene().lookup("#log-text") instanceof TextArea a) {
                return a.getText();
            }
        }
        return "";
    }
}
