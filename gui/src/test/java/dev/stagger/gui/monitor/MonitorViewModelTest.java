package dev.stagger.gui.monitor;

import dev.stagger.gui.monitor.frame.Frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stagger.engine.live.Command;
import dev.stagger.engine.live.Event;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.render.Colormap;
import dev.stagger.gui.common.ModelTimeUnit;
import dev.stagger.engine.render.Scale;
import dev.stagger.gui.monitor.state.ChartPoint;
import dev.stagger.gui.monitor.state.ChartThinning;
import dev.stagger.gui.monitor.state.LogLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view model without the toolkit: same-thread executor, pulse() by hand. */
class MonitorViewModelTest {
    private static final Executor SAME_THREAD = Runnable::run;

    @Test
    void appliesEventsStatusAndTheNewestFrameOnlyAtThePulse() throws Exception {
        FakeLiveClient run = new FakeLiveClient(RunState.RUNNING, 2, 4, 3);
        run.add(Event.Kind.LOG, Map.of(), "rank 0 on here");
        run.add(Event.Kind.PROGRESS, Map.of("step", 5.0, "wallSeconds", 0.5), "");
        run.add(Event.Kind.METRICS, Map.of("step", 5.0, "time", 0.05, "C.min", 0.0, "C.max", 1.0, "C.mean", 0.3,
                "residual.r", 1e-3), "");
        run.add(Event.Kind.STATE, Map.of("step", 5.0), "running at step 5");
        MonitorViewModel vm = new MonitorViewModel(run, SAME_THREAD);

        assertThat(vm.pollOnce()).isTrue();
        assertThat(vm.logLines()).isEmpty(); // nothing touched before the pulse
        assertThat(vm.frameProperty().get()).isNull();

        assertThat(vm.pulse()).isTrue();
        assertThat(vm.titleProperty().get()).isEqualTo("Fake run");
        assertThat(vm.stateProperty().get()).isEqualTo(RunState.RUNNING);
        assertThat(vm.stepTextProperty().get()).isEqualTo("step 10 / 100");
        assertThat(vm.throughputTextProperty().get()).isEqualTo("3.50 M cell updates/s");
        assertThat(vm.progressProperty().get()).isEqualTo(0.1);
        assertThat(vm.fields()).containsExactly("C", "T");
        assertThat(vm.selectedFieldProperty().get()).isEqualTo("C");
        assertThat(vm.ranks()).hasSize(2);
        // the progress event, then the status's own point (2 s, step 10)
        assertThat(vm.progressPoints()).containsExactly(new ChartPoint(0.5, 5),
                new ChartPoint(2, 10));
        assertThat(vm.metricKeys()).containsExactlyInAnyOrder("C.min", "C.max", "C.mean", "residual.r");
        assertThat(vm.metric("C.mean")).containsExactly(new ChartPoint(5, 0.3));
        assertThat(vm.logLines()).extracting(LogLine::text)
                .containsExactly("rank 0 on here", "running at step 5");
        Frame f = vm.frameProperty().get();
        assertThat(f).isNotNull();
        assertThat(f.preview().field()).isEqualTo("C");
        assertThat(run.previewRequests).hasSize(1);

        // within the interval no second preview; nothing new, so the pulse changes nothing
        vm.pollOnce();
        assertThat(run.previewRequests).hasSize(1);
        assertThat(vm.pulse()).isTrue(); // the status is re-read every round
        assertThat(vm.pulse()).isFalse();
        assertThat(vm.progressPoints()).as("the same status again adds no point").hasSize(2);
    }

    @Test
    void theProgressChartHasALineFromTheFirstStatus() throws Exception {
        try (EmbeddedRun run = new EmbeddedRun("diffusion-2d.yaml", "run.steps=100000", "output.every=0")) {
            run.start();
            // a monitor opened a moment after the run started: a few steps are done
            awaitStep(run, 3);
            MonitorViewModel vm = new MonitorViewModel(run.client(), SAME_THREAD);
            vm.visibilityChanged(false); // the chart needs no previews
            vm.pollOnce();
            vm.pulse();
            List<ChartPoint> points = List.copyOf(vm.progressPoints());
            assertThat(points).as("a line needs two points").hasSizeGreaterThanOrEqualTo(2);
            assertThat(points.get(0)).as("the run's start").isEqualTo(new ChartPoint(0, 0));
            ChartPoint last = points.get(points.size() - 1);
            assertThat(last.x()).isPositive();
            // the first progress event (step 1) or the status (step 3 or more): either gives the line
            assertThat(last.y()).isGreaterThanOrEqualTo(1);
            assertIncreasingInWallTime(points);

            // a later round adds the status's point once the run is half a second of wall time on
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (run.live.status().wallSeconds() < last.x() + ChartThinning.INTERVAL_SECONDS
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            vm.pollOnce();
            vm.pulse();
            assertThat(vm.progressPoints()).hasSizeGreaterThan(points.size());
            assertThat(vm.progressPoints().get(vm.progressPoints().size() - 1).y()).isGreaterThan(last.y());
            assertIncreasingInWallTime(vm.progressPoints());
        }
    }

    @Test
    void theProgressChartTakesAPointPerHalfSecondOfTheRunAndAlwaysItsEnd() throws Exception {
        FakeLiveClient run = new FakeLiveClient(RunState.RUNNING, 2, 4, 3);
        MonitorViewModel vm = new MonitorViewModel(run, SAME_THREAD);
        vm.visibilityChanged(false);
        for (int k = 0; k <= 20; k++) { // statuses 0.1 s apart, as a fast run's poll rounds see them
            run.status = new dev.stagger.engine.live.Status("fake", "Fake run", "diffusion", k == 20 ? RunState.FINISHED
                    : RunState.RUNNING, 10L * k, 200, 0.1, 1, 0.1 * k + 0.05, 3.5e6, 1, List.of(), List.of("C"), 2,
                    new int[] {4, 3});
            vm.pollOnce();
        }
        vm.pulse();
        assertThat(vm.progressPoints()).extracting(ChartPoint::y)
                .containsExactly(0.0, 10.0, 60.0, 110.0, 160.0, 200.0);
    }

    @Test
    void aLongRunsChartIsThinnedNotCut() {
        javafx.collections.ObservableList<ChartPoint> chart =
                javafx.collections.FXCollections.observableArrayList();
        int changes[] = {0};
        chart.addListener((javafx.collections.ListChangeListener<ChartPoint>) c -> changes[0]++);
        for (int k = 0; k < 10_000; k++) {
            ChartThinning.append(chart, List.of(new ChartPoint(k, 2 * k)), 100);
            assertThat(chart).hasSizeLessThanOrEqualTo(100);
        }
        assertThat(chart.get(0)).as("the run's start stays").isEqualTo(new ChartPoint(0, 0));
        assertThat(chart.get(chart.size() - 1)).as("and its newest point")
                .isEqualTo(new ChartPoint(9_999, 19_998));
        assertIncreasingInWallTime(chart);
        assertThat(changes[0]).as("one change per append").isEqualTo(10_000);
    }

    private static void awaitStep(EmbeddedRun run, long step) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (run.live.status().step() < step && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(run.live.status().step()).as("the run reached step " + step).isGreaterThanOrEqualTo(step);
    }

    private static void assertIncreasingInWallTime(List<ChartPoint> points) {
        for (int n = 1; n < points.size(); n++) {
            assertThat(points.get(n).x()).as("wall time of point " + n).isGreaterThan(points.get(n - 1).x());
        }
    }

    @Test
    void dropsOlderFramesAndRecoloursTheNewestWhenTheMapOrRangeChanges() throws Exception {
        FakeLiveClient run = new FakeLiveClient(RunState.RUNNING, 2, 4, 3);
        MonitorViewModel vm = new MonitorViewModel(run, SAME_THREAD);
        vm.pollOnce();
        vm.selectColormap(Colormap.GREY); // re-renders the newest preview into the mailbox
        assertThat(vm.mailbox().dropped()).isEqualTo(1);
        vm.pulse();
        Frame grey = vm.frameProperty().get();
        assertThat(grey.colormap()).isEqualTo(Colormap.GREY);
        assertThat(grey.argb()[3]).isEqualTo(Colormap.GREY.argb(1)); // top right: the maximum

        vm.useFixedRange(0, 100);
        vm.pulse();
        Frame fixed = vm.frameProperty().get();
        assertThat(fixed.min()).isEqualTo(0);
        assertThat(fixed.max()).isEqualTo(100);
        assertThat(vm.autoRangeProperty().get()).isFalse();
        vm.useAutoRange();
        vm.pulse();
        assertThat(vm.frameProperty().get().max()).isEqualTo(fixed.preview().max());

        vm.selectScale(Scale.LOG);
        vm.pulse();
        Frame log = vm.frameProperty().get();
        assertThat(vm.scaleProperty().get()).isEqualTo(Scale.LOG);
        assertThat(log.scale().isLog()).isTrue();
        assertThat(log.argb()).isNotEqualTo(fixed.argb());
    }

    @Test
    void showsSimulatedTimeInTheChosenUnitFromTheNextPulse() throws Exception {
        FakeLiveClient run = new FakeLiveClient(RunState.RUNNING, 2, 4, 3);
        MonitorViewModel vm = new MonitorViewModel(run, SAME_THREAD);
        vm.pollOnce();
        vm.pulse();
        String seconds = vm.timeTextProperty().get();
        assertThat(seconds).startsWith("t = ").endsWith(" s"); // auto: a short run's time is in seconds
        double t = Double.parseDouble(seconds.substring(4, seconds.length() - 2));
        // the preference comes from another thread: nothing changes until the pulse takes it
        vm.timeUnitChosen(ModelTimeUnit.MINUTES);
        assertThat(vm.timeTextProperty().get()).isEqualTo(seconds);
        assertThat(vm.pulse()).isTrue();
        assertThat(vm.timeTextProperty().get()).isEqualTo("t = " + ModelTimeUnit.MINUTES.format(t)).endsWith(" min");
        vm.useTimeUnit(ModelTimeUnit.AUTO);
        assertThat(vm.timeTextProperty().get()).isEqualTo(seconds);
    }

    @Test
    void readsTheValueUnderPhysicalCoordinates() throws Exception {
        FakeLiveClient run = new FakeLiveClient(RunState.RUNNING, 2, 4, 3);
        MonitorViewModel vm = new MonitorViewModel(run, SAME_THREAD);
        assertThat(vm.valueAt(0.5, 0.5)).isNaN();
        vm.pollOnce();
        vm.pulse();
        // 4 x 3 raster on [0,1]^2, value x + 10 y at the bin centres
        assertThat(vm.valueAt(0.1, 0.1)).isCloseTo(0.125 + 10 / 6.0, within(1e-5));
        assertThat(vm.valueAt(0.99, 0.99)).isCloseTo(0.875 + 50 / 6.0, within(1e-5));
        assertThat(vm.valueAt(1.5, 0.5)).isNaN();
    }

    @Test
    void asksForASliceOf3DFieldsAndAPlainPreviewOf1DOnes() throws Exception {
        FakeLiveClient run = new FakeLiveClient(RunState.RUNNING, 3, 8, 6, 10);
        MonitorViewModel vm = new MonitorViewModel(run, SAME_THREAD);
        vm.pollOnce();
        vm.pulse();
        assertThat(run.previewRequests.get(0).sliceAxis()).isEqualTo(2);
        assertThat(run.previewRequests.get(0).sliceIndex()).isEqualTo(6);
        assertThat(vm.sliceCountProperty().get()).isEqualTo(10);
        vm.selectSlice(0, 99);
        assertThat(vm.sliceIndexProperty().get()).isEqualTo(8);
        run.step++;
        vm.pollOnce();
        assertThat(run.previewRequests.get(1).sliceAxis()).isZero();
        assertThat(run.previewRequests.get(1).sliceIndex()).isEqualTo(8);

        FakeLiveClient line = new FakeLiveClient(RunState.RUNNING, 1, 16);
        MonitorViewModel vm1 = new MonitorViewModel(line, SAME_THREAD);
        vm1.pollOnce();
        vm1.pulse();
        assertThat(line.previewRequests.get(0).sliceAxis()).isEqualTo(-1);
        assertThat(vm1.frameProperty().get().preview().isLine()).isTrue();
        assertThat(vm1.valueAt(0.01, 123)).isCloseTo(1 / 16.0 + 5, within(1e-5));
    }

    @Test
    void fetchesNoPreviewWhileHiddenAndFiltersTheLog() throws Exception {
        FakeLiveClient run = new FakeLiveClient(RunState.RUNNING, 2, 4, 3);
        run.add(Event.Kind.LOG, Map.of(), "output at step 20: a.vti");
        run.add(Event.Kind.LOG, Map.of(), "checkpoint at step 40");
        MonitorViewModel vm = new MonitorViewModel(run, SAME_THREAD);
        vm.visibilityChanged(false);
        vm.pollOnce();
        vm.pulse();
        assertThat(run.previewRequests).isEmpty();
        vm.setLogFilter("CHECKPOINT");
        assertThat(vm.filteredLog()).extracting(LogLine::text).containsExactly("checkpoint at step 40");
        vm.setLogFilter("");
        assertThat(vm.filteredLog()).hasSize(2);
    }

    @Test
    void sendsCommandsAndShowsTheAnswers(@TempDir Path dir) throws Exception {
        FakeLiveClient run = new FakeLiveClient(RunState.RUNNING, 2, 4, 3);
        MonitorViewModel vm = new MonitorViewModel(run, SAME_THREAD);
        vm.pause();
        vm.pulse();
        assertThat(vm.notificationProperty().get()).isEqualTo("pause: paused at step 10");
        vm.resume();
        vm.checkpoint();
        vm.stopRun();
        assertThat(run.commands).containsExactly(Command.PAUSE, Command.RESUME, Command.CHECKPOINT, Command.STOP);

        vm.exportPng(dir.resolve("none.png"));
        assertThat(vm.notificationProperty().get()).isEqualTo("nothing to export yet");
        vm.pollOnce();
        vm.pulse();
        Path png = dir.resolve("c.png");
        vm.exportPng(png);
        vm.pulse();
        assertThat(vm.notificationProperty().get()).isEqualTo("saved " + png);
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void followsARealEmbeddedRunPausedPreviewedAndStopped() throws Exception {
        try (EmbeddedRun run = new EmbeddedRun("diffusion-2d.yaml", "run.steps=100000", "output.every=0")) {
            run.start();
            MonitorViewModel vm = new MonitorViewModel(run.client(), SAME_THREAD);
            vm.pause(); // answered at the next step boundary
            vm.pulse();
            assertThat(vm.notificationProperty().get()).startsWith("pause: ").contains("paused at step");
            for (int k = 0; k < 3; k++) {
                vm.pollOnce();
                Thread.sleep(MonitorViewModel.PREVIEW_INTERVAL_MILLIS + 10);
            }
            vm.pulse();
            assertThat(vm.stateProperty().get()).isEqualTo(RunState.PAUSED);
            Frame frame = vm.frameProperty().get();
            assertThat(frame).isNotNull();
            assertThat(frame.width()).isEqualTo(128);
            assertThat(frame.height()).isEqualTo(128);
            assertThat(vm.previewsFetched()).as("paused: one preview, not one per round").isEqualTo(1);
            // the Gaussian's peak sits at the origin and the corners are lowest, however far it ran before the pause
            assertThat(vm.valueAt(0, 0)).isCloseTo(frame.max(), within(1e-6));
            assertThat(vm.valueAt(-1.99, -1.99)).isCloseTo(frame.min(), within(1e-6));
            assertThat(frame.max() - frame.min()).isGreaterThan(0.5);
            assertThat(vm.logLines()).extracting(LogLine::text)
                    .anyMatch(t -> t.startsWith("rank 0 on")).anyMatch(t -> t.startsWith("paused at step"));

            vm.stopRun();
            run.awaitEnd();
            while (vm.pollOnce()) {
                // read to the end of the stream
            }
            vm.pulse();
            assertThat(vm.stateProperty().get()).isEqualTo(RunState.STOPPED);
            assertThat(vm.metricKeys()).contains("C.min", "C.max", "C.mean");
            assertThat(vm.logLines()).extracting(LogLine::text)
                    .anyMatch(t -> t.startsWith("stopped at step"));
        }
    }

    @Test
    void startPollsToTheEndOfAFinishedRunAndReturns() throws Exception {
        try (EmbeddedRun run = new EmbeddedRun("diffusion-2d.yaml", "run.steps=30")) {
            run.start().awaitEnd();
            MonitorViewModel vm = new MonitorViewModel(run.client(), SAME_THREAD);
            vm.start(); // same thread: returns once the run's stream is read to its end
            assertThat(vm.isPolling()).isFalse();
            vm.pulse();
            assertThat(vm.stateProperty().get()).isEqualTo(RunState.FINISHED);
            assertThat(vm.stepTextProperty().get()).isEqualTo("step 30 / 30");
            assertThat(vm.logLines()).extracting(LogLine::text)
                    .anyMatch(t -> t.startsWith("Done: 30 steps"));
            assertThat(vm.progressPoints()).isNotEmpty().last().extracting(ChartPoint::y).isEqualTo(30.0);
            assertThat(vm.metric("C.max")).isNotEmpty();
        }
    }
}
