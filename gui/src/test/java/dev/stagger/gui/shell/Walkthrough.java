package dev.stagger.gui.shell;

import dev.stagger.engine.grid.Side;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.output.PvdWriter;
import dev.stagger.engine.output.VtiFile;
import dev.stagger.engine.output.VtiReader;
import dev.stagger.engine.project.BoundaryType;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.testing.WindowDriver;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

/**
 * The "done when", as a new user does it, in the real window on a real (Xvfb) display:
 * open the 2D diffusion sample from the gallery, make the low-x side Dirichlet, lengthen the run,
 * save, run it on this computer, then on 4 local MPI ranks, watching the heatmap. Every step is a
 * click or a key press through the OS-level robot; a screenshot is saved after each step
 * ({@code walk-*.png} in the folder of {@code stagger.screenshots}). Exits 0 when all went well,
 * 1 with the reason otherwise. Started by {@link WalkthroughIT} under xvfb-run.
 */
public final class Walkthrough {
    private final WindowDriver w;
    private final FxRobot robot;
    private Stage stage;
    private StaggerWorkbench app;

    private Walkthrough(Path out) {
        this.w = new WindowDriver(out, "walkthrough");
        this.robot = w.robot();
    }

    public static void main(String[] args) throws Exception {
        Walkthrough walk = new Walkthrough(Path.of(System.getProperty("stagger.screenshots")));
        walk.w.runAndExit("walk-failed.png", walk::walk);
    }

    private void walk() throws Exception {
        w.start();
        stage = w.stage();
        app = w.app();
        w.await("the gallery shows the samples", 30,
                () -> robot.lookup("#gallery").queryAs(FlowPane.class).getChildren().size() == 3);
        w.shoot("walk-1-start-page.png");

        // 1. open the 2D sample from the gallery
        robot.clickOn(robot.lookup("#sample-diffusion-2d").lookup(".button").nth(0).queryButton());
        w.await("the project opens", 10, () -> app.model().document() != null);
        w.check(stage.getTitle().startsWith("diffusion-2d"), "title: " + stage.getTitle());
        w.shoot("walk-2-grid.png");

        // 2. the low-x side becomes Dirichlet, C = 1 there
        robot.clickOn("Boundary conditions");
        robot.clickOn("#side-x-low");
        robot.clickOn(robot.lookup("#boundary-type").queryAs(ChoiceBox.class));
        robot.clickOn("Dirichlet");
        w.type("#boundary-value", "1", true);
        w.check(app.model().document().project().fields().get("C").boundary(0, Side.LOW).type()
                == BoundaryType.DIRICHLET, "x low is Dirichlet");
        w.shoot("walk-3-dirichlet.png");
        robot.clickOn("Initial conditions");
        w.shoot("walk-4-initial-conditions.png");

        // 3. a finer grid and a run long enough to watch: 256 x 256 cells, 40000 steps, output every 10000
        robot.clickOn("Grid");
        w.type("#grid-cells-0", "256", true);
        w.type("#grid-cells-1", "256", true);
        robot.clickOn("Parameters");
        w.type("#run-steps", "40000", true);
        w.type("#output-every", "10000", true);
        w.check(app.model().document().problems().isEmpty(), "no problems: " + app.model().document().problems());
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        w.await("saved", 10, () -> !app.model().document().isDirty());
        w.shoot("walk-5-parameters-saved.png");

        // 4. run it here (F5: this computer, embedded)
        robot.clickOn("#run");
        RunJob embedded = awaitNewJob(null);
        w.await("the embedded run is a fifth done", 120, () -> embedded.progressProperty().get() > 0.2);
        robot.sleep(1500, TimeUnit.MILLISECONDS); // a few frames reach the heatmap
        w.shoot("walk-6-embedded-running.png");
        w.await("the embedded run ends", 300, () -> embedded.state().isOver());
        w.check(embedded.state() == RunState.FINISHED, "embedded: " + embedded.messageProperty().get());
        robot.sleep(1500, TimeUnit.MILLISECONDS);
        w.shoot("walk-7-embedded-finished.png");

        // 5. the same project on 4 MPI ranks, from the Run menu
        w.openMenu("Run", 2);
        // the MPI target asks for the rank count (and shows the command it runs); Enter runs it
        w.await("the run dialog asks for the ranks", 10, () -> robot.lookup("#run-setting-ranks").tryQuery().isPresent());
        w.type("#run-setting-ranks", "4", true);
        RunJob mpi = awaitNewJob(embedded);
        w.check(mpi.target().contains("4 MPI ranks"), "target: " + mpi.target());
        w.await("the 4-rank run serves its monitor", 180, () -> mpi.client() != null || mpi.state().isOver());
        w.await("the 4-rank run is a fifth done", 180, () -> mpi.progressProperty().get() > 0.2 || mpi.state().isOver());
        robot.sleep(1500, TimeUnit.MILLISECONDS);
        w.shoot("walk-8-mpi-running.png");
        w.await("the 4-rank run ends", 300, () -> mpi.state().isOver());
        w.check(mpi.state() == RunState.FINISHED, "mpi: " + mpi.messageProperty().get());
        robot.sleep(1500, TimeUnit.MILLISECONDS);
        w.shoot("walk-9-mpi-finished.png");

        // the Dirichlet side shows in the 4-rank result: C is 1 on the wall, so next to it close to 1
        List<PvdWriter.Entry> entries = PvdWriter.read(mpi.outputDir().resolve("diffusion-2d.pvd"));
        String last = entries.get(entries.size() - 1).file();
        w.check(last.endsWith("_040000.pvti"), "last output " + last);
        double sum = 0;
        int count = 0;
        for (int r = 0; r < 4; r++) {
            VtiFile piece = VtiReader.read(mpi.outputDir().resolve(last.replace(".pvti", "_r000" + r + ".vti")));
            if (piece.extent()[0] == 0) { // a block on the x-low side: its first column of cells
                int[] cells = piece.cellCounts();
                double[] c = piece.values("C");
                for (int j = 0; j < cells[1]; j++) {
                    sum += c[j * cells[0]];
                    count++;
                }
            }
        }
        double wall = sum / count;
        w.check(count == 256 && wall > 0.8, "mean of C next to the Dirichlet wall = " + wall + " over " + count);
        System.out.printf("walkthrough done: C next to the x-low wall %.3f; outputs in %s%n", wall, mpi.outputDir());

        // 6. a long run on 4 ranks, then quit the workbench and keep it going (the test stops it)
        w.type("#run-steps", "50000000", true);
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        w.await("saved", 10, () -> !app.model().document().isDirty());
        w.openMenu("Run", 2);
        w.await("the run dialog asks for the ranks", 10, () -> robot.lookup("#run-setting-ranks").tryQuery().isPresent());
        w.check(robot.lookup("#run-setting-ranks").queryAs(TextField.class).getText().equals("4"),
                "the dialog remembers the 4 ranks of the last run");
        w.shootWindowOf(robot.lookup("#run-setting-ranks").query(), "walk-10a-run-dialog.png");
        robot.type(KeyCode.ENTER);
        RunJob kept = awaitNewJob(mpi);
        w.await("the long run serves", 180, () -> kept.client() != null && kept.state() == RunState.RUNNING);
        robot.sleep(1500, TimeUnit.MILLISECONDS);
        w.shoot("walk-10-long-mpi-run.png");
        robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL);
        w.await("the quit dialog asks", 10, () -> robot.lookup("Quit, keep MPI runs going").tryQuery().isPresent());
        w.shootWindowOf(robot.lookup("Quit, keep MPI runs going").query(), "walk-11-quit-dialog.png");
        w.quitting();
        System.out.println("keeping the run in " + kept.outputDir());
        // the click ends the toolkit, and the robot would wait for FX events that never come: click from
        // a thread of its own, and watch the window go from here
        Thread click = new Thread(() -> robot.clickOn("Quit, keep MPI runs going"), "quit-click");
        click.setDaemon(true);
        click.start();
        Instant deadline = Instant.now().plusSeconds(60);
        while (stage.isShowing()) { // read off the FX thread: the toolkit is going away
            w.check(Instant.now().isBefore(deadline), "the workbench quits");
            Thread.sleep(100);
        }
        System.out.println("the workbench quit");
    }

    private RunJob awaitNewJob(RunJob previous) throws Exception {
        w.await("a job appears", 30, () -> !app.model().jobs().all().isEmpty()
                && app.model().jobs().all().get(0) != previous);
        return app.model().jobs().all().get(0);
    }
}
