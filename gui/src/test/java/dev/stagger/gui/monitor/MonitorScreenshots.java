package dev.stagger.gui.monitor;

import dev.stagger.gui.FxSteps;
import dev.stagger.gui.Screenshots;
import dev.stagger.gui.shell.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;

/**
 * Shows the monitor alone in a real window (under Xvfb) at the widths the workbench gives it and
 * writes screenshots to the folder in {@code stagger.screenshots}: a 2D run going on at 700, 800 and
 * 900 px, a 3D run with a fixed range at 700 px (the most crowded toolbar), and the 2D run once
 * stopped, showing its output, at 700 px. Exits with 0 when all were written, 1 on any failure.
 */
public class MonitorScreenshots extends Application {
    private static final int HEIGHT = 540;

    private Path out;
    private Stage stage;
    private final List<AutoCloseable> closing = new ArrayList<>();

    /** The main class (an Application subclass cannot be one on the class path). */
    public static final class Launcher {
        public static void main(String[] args) {
            Application.launch(MonitorScreenshots.class, args);
        }
    }

    @Override
    public void start(Stage primary) throws Exception {
        out = Path.of(System.getProperty("stagger.screenshots"));
        stage = primary;
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            e.printStackTrace();
            System.exit(1);
        });
        Path output = Files.createTempDirectory("stagger-monitor-shots");
        EmbeddedRun run = new EmbeddedRun(output, "diffusion-2d.yaml", "run.steps=1000000", "output.every=2000",
                "grid.cells=[512,512]");
        closing.add(run);
        closing.add(() -> { // the run's output is the test's scratch: gone when the shots are taken
            try (java.util.stream.Stream<Path> files = Files.walk(output)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        });
        run.start();
        MonitorView view = MonitorView.of(run.client(), output, EmbeddedRun.NAME);
        show(view, 800);
        FxSteps.waitFor(() -> view.heatmap().draws() > 2 && view.model().progressPoints().size() > 3, () -> {
            shoot("monitor-800.png");
            stage.setWidth(700);
            FxSteps.later(() -> {
                shoot("monitor-700.png");
                stage.setWidth(900);
                FxSteps.later(() -> {
                    shoot("monitor-900.png");
                    view.model().stopRun();
                    FxSteps.waitFor(() -> view.model().showingOutputProperty().get() && view.model().frameProperty().get() != null,
                            () -> {
                                stage.setWidth(700);
                                FxSteps.later(() -> {
                                    shoot("monitor-finished-700.png");
                                    view.dispose();
                                    threeD();
                                });
                            });
                });
            });
        });
    }

    /** A 3D run with a fixed colour range: slice controls and range fields all in the toolbar. */
    private void threeD() {
        try {
            EmbeddedRun cube = new EmbeddedRun("diffusion-3d.yaml", "run.steps=1000000", "output.every=0");
            closing.add(cube);
            cube.start();
            MonitorView view = MonitorView.of(cube.client());
            show(view, 700);
            FxSteps.waitFor(() -> view.heatmap().draws() > 1, () -> {
                ((CheckBox) stage.getScene().lookup("#autoRange")).setSelected(false);
                FxSteps.later(() -> {
                    shoot("monitor-3d-700.png");
                    view.dispose();
                    finish(0);
                });
            });
        } catch (Exception e) {
            e.printStackTrace();
            finish(1);
        }
    }

    private void show(MonitorView view, int width) {
        Scene scene = new Scene(view, width, HEIGHT);
        scene.getStylesheets().setAll(Theme.class.getResource("workbench.css").toExternalForm(),
                Theme.class.getResource(Theme.LIGHT.styleSheet()).toExternalForm());
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    private void finish(int code) {
        for (AutoCloseable c : closing) {
            try {
                c.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }
        Platform.exit();
        System.exit(code);
    }

    private void shoot(String name) {
        Screenshots.save(stage.getScene(), out.resolve(name));
    }
}
