package dev.stagger.gui.monitor;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A diagnostic, not a check: where the FX thread's time goes between pulses while the monitor
 * follows a live run for ten seconds. Every pulse is cut into the view's timers (the model's pulse,
 * frames, chart appends), CSS and layout, and what follows (syncing to the renderer, waiting for
 * it, runLater, input), each in wall time and in the FX thread's own CPU time; gaps over 50 ms are
 * listed with the garbage collections that ended in them. CPU well below wall time means the thread
 * waited (renderer, a busy machine, a collection), not that it worked. Run it with
 * {@code STAGGER_PROFILE=1 ./mvnw -o -q -pl gui -am -DskipITs -Dtest=MonitorPulseProfileTest verify}.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfEnvironmentVariable(named = "STAGGER_PROFILE", matches = "1")
class MonitorPulseProfileTest {
    private EmbeddedRun run;
    private MonitorView view;
    private Scene scene;
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Of the current pulse: 0 its start, 1 after the view's timer, 2 before CSS and layout, 3 after; 4-7 the FX thread's CPU time then. */
    private final long[] marks = new long[8];
    private final List<long[]> pulses = new ArrayList<>();
    private final List<long[]> gcs = new CopyOnWriteArrayList<>();
    private final AnimationTimer first = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (marks[0] != 0) {
                pulses.add(marks.clone());
            }
            marks[0] = System.nanoTime();
            marks[4] = THREADS.getCurrentThreadCpuTime();
            marks[1] = marks[2] = marks[3] = 0;
        }
    };
    private final AnimationTimer last = new AnimationTimer() {
        @Override
        public void handle(long now) {
            marks[1] = System.nanoTime();
            marks[5] = THREADS.getCurrentThreadCpuTime();
        }
    };

    @Start
    void start(Stage stage) throws Exception {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                gcs.add(new long[] {System.nanoTime(), info.getGcInfo().getDuration()});
            }, null, null);
        }
        run = new EmbeddedRun("diffusion-2d.yaml", "run.steps=1000000", "grid.cells=[256,256]", "output.every=0");
        run.start();
        first.start();
        view = MonitorView.of(run.client());
        scene = new Scene(view, 1200, 800);
        scene.addPreLayoutPulseListener(() -> { marks[2] = System.nanoTime(); marks[6] = THREADS.getCurrentThreadCpuTime(); });
        scene.addPostLayoutPulseListener(() -> { marks[3] = System.nanoTime(); marks[7] = THREADS.getCurrentThreadCpuTime(); });
        stage.setScene(scene);
        stage.show();
        last.start(); // after the view's own timer
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(view::dispose).get(10, TimeUnit.SECONDS);
        run.close();
    }

    @Test
    void profile(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.heatmap().draws() > 0);
        robot.interact(pulses::clear);
        long t0 = System.nanoTime();
        long render0 = renderCpu();
        Thread.sleep(10_000);
        List<long[]> copy = new ArrayList<>();
        robot.interact(() -> copy.addAll(pulses));
        double worst = 0;
        double cpuWorst = 0;
        double timers = 0;
        double layout = 0;
        int over34 = 0;
        int over50 = 0;
        List<String> lines = new ArrayList<>();
        for (int i = 1; i < copy.size(); i++) {
            long[] p = copy.get(i - 1);
            long[] q = copy.get(i);
            double gap = (q[0] - p[0]) * 1e-6;
            double timer = (p[1] - p[0]) * 1e-6;
            double lay = p[3] > 0 && p[2] > 0 ? (p[3] - p[2]) * 1e-6 : 0;
            double after = ((p[3] > 0 ? q[0] - p[3] : q[0] - p[1])) * 1e-6;
            double cpu = (q[4] - p[4]) * 1e-6;
            double cpuTimer = (p[5] - p[4]) * 1e-6;
            double cpuLay = p[7] > 0 ? (p[7] - p[6]) * 1e-6 : 0;
            double cpuAfter = (q[4] - (p[7] > 0 ? p[7] : p[5])) * 1e-6;
            cpuWorst = Math.max(cpuWorst, cpu);
            worst = Math.max(worst, gap);
            timers = Math.max(timers, timer);
            layout = Math.max(layout, lay);
            if (gap > 34) {
                over34++;
            }
            if (gap > 50) {
                over50++;
                double gc = 0;
                for (long[] g : gcs) {
                    if (g[0] >= p[0] && g[0] <= q[0] + 5_000_000) {
                        gc += g[1];
                    }
                }
                lines.add(String.format("  gap %.1f ms (FX thread cpu %.1f) at %.2f s: timers (view pulse) %.1f (cpu %.1f),"
                        + " css+layout %.1f (cpu %.1f), after layout (render wait, runLater, input) %.1f (cpu %.1f),"
                        + " gc ended in it %.0f ms", gap, cpu, (p[0] - t0) * 1e-9, timer, cpuTimer, lay, cpuLay, after,
                        cpuAfter, gc));
            }
        }
        long gcCount = gcs.stream().filter(g -> g[0] > t0).count();
        long gcMax = gcs.stream().filter(g -> g[0] > t0).mapToLong(g -> g[1]).max().orElse(0);
        System.out.printf("profile: FX thread cpu per pulse at most %.1f ms%n", cpuWorst);
        System.out.printf("profile: %d pulses, longest gap %.1f ms, %d gaps > 34 ms, %d > 50 ms; longest view pulse %.1f ms,"
                + " longest css+layout %.1f ms; %d GCs, longest %d ms; chart points %d, log lines %d%n", copy.size(), worst,
                over34, over50, timers, layout, gcCount, gcMax, view.model().progressPoints().size(),
                view.model().logLines().size());
        lines.forEach(System.out::println);
        System.out.printf("profile: render thread cpu %.0f ms over %.1f s%n", (renderCpu() - render0) * 1e-6,
                (System.nanoTime() - t0) * 1e-9);
    }

    private static long renderCpu() {
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                sum += THREADS.getThreadCpuTime(t.getId());
            }
        }
        return sum;
    }
}
