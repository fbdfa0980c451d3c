package dev.stagger.gui.shell;

import dev.stagger.engine.run.RunPlanner.RunOverrides;
import dev.stagger.gui.FxSteps;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.start.SampleGallery;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.layout.FlowPane;

/**
 * Opens the real workbench window (under Xvfb) and writes screenshots to the folder in
 * {@code stagger.screenshots}: the start page in both themes, the monitor of a run going on, then the project page after
 * diffusion-2d embedded. Exits with 0 when all were written.
 */
public class ScreenshotApp extends ScreenshotWorkbench {

    /** The main class (an Application subclass cannot be one on the class path). */
    public static final class Launcher {
        public static void main(String[] args) {
            Application.launch(ScreenshotApp.class, args);
        }
    }

    @Override
    protected void shootAll() {
        FxSteps.waitFor(() -> ((FlowPane) stage.getScene().lookup("#gallery")).getChildren().size() >= 3, () -> {
            shoot("start-page-light.png");
            model().useTheme(Theme.DARK);
            FxSteps.later(() -> {
                shoot("start-page-dark.png");
                model().useTheme(Theme.LIGHT);
                model().useRunOverrides(new RunOverrides(null, 400_000L, null));
                model().open(SampleGallery.locate().orElseThrow().resolve("diffusion-2d.yaml"));
                RunJob job = model().run(model().targets().get(0));
                // the monitor while the run goes on: heatmap, charts, job row
                FxSteps.waitFor(() -> job.progressProperty().get() > 0.02, () -> {
                    shoot("monitor-running.png");
                    job.stop();
                    FxSteps.waitFor(() -> job.state().isOver(), () -> {
                        shoot("project-page.png");
                        Platform.exit();
                    });
                });
            });
        });
    }
}
