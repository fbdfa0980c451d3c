package dev.stagger.gui.monitor;

import dev.stagger.gui.monitor.frame.Frame;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.distributed.Communicator;
import dev.stagger.engine.distributed.local.LocalGroup;
import dev.stagger.engine.launch.SerialExecutor;
import dev.stagger.engine.live.Preview;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.output.VtiReader;
import dev.stagger.engine.project.ProjectReader;
import dev.stagger.engine.run.RunListener;
import dev.stagger.engine.run.RunPlan;
import dev.stagger.engine.run.RunPlanner;
import dev.stagger.engine.run.Simulation;
import dev.stagger.engine.run.VtkOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor of a finished run shows what the run wrote: real embedded runs write VTK output, the
 * view model reads it back (same-thread executor, pulse() by hand) and must show the files' values.
 */
class MonitorOutputTest {
    private static final Executor SAME_THREAD = Runnable::run;

    @TempDir
    Path dir;

    @Test
    void aFinishedRunShowsItsLastOutputWithTheFilesValuesAndAnEarlierStepOnRequest() throws Exception {
        try (EmbeddedRun run = new EmbeddedRun(dir, "diffusion-2d.yaml", "run.steps=40", "output.every=10")) {
            run.start().awaitEnd();
            MonitorViewModel vm = new MonitorViewModel(run.client(), dir, EmbeddedRun.NAME, SAME_THREAD);
            vm.start(); // reads the run's stream to its end, then its output, all on this thread
            vm.pulse();

            assertThat(vm.stateProperty().get()).isEqualTo(RunState.FINISHED);
            assertThat(vm.showingOutputProperty().get()).isTrue();
            assertThat(vm.problemProperty().get()).isEmpty();
            assertThat(vm.outputCountProperty().get()).isEqualTo(5); // steps 0, 10, 20, 30, 40
            assertThat(vm.outputIndexProperty().get()).isEqualTo(4);
            assertThat(vm.outputStepTextProperty().get()).startsWith("step 40, t = ").endsWith("(5 of 5)");
            assertThat(vm.fields()).containsExactly("C");
            assertThat(vm.selectedFieldProperty().get()).isEqualTo("C");
            assertShows(vm.frameProperty().get(), dir.resolve("embedded_000040.vti"), 40);

            vm.selectOutputStep(1);
            assertThat(vm.outputIndexProperty().get()).isEqualTo(1);
            vm.pulse();
            assertShows(vm.frameProperty().get(), dir.resolve("embedded_000010.vti"), 10);
            assertThat(vm.outputStepTextProperty().get()).startsWith("step 10, t = ").endsWith(" s (2 of 5)");
            // another time unit: the step shown says its time again in it
            vm.useTimeUnit(dev.stagger.gui.common.ModelTimeUnit.HOURS);
            assertThat(vm.outputStepTextProperty().get()).startsWith("step 10, t = ").endsWith(" h (2 of 5)");
            assertThat(vm.timeTextProperty().get()).endsWith(" h");
            assertThat(vm.problemProperty().get()).isEmpty();
        }
    }

    @Test
    void aRunEndingWhileWatchedKeepsItsLastLiveFrameUntilTheFilesFrameIsReady() throws Exception {
        ManualExecutor background = new ManualExecutor();
        try (EmbeddedRun run = new EmbeddedRun(dir, "diffusion-2d.yaml", "run.steps=100000", "output.every=0")) {
            run.start();
            MonitorViewModel vm = new MonitorViewModel(run.client(), dir, EmbeddedRun.NAME, background);
            // past its first steps, so that the stop writes an output of its own after step 0's
            for (long deadline = System.nanoTime() + 60_000_000_000L; run.live.status().step() < 5
                    && System.nanoTime() < deadline; ) {
                Thread.sleep(5);
            }
            vm.pause();
            background.runAll();
            for (int k = 0; k < 3 && vm.frameProperty().get() == null; k++) {
                vm.pollOnce();
                vm.pulse();
            }
            Frame live = vm.frameProperty().get();
            assertThat(live).as("a live frame of the paused run").isNotNull();

            vm.stopRun();
            background.runAll();
            run.awaitEnd();
            vm.start(); // queues the poll loop
            background.runOne(); // reads the run to its end, then queues the output's load
            vm.pulse();
            assertThat(vm.stateProperty().get()).isEqualTo(RunState.STOPPED);
            assertThat(vm.frameProperty().get()).as("the live frame until the file's is ready").isSameAs(live);
            assertThat(vm.showingOutputProperty().get()).isFalse();

            background.runAll();
            vm.pulse();
            assertThat(vm.showingOutputProperty().get()).isTrue();
            long stoppedAt = run.live.status().step();
            Frame file = vm.frameProperty().get();
            assertThat(file).isNotSameAs(live);
            assertShows(file, dir.resolve(String.format("embedded_%06d.vti", stoppedAt)), stoppedAt);
            assertThat(vm.outputCountProperty().get()).isEqualTo(2); // the start and the stop
        }
    }

    @Test
    void aFourRankRunsPvtiOutputLoadsAsTheJoinedField() throws Exception {
        Path one = dir.resolve("one");
        Path four = dir.resolve("four");
        String[] overrides = {"run.steps=12", "output.every=6", "grid.cells=[40,30]"};
        onRanks(1, one, overrides);
        onRanks(4, four, overrides);
        assertThat(four.resolve("ranked_000012.pvti")).exists();
        assertThat(four.resolve("ranked_000012_r0003.vti")).exists();

        MonitorViewModel vm = new MonitorViewModel(null, four, "ranked", SAME_THREAD);
        vm.start(); // no client: the output at once
        vm.pulse();
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.outputCountProperty().get()).isEqualTo(3);
        assertThat(vm.titleProperty().get()).isEqualTo("ranked");
        assertThat(vm.stepTextProperty().get()).isEqualTo("step 12");
        // the joined pieces are the single-rank field, value for value (the ranks compute it bit for bit)
        assertShows(vm.frameProperty().get(), one.resolve("ranked_000012.vti"), 12);
        assertThat(vm.frameProperty().get().width()).isEqualTo(40);
        assertThat(vm.frameProperty().get().height()).isEqualTo(30);
    }

    @Test
    void theSeriesExportsAsAnAnimatedGifAndAsPngPicturesInTheFieldShown() throws Exception {
        Path four = dir.resolve("four");
        onRanks(4, four, "run.steps=12", "output.every=6", "grid.cells=[40,30]");
        MonitorViewModel vm = new MonitorViewModel(null, four, "ranked", SAME_THREAD);
        vm.start();
        vm.pulse();
        assertThat(vm.canExportSeries()).isTrue();
        Path gif = dir.resolve("ranked.gif");
        vm.exportSeries(gif);
        vm.pulse();
        assertThat(vm.notificationProperty().get()).startsWith("saved " + gif + " (3 frames, range ");
        javax.imageio.ImageReader reader = javax.imageio.ImageIO.getImageReadersByFormatName("gif").next();
        try (var in = javax.imageio.ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(3);
        } finally {
            reader.dispose();
        }
        Path pngs = dir.resolve("pictures");
        vm.exportSeries(pngs);
        vm.pulse();
        assertThat(vm.notificationProperty().get()).startsWith("saved " + pngs + " (3 pictures");
        try (var files = Files.list(pngs)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "ranked_C_000000.png", "ranked_C_000006.png", "ranked_C_000012.png");
        }
        assertThat(new MonitorViewModel(null, null, "none", SAME_THREAD).canExportSeries()).isFalse();
    }

    @Test
    void aCorruptOrMissingOutputIsAMessageNamingTheFile() throws Exception {
        try (EmbeddedRun run = new EmbeddedRun(dir, "diffusion-2d.yaml", "run.steps=20", "output.every=10")) {
            run.start().awaitEnd();
        }
        Path last = dir.resolve("embedded_000020.vti");
        byte[] bytes = Files.readAllBytes(last);
        Files.write(last, Arrays.copyOf(bytes, bytes.length / 2));

        MonitorViewModel vm = new MonitorViewModel(null, dir, EmbeddedRun.NAME, SAME_THREAD);
        vm.runEnded(RunState.FINISHED);
        vm.pulse();
        assertThat(vm.problemProperty().get()).startsWith("cannot read " + last + ": it is truncated");
        assertThat(vm.frameProperty().get()).isNull();
        assertThat(vm.stateProperty().get()).isEqualTo(RunState.FINISHED);

        vm.selectOutputStep(1); // an intact step shows again, and the message goes
        vm.pulse();
        assertThat(vm.problemProperty().get()).isEmpty();
        assertShows(vm.frameProperty().get(), dir.resolve("embedded_000010.vti"), 10);

        Files.writeString(dir.resolve("embedded.pvd"), "<VTKFile type=\"Coll");
        MonitorViewModel broken = new MonitorViewModel(null, dir, EmbeddedRun.NAME, SAME_THREAD);
        broken.start();
        broken.pulse();
        assertThat(broken.problemProperty().get()).startsWith("cannot read " + dir.resolve("embedded.pvd"));

        Path empty = Files.createDirectory(dir.resolve("empty"));
        MonitorViewModel none = new MonitorViewModel(null, empty, "nothing", SAME_THREAD);
        none.start();
        none.pulse();
        assertThat(none.problemProperty().get())
                .isEqualTo("no results to show: " + empty + " holds no .pvd time series (no output was written)");
        none.pause();
        assertThat(none.notificationProperty().get()).isEqualTo("pause: the run is over");
    }

    @Test
    void threeDimensionalOutputShowsTheChosenSliceAndOneDimensionalOutputALine() throws Exception {
        Path cube = dir.resolve("cube");
        try (EmbeddedRun run = new EmbeddedRun(cube, "diffusion-3d.yaml", "run.steps=4", "output.every=2",
                "grid.cells=[12,10,8]")) {
            run.start().awaitEnd();
        }
        MonitorViewModel vm = new MonitorViewModel(null, cube, EmbeddedRun.NAME, SAME_THREAD);
        vm.start();
        vm.pulse();
        assertThat(vm.dimsProperty().get()).isEqualTo(3);
        Preview middle = vm.frameProperty().get().preview();
        assertThat(middle.sliceAxis()).isEqualTo(2);
        assertThat(middle.sliceIndex()).isEqualTo(4); // z's middle of 8 cells, as the live server picks it
        assertThat(vm.sliceCountProperty().get()).isEqualTo(8);

        vm.selectSlice(0, 3); // across x at cell 3: a y-z raster read from the file
        vm.pulse();
        Preview p = vm.frameProperty().get().preview();
        assertThat(p.sliceAxis()).isZero();
        assertThat(p.sliceIndex()).isEqualTo(3);
        assertThat(p.nx()).isEqualTo(10);
        assertThat(p.ny()).isEqualTo(8);
        double[] file = VtiReader.read(cube.resolve("embedded_000004.vti")).values("C");
        for (int kz = 0; kz < 8; kz++) {
            for (int jy = 0; jy < 10; jy++) {
                assertThat(p.value(jy, kz)).isEqualTo((float) file[2 + 12 * (jy + 10 * kz)]);
            }
        }

        Path line = dir.resolve("line");
        try (EmbeddedRun run = new EmbeddedRun(line, "diffusion-1d.yaml", "run.steps=20", "output.every=10")) {
            run.start().awaitEnd();
        }
        MonitorViewModel vm1 = new MonitorViewModel(null, line, EmbeddedRun.NAME, SAME_THREAD);
        vm1.start();
        vm1.pulse();
        assertThat(vm1.frameProperty().get().preview().isLine()).isTrue();
        assertShows(vm1.frameProperty().get(), line.resolve("embedded_000020.vti"), 20);
    }

    /** {@code frame} shows {@code vti}'s field C at {@code step}: every value, and min and max exactly. */
    private static void assertShows(Frame frame, Path vti, long step) throws Exception {
        assertThat(frame).isNotNull();
        Preview p = frame.preview();
        double[] file = VtiReader.read(vti).values("C");
        assertThat(p.step()).isEqualTo(step);
        assertThat(p.values()).hasSize(file.length); // at most 512 per side: one value per cell
        float[] expected = new float[file.length];
        for (int n = 0; n < file.length; n++) {
            expected[n] = (float) file[n];
        }
        assertThat(p.values()).containsExactly(expected);
        assertThat(p.min()).isEqualTo(Arrays.stream(file).min().orElseThrow());
        assertThat(p.max()).isEqualTo(Arrays.stream(file).max().orElseThrow());
        assertThat(frame.min()).isEqualTo(p.min());
        assertThat(frame.max()).isEqualTo(p.max());
    }

    /** The 2D diffusion sample run on {@code ranks} in-process ranks (threads), writing VTK to {@code out}. */
    private static void onRanks(int ranks, Path out, String... overrides) throws Exception {
        RunPlan plan = RunPlanner.plan(ProjectReader.read(Path.of("..", "sample-projects", "diffusion-2d.yaml"),
                List.of(overrides)).project(), "ranked", new RunPlanner.RunOverrides(1, null, null));
        List<Communicator> comms = LocalGroup.create(ranks);
        ExecutorService threads = Executors.newFixedThreadPool(ranks);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Communicator comm : comms) {
                done.add(threads.submit(() -> {
                    try (Simulation s = new Simulation(plan, comm, new SerialExecutor())) {
                        s.run(new VtkOutput(out, plan.name(), s.decomposition(), comm), RunListener.NONE, () -> false);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Runs what it is given only when told: the test decides when background work happens. */
    private static final class ManualExecutor implements Executor {
        private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable task) {
            tasks.add(task);
        }

        void runOne() {
            Runnable t;
            synchronized (this) {
                t = tasks.poll();
            }
            assertThat(t).as("a queued task").isNotNull();
            t.run();
        }

        void runAll() {
            while (true) {
                Runnable t;
                synchronized (this) {
                    t = tasks.poll();
                }
                if (t == null) {
                    return;
                }
                t.run();
            }
        }
    }
}
