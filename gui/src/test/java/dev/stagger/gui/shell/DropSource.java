package dev.stagger.gui.shell;

import java.io.File;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;

/**
 * The other program of {@link DropProjectIT}, in a JVM of its own on the workbench's X display: a
 * small window whose label drags a file (as a file manager does), and which drives the pointer
 * itself, pressing on its label, moving in small steps onto the workbench and releasing there, so
 * the X server carries a real XDND drag between two processes. Arguments: the file, the drop
 * point's screen x and y. Exits 0 when the drag ended in a drop the target accepted.
 */
public final class DropSource {
    private static final CountDownLatch DONE = new CountDownLatch(1);
    private static volatile TransferMode accepted;

    private DropSource() {}

    public static void main(String[] args) throws Exception {
        File file = new File(args[0]);
        Point2D target = new Point2D(Double.parseDouble(args[1]), Double.parseDouble(args[2]));
        CountDownLatch shown = new CountDownLatch(1);
        Label[] made = new Label[1];
        // controls need the toolkit: everything is made on its thread once it is up
        Platform.startup(() -> {
            made[0] = source(file);
            Stage stage = new Stage();
            stage.setTitle("drop source");
            stage.setScene(new Scene(made[0], 320, 120));
            stage.setX(960);
            stage.setY(100);
            stage.setOnShown(e -> shown.countDown());
            stage.show();
        });
        check(shown.await(10, TimeUnit.SECONDS), "the source window shows");
        Thread.sleep(500);
        Label label = made[0];
        Point2D from = fx(() -> label.localToScreen(label.getWidth() / 2, label.getHeight() / 2));
        System.out.println("drag source: from " + from + " to " + target);
        Robot[] robot = new Robot[1];
        fxRun(() -> robot[0] = new Robot());
        fxRun(() -> robot[0].mouseMove(from));
        Thread.sleep(200);
        fxRun(() -> robot[0].mousePress(MouseButton.PRIMARY));
        Thread.sleep(200);
        // small steps, as a hand moves: the drag is detected after a few pixels, then XDND follows the pointer
        int steps = 60;
        for (int i = 1; i <= steps; i++) {
            double t = (double) i / steps;
            Point2D p = from.add(target.subtract(from).multiply(t));
            fxRun(() -> robot[0].mouseMove(p));
            Thread.sleep(30);
        }
        Thread.sleep(300);
        fxRun(() -> robot[0].mouseRelease(MouseButton.PRIMARY));
        check(DONE.await(20, TimeUnit.SECONDS), "the drag ends");
        check(accepted != null, "the workbench accepted the drop");
        Platform.exit();
        System.exit(0);
    }

    /** The label that drags {@code file} when the pointer pressed on it moves. */
    private static Label source(File file) {
        Label label = new Label("drag " + file.getName());
        label.setStyle("-fx-font-size: 18px; -fx-padding: 30;");
        label.setOnDragDetected(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putFiles(List.of(file));
            label.startDragAndDrop(TransferMode.COPY).setContent(content);
            e.consume();
            System.out.println("drag source: drag started");
        });
        label.setOnDragDone(e -> {
            accepted = e.getTransferMode();
            System.out.println("drag source: drag done, " + accepted);
            DONE.countDown();
        });
        return label;
    }

    /** Runs on the FX thread and waits: the glass robot works only there (and during a drag too). */
    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        Object[] out = new Object[1];
        Exception[] error = new Exception[1];
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                out[0] = work.call();
            } catch (Exception e) {
                error[0] = e;
            } finally {
                done.countDown();
            }
        });
        check(done.await(10, TimeUnit.SECONDS), "the FX thread answers");
        if (error[0] != null) {
            throw error[0];
        }
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    private static void fxRun(Runnable work) throws Exception {
        fx(() -> {
            work.run();
            return null;
        });
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            System.out.println("drag source failed: " + what);
            Platform.exit();
            System.exit(1);
        }
    }
}
