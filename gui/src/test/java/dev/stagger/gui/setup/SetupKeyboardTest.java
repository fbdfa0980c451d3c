package dev.stagger.gui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.gui.document.ProjectDocument;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Without a mouse: a boundary side is chosen with Tab and Space; Escape brings a field's value back; tips say what a control sets. */
@ExtendWith(ApplicationExtension.class)
class SetupKeyboardTest {
    ProjectDocument doc;

    @Start
    void start(Stage stage) throws Exception {
        doc = ProjectDocument.open(SetupViewTest.SAMPLE);
        stage.setScene(new Scene(new SetupView(doc), 1100, 800));
        stage.show();
    }

    @Test
    void aSideIsChosenByKeyboard(FxRobot robot) {
        robot.clickOn("Boundary conditions");
        WaitForAsyncUtils.waitForFxEvents();
        Label side = robot.lookup("#boundary-side").queryAs(Label.class);
        String before = side.getText();
        Node yHigh = robot.lookup("#side-y-high").query();
        Node xLow = robot.lookup("#side-x-low").query();
        assertThat(yHigh.isFocusTraversable()).isTrue();
        assertThat(yHigh.getAccessibleText()).isEqualTo("Boundary side y-high");
        robot.interact(xLow::requestFocus);
        // Tab walks the sides in the order they are drawn: x-low, x-high, y-low, y-high
        robot.type(KeyCode.TAB).type(KeyCode.TAB).type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(yHigh.isFocused()).isTrue();
        assertThat(yHigh.getEffect()).as("the focused side shows it").isNotNull();
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(side.getText()).isNotEqualTo(before).contains("y-high");
    }

    @Test
    void escapeBringsTheValueBackAndTipsExplain(FxRobot robot) {
        robot.clickOn("Grid");
        TextField extent = robot.lookup("#grid-extent-0").queryAs(TextField.class);
        assertThat(extent.getTooltip().getText()).contains("grid.extent");
        String was = extent.getText();
        robot.clickOn(extent);
        robot.interact(extent::selectAll);
        robot.write("123").type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(extent.getText()).isEqualTo(was);
        assertThat(doc.isDirty()).isFalse();
    }
}
