package dev.stagger.gui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.grid.Side;
import dev.stagger.engine.project.BoundaryKey;
import dev.stagger.engine.project.BoundarySpec;
import dev.stagger.engine.project.BoundaryType;
import dev.stagger.engine.project.Problem;
import dev.stagger.gui.document.ProjectDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless (Monocle) walk through the setup view on the 2D diffusion sample: a Dirichlet boundary
 * with an expression of a parameter, a bad parameter value whose problem appears and clears, undo
 * and redo, jumping from a problem to its control, and the rank blocks of a 2 × 2 layout.
 */
@ExtendWith(ApplicationExtension.class)
class SetupViewTest {
    static final Path SAMPLE = Path.of("..", "sample-projects", "diffusion-2d.yaml");

    ProjectDocument doc;
    SetupView view;

    @Start
    void start(Stage stage) throws Exception {
        doc = ProjectDocument.open(SAMPLE);
        view = new SetupView(doc);
        stage.setScene(new Scene(view, 1100, 800));
        stage.show();
    }

    private void type(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> shownProblems(FxRobot robot) {
        return robot.lookup("#problems").queryListView().getItems().stream()
                .map(p -> ((Problem) p).keyPath()).toList();
    }

    @Test
    void boundaryParameterProblemsUndoRedo(FxRobot robot) {
        BoundaryKey xLow = new BoundaryKey(0, Side.LOW);
        robot.clickOn("Boundary conditions");
        robot.clickOn("#side-x-low");
        robot.clickOn("#side-y-high");
        robot.clickOn("#side-x-low");
        @SuppressWarnings("unchecked")
        ChoiceBox<BoundarySection.Kind> type = robot.lookup("#boundary-type").queryAs(ChoiceBox.class);
        robot.clickOn(type);
        robot.clickOn("Dirichlet");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(doc.project().fields().get("C").boundary(0, Side.LOW).type()).isEqualTo(BoundaryType.DIRICHLET);
        type(robot, "#boundary-value", "sin(pi*y)*chi");
        assertThat(doc.project().fields().get("C").sides().get(xLow))
                .isEqualTo(new BoundarySpec(BoundaryType.DIRICHLET, "sin(pi*y)*chi"));
        // the other sides keep the file's zero flux
        assertThat(doc.project().fields().get("C").boundary(1, Side.HIGH)).isEqualTo(BoundarySpec.ZERO_FLUX);
        assertThat(shownProblems(robot)).isEmpty();

        robot.clickOn("Parameters");
        type(robot, "#param-chi", "-1");
        assertThat(doc.project().model().parameters()).containsEntry("chi", -1.0);
        assertThat(shownProblems(robot)).containsExactly("model.parameters.chi");
        assertThat(robot.lookup("#stability-label").queryLabeled().getText()).contains("no limit");

        // the problem jumps to its control
        robot.clickOn("Grid");
        robot.clickOn(robot.lookup("#problems").lookup(".list-cell").nth(0).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.shown()).isEqualTo(SetupView.Page.PARAMETERS);
        assertThat(robot.lookup("#param-chi").queryAs(TextField.class).isFocused()).isTrue();

        type(robot, "#param-chi", "0.5");
        assertThat(shownProblems(robot)).isEmpty();
        assertThat(robot.lookup("#stability-label").queryLabeled().getText()).contains("(auto)");

        robot.interact(doc::undo);
        assertThat(shownProblems(robot)).containsExactly("model.parameters.chi");
        assertThat(robot.lookup("#param-chi").queryAs(TextField.class).getText()).isEqualTo("-1");
        robot.interact(doc::undo);
        assertThat(doc.project().model().parameters()).containsEntry("chi", 1.0);
        assertThat(shownProblems(robot)).isEmpty();
        robot.interact(doc::redo);
        robot.interact(doc::redo);
        assertThat(doc.project().model().parameters()).containsEntry("chi", 0.5);
        assertThat(shownProblems(robot)).isEmpty();
        assertThat(doc.isDirty()).isTrue();
    }

    @Test
    void aBadInitialConditionShowsItsColumn(FxRobot robot) {
        robot.clickOn("Initial conditions");
        TextField field = robot.lookup("#initial-C").queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write("exp(-x^2 - w)");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#initial-error-C").queryLabeled().getText())
                .contains("unknown name 'w'").contains("column 12");
        robot.type(KeyCode.ENTER);
        assertThat(shownProblems(robot)).containsExactly("fields.C.initial");
        robot.interact(doc::undo);
        assertThat(robot.lookup("#initial-error-C").queryLabeled().getText()).startsWith("range");
    }

    @Test
    void gridCanvasDrawsTwoByTwoRankBlocks(FxRobot robot) {
        robot.interact(() -> doc.setRanks(new int[] {2, 2}));
        GridCanvas canvas = view.gridCanvas();
        RankLayout layout = canvas.layoutProperty().get();
        assertThat(layout.ranksPerDim()).containsExactly(2, 2);
        assertThat(layout.blocks()).hasSize(4);
        assertThat(layout.blocks()).allSatisfy(b -> assertThat(b.cells()).containsExactly(64, 64));
        assertThat(layout.blocks().get(1).low()).containsExactly(-2, 0);

        AtomicReference<Image> shot = new AtomicReference<>();
        robot.interact(() -> shot.set(canvas.snapshot(null, null)));
        double[] d = canvas.domainPixels();
        PixelReader px = shot.get().getPixelReader();
        // block 0 (x low, y low) is bottom-left, block 3 top-right: each tinted in its own colour
        Color bottomLeft = px.getColor((int) (d[0] + d[2] * 0.1) + 1, (int) (d[1] + d[3] * 0.9) + 1);
        Color topRight = px.getColor((int) (d[0] + d[2] * 0.9) + 1, (int) (d[1] + d[3] * 0.1) + 1);
        assertThat(bottomLeft).isNotEqualTo(Color.WHITE);
        assertThat(topRight).isNotEqualTo(Color.WHITE);
        assertThat(bottomLeft.getBlue()).isGreaterThan(bottomLeft.getRed()); // #4e79a7, blue
        assertThat(topRight.getRed()).isGreaterThan(topRight.getBlue()); // #e15759, red
    }
}
