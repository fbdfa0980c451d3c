package dev.stagger.gui.shell;

import static dev.stagger.gui.testing.Waits.onUi;
import static dev.stagger.gui.testing.Waits.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.live.RunState;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.run.RunRequest;
import dev.stagger.gui.run.local.EmbeddedRunTarget;
import dev.stagger.gui.start.RecentProjects;
import dev.stagger.gui.testing.TestPrefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs started from the command line (real {@code ./stagger run} processes), attached and steered from the workbench's model. */
class JobAttachIT {
    private final Preferences prefs = TestPrefs.fresh();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    @TempDir
    Path tmp;
    private Path project;

    @BeforeEach
    void project() throws Exception {
        project = tmp.resolve("diffusion-2d.yaml");
        Files.copy(TestPrefs.samples().resolve("diffusion-2d.yaml"), project);
    }

    @AfterEach
    void drop() {
        background.shutdownNow();
        ui.shutdownNow();
        TestPrefs.drop(prefs);
    }

    private WorkbenchModel model() {
        return new WorkbenchModel(prefs, List.of(), background, ui);
    }

    @Test
    void aCommandLineRunIsAttachedByItsFolderWatchedPausedAndStopped() throws Exception {
        try (CliRun run = CliRun.start(project, tmp.resolve("out"))) {
            run.awaitEndpoint();
            WorkbenchModel m = model();
            RunJob job = onUi(ui, () -> m.board().attachRun(run.out)).get(60, TimeUnit.SECONDS);
            assertThat(job.target()).isEqualTo("Command line");
            assertThat(job.outlivesWorkbench()).isTrue();
            until(ui, () -> job.state() == RunState.RUNNING && job.client() != null, () -> job.messageProperty().get());
            // what the monitor reads: the run's own status through the client the job hands it
            assertThat(job.client().status().runName()).isEqualTo("diffusion-2d");
            assertThat(job.client().status().totalSteps()).isEqualTo(1_000_000_000L);

            onUi(ui, () -> {
                m.board().pauseOrResume(job);
                return null;
            });
            until(ui, () -> job.state() == RunState.PAUSED, () -> job.stateTextProperty().get());
            assertThat(job.client().status().state()).isEqualTo(RunState.PAUSED);
            onUi(ui, () -> {
                m.board().pauseOrResume(job);
                return null;
            });
            until(ui, () -> job.state() == RunState.RUNNING, () -> job.stateTextProperty().get());

            onUi(ui, () -> {
                m.board().stop(job);
                return null;
            });
            until(ui, () -> job.state().isOver(), () -> job.messageProperty().get());
            assertThat(job.state()).isEqualTo(RunState.STOPPED);
            assertThat(job.messageProperty().get()).startsWith("Stopped after");
            // an attached run's end is announced like that of a run started here
            assertThat(onUi(ui, () -> m.noticeProperty().get().text())).startsWith("diffusion-2d stopped: Stopped after");
            assertThat(run.process.waitFor(60, TimeUnit.SECONDS)).as("the run's process ends").isTrue();
            assertThat(onUi(ui, () -> m.board().jobHistory().get(0).end())).isEqualTo(RunState.STOPPED);
        }
    }

    @Test
    void aCommandLineRunOfARecentProjectIsFoundAtStartAndAgainAfterARestart() throws Exception {
        new RecentProjects(prefs, 10).add(project);
        try (CliRun run = CliRun.start(project, RunRequest.outputDirFor(project))) {
            run.awaitEndpoint();
            WorkbenchModel first = model();
            List<RunJob> found = onUi(ui, first::restoreJobs).get(60, TimeUnit.SECONDS);
            assertThat(found).singleElement().satisfies(j -> assertThat(j.target()).isEqualTo("Command line"));
            RunJob seen = found.get(0);
            until(ui, () -> seen.state() == RunState.RUNNING && seen.client() != null, () -> seen.messageProperty().get());

            // the next start finds it through the history (and the scan does not add it twice)
            WorkbenchModel next = model();
            List<RunJob> again = onUi(ui, next::restoreJobs).get(60, TimeUnit.SECONDS);
            assertThat(again).singleElement().satisfies(j -> assertThat(j.started()).isEqualTo(seen.started()));
            RunJob job = again.get(0);
            until(ui, () -> job.state() == RunState.RUNNING && job.client() != null, () -> job.messageProperty().get());
            assertThat(job.client().status().state()).isEqualTo(RunState.RUNNING);

            // a second run into the same folder would overwrite this one's output: refused, with a reason
            EmbeddedRunTarget here = new EmbeddedRunTarget(background, ui, java.time.Clock.systemUTC());
            Preferences otherPrefs = TestPrefs.fresh();
            WorkbenchModel other = new WorkbenchModel(otherPrefs, List.of(here), background, ui);
            try {
                assertThat(onUi(ui, () -> {
                    other.open(project);
                    return other.run(here);
                })).isNull();
                assertThat(onUi(ui, () -> other.noticeProperty().get().text())).contains(
                        "run 'diffusion-2d' is still going in " + run.out, "stop it first");
            } finally {
                TestPrefs.drop(otherPrefs);
            }

            onUi(ui, () -> {
                next.board().stop(job);
                return null;
            });
            until(ui, () -> job.state().isOver() && seen.state().isOver(), () -> job.messageProperty().get());
            assertThat(job.state()).isEqualTo(RunState.STOPPED);
            assertThat(seen.state()).as("the first session's job saw the same end").isEqualTo(RunState.STOPPED);
            assertThat(run.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }
}
