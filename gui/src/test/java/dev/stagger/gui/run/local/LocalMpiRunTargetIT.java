package dev.stagger.gui.run.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.live.PreviewRequest;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.project.ProjectReader;
import dev.stagger.engine.run.RunPlanner;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.run.RunRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench's "this computer, N MPI ranks" target against the real launcher and mpirun. */
class LocalMpiRunTargetIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void runsOnFourRanksHandsTheMonitorALiveClientAndEnds() throws Exception {
        Path project = tmp.resolve("diffusion-2d.yaml");
        Files.writeString(project, Files.readString(ROOT.resolve("sample-projects/diffusion-2d.yaml"))
                .replace("steps: 100", "steps: 3000"));
        ExecutorService background = Executors.newCachedThreadPool();
        try {
            LocalMpiRunTarget target = new LocalMpiRunTarget(ROOT.resolve("stagger"), Path.of("mpirun"), 4, background, Runnable::run,
                    Clock.systemUTC());
            RunRequest request = new RunRequest("diffusion-2d", ProjectReader.read(project).project(), project,
                    RunRequest.outputDirFor(project), RunPlanner.RunOverrides.NONE);
            RunJob job = target.start(request);
            Instant deadline = Instant.now().plusSeconds(120);
            while (job.client() == null && !job.state().isOver()) {
                assertThat(Instant.now()).as("the run serves").isBefore(deadline);
                background.awaitTermination(50, TimeUnit.MILLISECONDS);
            }
            assertThat(job.client()).as(job.messageProperty().get()).isNotNull();
            assertThat(job.client().status().rankCount()).isEqualTo(4);
            assertThat(job.client().preview(PreviewRequest.of("C", 64, 64), 60_000).nx()).isEqualTo(64);
            while (!job.state().isOver()) {
                assertThat(Instant.now()).as("the run ends").isBefore(deadline);
                background.awaitTermination(50, TimeUnit.MILLISECONDS);
            }
            assertThat(job.state()).as(job.messageProperty().get()).isEqualTo(RunState.FINISHED);
            assertThat(request.outputDir().resolve("diffusion-2d_003000.pvti")).exists();
        } finally {
            background.shutdownNow();
        }
    }
}
