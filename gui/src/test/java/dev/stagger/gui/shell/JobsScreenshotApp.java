package dev.stagger.gui.shell;

import dev.stagger.engine.live.RunState;
import dev.stagger.engine.run.RunPlanner.RunOverrides;
import dev.stagger.gui.FxSteps;
import dev.stagger.gui.jobs.LogWindow;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.start.SampleGallery;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;

/**
 * The real workbench window (under Xvfb, started by {@link JobListScreenshotIT}) with a job list of
 * runs from earlier sessions (in the preferences node the IT filled), a run inside the workbench
 * and a command-line run attached by its folder ({@code stagger.attach}). Writes {@code jobs.png}
 * and {@code job-log.png} to {@code stagger.screenshots}, stops its runs and exits with 0.
 */
public class JobsScreenshotApp extends ScreenshotWorkbench {

    /** The main class (an Application subclass cannot be one on the class path). */
    public static final class Launcher {
        public static void main(String[] args) {
            Application.launch(JobsScreenshotApp.class, args);
        }
    }

    @Override
    protected void shootAll() {
        model().open(SampleGallery.locate().orElseThrow().resolve("diffusion-2d.yaml"));
        model().useRunOverrides(new RunOverrides(1, 400_000_000L, null));
        RunJob embedded = model().run(model().targets().get(0));
        AtomicReference<RunJob> attached = new AtomicReference<>();
        model().board().attachRun(Path.of(System.getProperty("stagger.attach"))).thenAccept(attached::set);
        FxSteps.waitFor(() -> attached.get() != null && attached.get().state() == RunState.RUNNING
                && embedded.progressProperty().get() > 0 && model().jobs().all().size() >= 6, () -> FxSteps.after(4_000, () -> {
            // the pause gives the monitor of the attached run time for its first frames
            shoot(stage.getScene(), "jobs.png");
            Stage log = LogWindow.show(stage, model().board(), embedded);
            FxSteps.waitFor(() -> ((TextArea) log.getScene().lookup("#log-text")).getText().contains("[rank 0]"), () -> {
                shoot(log.getScene(), "job-log.png");
                log.close();
                embedded.stop();
                attached.get().stop();
                FxSteps.waitFor(() -> embedded.state().isOver() && attached.get().state().isOver(), Platform::exit);
            });
        }));
    }
}
