package dev.stagger.gui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.gui.document.ProjectDocument;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Under a locale that writes "0,5" the setup pages still show numbers with '.', the only form their
 * fields accept: what is shown can be typed back.
 */
@ExtendWith(ApplicationExtension.class)
class SetupNumbersTest {
    private final Locale before = Locale.getDefault();
    ProjectDocument doc;

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.GERMANY);
        doc = ProjectDocument.open(SetupViewTest.SAMPLE);
        stage.setScene(new Scene(new SetupView(doc), 1100, 800));
        stage.show();
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void initialConditionRangeAndFieldsUseOneFormat(FxRobot robot) {
        robot.clickOn("Initial conditions");
        WaitForAsyncUtils.waitForFxEvents();
        String range = robot.lookup("#initial-error-C").queryAs(Label.class).getText();
        assertThat(range).matches("range [0-9.e+-]+ to [0-9.e+-]+").contains(".");
        assertThat(String.format("%.4g", 0.5)).as("the locale really writes commas").isEqualTo("0,5000");

        robot.clickOn("Parameters");
        TextField chi = robot.lookup("#param-chi").queryAs(TextField.class);
        robot.clickOn(chi);
        robot.interact(chi::selectAll);
        robot.write("0,5").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(doc.project().model().parameters().get("chi")).isNotEqualTo(0.5);
        robot.interact(chi::selectAll);
        robot.write("0.5").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(doc.project().model().parameters()).containsEntry("chi", 0.5);
        assertThat(chi.getText()).isEqualTo("0.5");
    }
}
