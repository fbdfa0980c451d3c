package dev.stagger.gui.testing;

import dev.stagger.gui.Screenshots;
import dev.stagger.gui.shell.StaggerWorkbench;
import dev.stagger.gui.shell.Theme;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the Xvfb walkthroughs share: the workbench started in the real window at a known size and
 * theme, waits on conditions read on the FX thread, typing into fields and picking menu items by
 * keyboard as a user does, screenshots of any window, and the exit code a walkthrough's JVM ends with.
 */
public final class WindowDriver {
    private final FxRobot robot = new FxRobot();
    private final Path out;
    private final String name;
    private Stage stage;
    private StaggerWorkbench app;
    private volatile boolean quitting;

    /** @param name says whose step failed ("walkthrough", "cluster walkthrough") */
    public WindowDriver(Path out, String name) {
        this.out = out;
        this.name = name;
    }

    public FxRobot robot() {
        return robot;
    }

    public StaggerWorkbench app() {
        return app;
    }

    public Stage stage() {
        return stage;
    }

    /** Starts the workbench in the primary stage, 1280 x 900 at the top left, in the light theme. */
    public void start() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        app = (StaggerWorkbench) FxToolkit.setupApplication(StaggerWorkbench.class);
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(900);
            app.model().useTheme(Theme.LIGHT);
        });
    }

    /** From now on the toolkit may be gone (the user quit): nothing is cleaned up at the end. */
    public void quitting() {
        quitting = true;
    }

    /** Runs a walkthrough's steps and exits the JVM: 0 when they all passed, 1 (with a screenshot) when not. */
    public void runAndExit(String failedShot, Step steps) {
        int status = 1;
        try {
            steps.run();
            status = 0;
        } catch (Throwable t) {
            t.printStackTrace();
            shootQuietly(failedShot);
        } finally {
            if (!quitting) {
                try {
                    FxToolkit.cleanupApplication(app);
                } catch (Exception ignored) {
                    // exiting anyway
                }
                Platform.exit();
            }
        }
        System.exit(status);
    }

    /** A walkthrough's steps. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    public void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(name + ": " + what);
        }
    }

    /** Waits until {@code ready} (read on the FX thread) holds, failing after {@code seconds}. */
    public void await(String what, int seconds, BooleanSupplier ready) throws Exception {
        Instant deadline = Instant.now().plusSeconds(seconds);
        while (!WaitForAsyncUtils.asyncFx(ready::getAsBoolean).get()) {
            check(Instant.now().isBefore(deadline), what + " (waited " + seconds + " s)");
            robot.sleep(100, TimeUnit.MILLISECONDS);
        }
    }

    /** Selects all of a field's text, types {@code text} over it, then Enter when {@code enter}. */
    public void type(String query, String text, boolean enter) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.clickOn(field);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text);
        if (enter) {
            robot.type(KeyCode.ENTER);
        }
        WaitForAsyncUtils.waitForFxEvents();
        check(field.getText().equals(text), query + " shows '" + field.getText() + "', typed '" + text + "'");
    }

    /**
     * Opens a menu of the menu bar and picks item number {@code item} (1 = first) by keyboard: under
     * Xvfb there is no window manager to place the popup where a pointer click would find it.
     */
    public void openMenu(String menu, int item) {
        // a label with a mnemonic reads "_Run"
        robot.clickOn(robot.lookup(".menu-bar").lookup((Labeled l) -> menu.equals(l.getText().replace("_", "")))
                .queryLabeled());
        for (int i = 0; i < item; i++) {
            robot.type(KeyCode.DOWN);
        }
        robot.type(KeyCode.ENTER);
    }

    /** The text of a label or field, or "" when there is none. */
    public String text(String query) {
        return robot.lookup(query).tryQuery().map(n -> n instanceof Labeled l ? l.getText()
                : n instanceof TextInputControl t ? t.getText() : "").orElse("");
    }

    /** A screenshot of the main window. */
    public void shoot(String file) {
        shootScene(stage.getScene(), file);
    }

    /** A screenshot of the window {@code node} is in (a dialog). */
    public void shootWindowOf(Node node, String file) {
        shootScene(node.getScene(), file);
    }

    private void shootScene(Scene scene, String file) {
        robot.interact(() -> Screenshots.save(scene, out.resolve(file)));
    }

    private void shootQuietly(String file) {
        try {
            shoot(file);
        } catch (RuntimeException ignored) {
            // the failure is reported already
        }
    }
}
