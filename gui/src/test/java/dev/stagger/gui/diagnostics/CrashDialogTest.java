package dev.stagger.gui.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A failure injected on the FX thread reaches the crash dialog's content, whose Copy copies the details. */
class CrashDialogTest {
    private static Thread.UncaughtExceptionHandler before;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        before = Thread.getDefaultUncaughtExceptionHandler();
    }

    @AfterAll
    static void cleanup() throws Exception {
        Thread.setDefaultUncaughtExceptionHandler(before);
        FxToolkit.cleanupStages();
    }

    @Test
    void anInjectedFailureOnTheFxThreadShowsItsDetailsAndCopiesThem() throws Exception {
        CompletableFuture<VBox> dialog = new CompletableFuture<>();
        new CrashHandler(Platform::runLater, () -> Path.of("/tmp/workbench-0.log"),
                report -> dialog.complete(CrashDialog.content(report))).install();
        Platform.runLater(() -> {
            throw new IllegalStateException("injected failure");
        });
        VBox box = dialog.get(20, TimeUnit.SECONDS);
        String[] copied = new String[1];
        WaitForAsyncUtils.asyncFx(() -> {
            TextArea details = (TextArea) box.lookup("#crash-details");
            assertThat(details.getText()).contains("on thread \"JavaFX Application Thread\"")
                    .contains("java.lang.IllegalStateException: injected failure")
                    .contains("Log: /tmp/workbench-0.log");
            assertThat(((Label) box.lookup("#crash-where")).getText()).contains("issue tracker");
            Button copy = (Button) box.lookup("#crash-copy");
            copy.fire();
            copied[0] = Clipboard.getSystemClipboard().getString();
            assertThat(copied[0]).isEqualTo(details.getText());
            javafx.stage.Stage stage = new javafx.stage.Stage();
            stage.setScene(new javafx.scene.Scene(box));
            stage.show();
            dev.stagger.gui.testing.Snapshots.write(stage, "crash-dialog");
            stage.close();
        }).get();
        assertThat(copied[0]).contains("injected failure");
    }

    @Test
    void everyProblemOfAProjectIsListed() throws Exception {
        List<String> problems = List.of("bad.yaml:3:7: grid.cells[0]: expected a whole number >= 1, got -3",
                "bad.yaml:9:3: model: unknown model 'difusion'");
        WaitForAsyncUtils.asyncFx(() -> {
            VBox box = DetailsDialog.content("Cannot open bad.yaml", problems);
            @SuppressWarnings("unchecked")
            ListView<String> list = (ListView<String>) box.lookup("#details-list");
            assertThat(list.getItems()).containsExactlyElementsOf(problems);
            ((Button) box.lookup("#details-copy")).fire();
            assertThat(Clipboard.getSystemClipboard().getString()).isEqualTo(String.join("\n", problems));
        }).get();
    }
}
