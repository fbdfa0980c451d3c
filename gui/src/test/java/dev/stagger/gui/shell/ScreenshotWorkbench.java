package dev.stagger.gui.shell;

import dev.stagger.gui.Screenshots;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The real workbench window for a screenshot program under Xvfb: placed at the screen's corner at
 * a fixed size, in the light theme, writing its pictures to the folder in {@code stagger.screenshots}.
 * Each program says what it shows in {@link #shootAll()}.
 */
abstract class ScreenshotWorkbench extends StaggerWorkbench {
    protected Path out;
    protected Stage stage;

    @Override
    public final void start(Stage primary) {
        out = Path.of(System.getProperty("stagger.screenshots"));
        stage = primary;
        super.start(primary);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(windowHeight());
        model().useTheme(Theme.LIGHT);
        shootAll();
    }

    /** The window's height in pixels. */
    protected int windowHeight() {
        return 860;
    }

    /** Drives the window through what it shows, on the FX thread, and exits when done. */
    protected abstract void shootAll();

    protected void shoot(String name) {
        shoot(stage.getScene(), name);
    }

    protected void shoot(Scene scene, String name) {
        Screenshots.save(scene, out.resolve(name));
    }
}
