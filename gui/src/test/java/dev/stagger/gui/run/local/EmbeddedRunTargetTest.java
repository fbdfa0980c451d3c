package dev.stagger.gui.run.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.engine.live.RunState;
import dev.stagger.engine.project.ProjectReader;
import dev.stagger.engine.run.RunPlanner.RunOverrides;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.run.RunRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench's own runs follow the command line's rules: one live run per folder, and the grid must fit the heap. */
class EmbeddedRunTargetTest {
    private static final Path SAMPLES = Path.of("..", "sample-projects");
    private final ExecutorService background = Executors.newCachedThreadPool();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private RunRequest request(String sample, List<String> sets, long steps) throws Exception {
        Path project = dir.resolve(sample + ".yaml");
        Files.copy(SAMPLES.resolve(sample + ".yaml"), project, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new RunRequest(sample, ProjectReader.read(project, sets).project(), project, dir.resolve("out"),
                new RunOverrides(1, steps, null));
    }

    @Test
    void aSecondRunIntoTheSameFolderIsRefusedWhileTheFirstGoes() throws Exception {
        EmbeddedRunTarget target = new EmbeddedRunTarget(background, Runnable::run, Clock.systemUTC());
        RunJob first = target.start(request("diffusion-2d", List.of(), 50_000_000L));
        assertThatThrownBy(() -> target.start(request("diffusion-2d", List.of(), 10L)))
                .isInstanceOf(IOException.class).hasMessageContaining("already has a live run")
                .hasMessageContaining("the workbench");
        first.stop();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!first.state().isOver() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(first.state()).isEqualTo(RunState.STOPPED);
        // the lock is released as the run's thread ends, just after its last report
        RunJob next = null;
        for (int i = 0; next == null; i++) {
            try {
                next = target.start(request("diffusion-2d", List.of(), 10L));
            } catch (dev.stagger.engine.live.RunFolderLock.BusyException e) {
                assertThat(i).as("the folder is free again soon after the run ended").isLessThan(100);
                Thread.sleep(50);
            }
        }
        deadline = System.nanoTime() + 60_000_000_000L;
        while (!next.state().isOver() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(next.state()).as(next.messageProperty().get()).isEqualTo(RunState.FINISHED);
    }

    @Test
    void aGridTooLargeForThisJavaIsRefusedBeforeAnythingStarts() throws Exception {
        EmbeddedRunTarget target = new EmbeddedRunTarget(background, Runnable::run, Clock.systemUTC());
        RunRequest huge = request("diffusion-3d", List.of("grid.cells=[1200, 1200, 1200]"), 10L);
        assertThatThrownBy(() -> target.start(huge)).isInstanceOf(IOException.class)
                .hasMessageContaining("grid.cells").hasMessageContaining("ranks");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void theProjectsBackendIsHonouredCudaStopsAndAutoSaysWhyItRunsOnTheCpu() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                dev.stagger.engine.backend.CudaProbe.ofThisMachine().missing().isEmpty(),
                "this machine has a usable GPU");
        EmbeddedRunTarget target = new EmbeddedRunTarget(background, Runnable::run, Clock.systemUTC());
        assertThatThrownBy(() -> target.start(request("diffusion-2d", List.of("run.backend=cuda"), 10L)))
                .isInstanceOf(IOException.class).hasMessageStartingWith("backend cuda cannot run here; missing: ");
        assertThat(dir.resolve("out")).doesNotExist();

        RunJob auto = target.start(request("diffusion-2d", List.of("run.backend=auto"), 2_000_000L));
        long deadline = System.nanoTime() + 60_000_000_000L;
        List<String> ranks = List.of();
        while (ranks.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            if (auto.client() != null) {
                ranks = auto.client().status().ranks();
            }
        }
        // the monitor's ranks table shows these lines
        assertThat(ranks).singleElement().asString().contains("cpu x 1 thread(s) (backend auto: no usable GPU (missing: ");
        auto.stop();
        while (!auto.state().isOver() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(auto.state()).isEqualTo(RunState.STOPPED);
    }
}
