package dev.stagger.gui.shell;

import dev.stagger.gui.testing.WindowDriver;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench's side of {@link DropProjectIT}, under xvfb-run: the workbench in a real window, a
 * {@link DropSource} started in a second JVM on the same display drags a project file onto it, and
 * the project must open. Exits 0 when it did (with {@code drop-opened.png}), 1 with the reason.
 */
public final class DropWalk {
    private final WindowDriver w;
    private final FxRobot robot;

    private DropWalk(Path out) {
        this.w = new WindowDriver(out, "drop walkthrough");
        this.robot = w.robot();
    }

    public static void main(String[] args) throws Exception {
        DropWalk walk = new DropWalk(Path.of(System.getProperty("stagger.screenshots")));
        walk.w.runAndExit("drop-failed.png", walk::walk);
    }

    private void walk() throws Exception {
        Path file = Path.of(System.getProperty("stagger.drop.file")).toAbsolutePath();
        w.start();
        Stage stage = w.stage();
        // room on the right for the source's window: without a window manager nothing keeps them apart
        robot.interact(() -> {
            stage.setWidth(900);
            stage.setHeight(700);
        });
        w.await("the workbench shows, no project open", 30,
                () -> stage.isShowing() && w.app().model().document() == null);
        // a point inside the scene, clear of the source's window at x 960
        Point2D drop = WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().localToScreen(450, 350)).get();
        Process source = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dprism.order=sw", DropSource.class.getName(),
                file.toString(), String.valueOf((int) drop.getX()), String.valueOf((int) drop.getY())))
                .inheritIO().start();
        boolean ended = source.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            source.destroyForcibly();
        }
        w.check(ended && source.exitValue() == 0, "the drag source ended well (see its lines above)");
        w.await("the dropped project opens", 15, () -> w.app().model().document() != null
                && file.equals(w.app().model().document().file()));
        w.check(stage.getTitle().startsWith(file.getFileName().toString().replace(".yaml", "")),
                "title: " + stage.getTitle());
        w.shoot("drop-opened.png");
        System.out.println("dropped project opened: " + file);
    }
}
