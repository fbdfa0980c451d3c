package dev.stagger.gui.about;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.cli.BuildInfo;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** About shows what --version shows, and Copy puts exactly that on the clipboard. */
class AboutBoxTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void cleanup() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void showsTheBuildAndCopiesIt() throws Exception {
        String details = AboutBox.details();
        assertThat(details.lines().toList()).startsWith(BuildInfo.current().lines().toArray(String[]::new));
        assertThat(details).contains("JavaFX running: 2");
        String[] copied = new String[1];
        WaitForAsyncUtils.asyncFx(() -> {
            VBox box = AboutBox.content();
            TextArea text = (TextArea) box.lookup("#about-details");
            assertThat(text.getText()).isEqualTo(details);
            assertThat(text.isEditable()).isFalse();
            Button copy = (Button) box.lookup("#about-copy");
            copy.fire();
            copied[0] = Clipboard.getSystemClipboard().getString();
            assertThat(copy.getText()).isEqualTo("Copied");
        }).get();
        assertThat(copied[0]).isEqualTo(details);
    }
}
