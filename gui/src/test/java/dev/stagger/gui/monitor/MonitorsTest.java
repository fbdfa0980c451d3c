package dev.stagger.gui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.live.RunState;
import dev.stagger.engine.project.ProjectReader;
import dev.stagger.engine.run.RunPlanner;
import dev.stagger.gui.monitor.feed.FeedPolicy;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.run.RunRequest;
import dev.stagger.gui.run.local.EmbeddedRunTarget;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The monitor the job list shows (headless Monocle) for runs that are over: their output, as a heatmap. */
@ExtendWith(ApplicationExtension.class)
class MonitorsTest {
    @TempDir
    Path dir;

    private Stage stage;
    private Node monitor;
    private final ExecutorService runs = Executors.newCachedThreadPool();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (monitor instanceof AutoCloseable c) {
                c.close();
            }
            return null;
        }).get(10, TimeUnit.SECONDS);
        runs.shutdownNow();
    }

    @Test
    void aRunTooShortToWatchShowsItsFinalOutput(FxRobot robot) throws Exception {
        EmbeddedRunTarget target = new EmbeddedRunTarget(runs, Platform::runLater, Clock.systemUTC());
        Path project = Path.of("..", "sample-projects", "diffusion-2d.yaml");
        RunRequest request = new RunRequest("short", ProjectReader.read(project, List.of("run.steps=30",
                "output.every=10")).project(), project, dir, new RunPlanner.RunOverrides(1, null, null));
        AtomicReference<RunJob> job = new AtomicReference<>();
        robot.interact(() -> {
            try {
                job.set(target.start(request));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            show(new Monitors().createMonitor(job.get()));
        });
        HeatmapCanvas heatmap = robot.lookup(".heatmap-canvas").queryAs(HeatmapCanvas.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> job.get().state().isOver()
                && text(robot, "#outputStepText").startsWith("step 30, ") && heatmap.draws() > 0);
        assertThat(job.get().state()).isEqualTo(RunState.FINISHED);
        assertThat(text(robot, "#outputStepText")).endsWith("(4 of 4)");
        assertThat(text(robot, "#state")).isEqualTo("finished");
        assertThat(robot.lookup("#outputStep").queryAs(Slider.class).getMax()).isEqualTo(3);
    }

    @Test
    void aFinishedRunWithoutAClientShowsItsOutputAndAMissingOneSaysSo(FxRobot robot) throws Exception {
        try (EmbeddedRun run = new EmbeddedRun(dir, "diffusion-2d.yaml", "run.steps=20", "output.every=10")) {
            run.start().awaitEnd();
        }
        robot.interact(() -> {
            RunJob job = new RunJob(EmbeddedRun.NAME, "a cluster", dir, Instant.now(), Runnable::run);
            job.report(new RunJob.Snapshot(RunState.FINISHED, 20, 20, 0.01, 1, "done"));
            show(new Monitors().createMonitor(job));
        });
        HeatmapCanvas heatmap = robot.lookup(".heatmap-canvas").queryAs(HeatmapCanvas.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> heatmap.draws() > 0);
        assertThat(text(robot, "#outputStepText")).startsWith("step 20, ").endsWith("(3 of 3)");
        assertThat(text(robot, "#state")).isEqualTo("finished");
        assertThat(robot.lookup("#problem").queryAs(Label.class).isVisible()).isFalse();

        Path nowhere = dir.resolve("never-written");
        robot.interact(() -> {
            RunJob job = new RunJob("failed", "a cluster", nowhere, Instant.now(), Runnable::run);
            job.report(new RunJob.Snapshot(RunState.FAILED, -1, -1, Double.NaN, 1, "failed: no licence"));
            show(new Monitors().createMonitor(job));
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !text(robot, "#problem").isEmpty());
        assertThat(text(robot, "#problem"))
                .isEqualTo("no results to show: the output folder " + nowhere + " does not exist");
        assertThat(robot.lookup("#problem").queryAs(Label.class).isVisible()).isTrue();
        assertThat(text(robot, "#state")).isEqualTo("failed");
    }

    @Test
    void aClusterJobsMonitorIsPacedForTheTunnelAndFollowsTheReconnectedClient(FxRobot robot) {
        FakeLiveClient first = new FakeLiveClient(RunState.RUNNING, 2, 4, 3);
        FakeLiveClient second = new FakeLiveClient(RunState.RUNNING, 2, 4, 3);
        FakeLiveClient local = new FakeLiveClient(RunState.RUNNING, 2, 4, 3);
        AtomicReference<RunJob> cluster = new AtomicReference<>();
        robot.interact(() -> {
            RunJob job = new RunJob("remote", "a cluster", dir, Instant.now(), Runnable::run);
            job.remote("loopback/remote");
            job.attach(first);
            cluster.set(job);
            show(new Monitors().createMonitor(job));
        });
        MonitorViewModel model = robot.lookup(".monitor-view").queryAs(MonitorView.class).model();
        assertThat(model.policy()).isEqualTo(FeedPolicy.SLOW_LINK);
        assertThat(model.client()).isSameAs(first);

        robot.interact(() -> cluster.get().attach(second)); // the tunnel dropped and the job reconnected
        assertThat(robot.lookup(".monitor-view").queryAs(MonitorView.class).model()).as("the same monitor")
                .isSameAs(model);
        assertThat(model.client()).isSameAs(second);

        robot.interact(() -> {
            RunJob job = new RunJob("here", "this computer", dir, Instant.now(), Runnable::run);
            job.attach(local);
            show(new Monitors().createMonitor(job));
        });
        assertThat(robot.lookup(".monitor-view").queryAs(MonitorView.class).model().policy())
                .isEqualTo(FeedPolicy.LOCAL);
    }

    @Test
    void theMonitorsRunControlsGoThroughTheJobSoTheJobListAgrees(FxRobot robot) throws Exception {
        FakeLiveClient client = new FakeLiveClient(RunState.RUNNING, 2, 4, 3);
        java.util.List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> {
            RunJob job = new RunJob("remote", "a cluster", dir, Instant.now(), Runnable::run);
            job.report(new RunJob.Snapshot(RunState.RUNNING, 1, 10, 0.1, 1, "running"));
            job.controlWith(command -> {
                sent.add(command.name());
                return java.util.concurrent.CompletableFuture.completedFuture(command.name().toLowerCase() + " done");
            });
            job.stopWith(() -> sent.add("stopper"));
            job.attach(client);
            show(new Monitors().createMonitor(job));
        });
        MonitorViewModel model = robot.lookup(".monitor-view").queryAs(MonitorView.class).model();
        model.pause();
        model.checkpoint();
        model.stopRun();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (sent.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(sent).containsExactly("PAUSE", "CHECKPOINT", "stopper");
        assertThat(client.commands).as("nothing went around the job to the client").isEmpty();
    }

    /** Shows {@code node} as the stage's content, closing the monitor it replaces (FX thread). */
    private void show(Node node) {
        if (monitor instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        monitor = node;
        stage.setScene(new Scene((Parent) node, 900, 700));
        stage.show();
    }

    private static String text(FxRobot robot, String id) {
        AtomicReference<String> t = new AtomicReference<>();
        robot.interact(() -> t.set(robot.lookup(id).queryAs(Label.class).getText()));
        return t.get();
    }
}
