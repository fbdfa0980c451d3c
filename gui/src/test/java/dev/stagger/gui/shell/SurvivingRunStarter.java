package dev.stagger.gui.shell;

import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.run.local.LocalMpiRunTarget;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.prefs.Preferences;

/**
 * A workbench session without a window, in a JVM of its own ({@link JobSurvivalIT} starts it):
 * runs a project on MPI ranks through {@link LocalMpiRunTarget}, waits until the run serves, quits
 * the way "Quit, keep MPI runs going" does, and exits. Prints the ids of the processes it started
 * ("pid N START") so the test can clean up after it.
 *
 * <p>Arguments: launcher, project file, preferences node.
 */
public final class SurvivingRunStarter {
    private SurvivingRunStarter() {}

    public static void main(String[] args) throws Exception {
        Preferences prefs = Preferences.userRoot().node(args[2]);
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        };
        ExecutorService background = Executors.newCachedThreadPool(daemons);
        ExecutorService ui = Executors.newSingleThreadExecutor(daemons);
        LocalMpiRunTarget target = new LocalMpiRunTarget(Path.of(args[0]), Path.of("mpirun"), 2, background, ui, Clock.systemUTC());
        WorkbenchModel model = new WorkbenchModel(prefs, List.of(target), background, ui);
        RunJob job = ui.submit(() -> {
            model.open(Path.of(args[1]));
            return model.run(target);
        }).get();
        Instant deadline = Instant.now().plusSeconds(180);
        while (!ui.submit(() -> job.client() != null && job.endpoint() != null || job.state().isOver()).get()) {
            if (Instant.now().isAfter(deadline)) {
                break;
            }
            Thread.sleep(100);
        }
        ProcessHandle.current().descendants().forEach(h -> System.out.println(
                "pid " + h.pid() + " " + h.info().startInstant().map(Instant::toString).orElse("-")));
        String state = ui.submit(() -> job.state() + ": " + job.messageProperty().get()).get();
        System.out.println("job " + state);
        if (job.client() == null) {
            System.exit(1);
        }
        boolean stopped = ui.submit(() -> model.board().stopForQuit(true, Duration.ofSeconds(30))).get().get();
        System.out.println("quit " + stopped);
        prefs.flush();
        System.exit(0);
    }
}
