package dev.stagger.gui.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.gui.conflict.ChangedOnDiskDialog.Choice;
import dev.stagger.gui.document.ProjectDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Saving over a file that changed on disk: reload, overwrite or cancel, as the user chooses. */
class ChangedOnDiskDialogTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void cleanup() throws Exception {
        FxToolkit.cleanupStages();
    }

    private ProjectDocument changedElsewhere(Path file) throws Exception {
        Files.copy(Path.of("..", "sample-projects", "diffusion-2d.yaml"), file);
        ProjectDocument d = ProjectDocument.open(file);
        d.setParameter("chi", 3.0);
        Files.writeString(file, Files.readString(file).replace("title: Diffusion 2D", "title: Theirs"));
        return d;
    }

    @Test
    void overwriteWritesThisDocumentOverTheirChanges() throws Exception {
        Path file = dir.resolve("p.yaml");
        ProjectDocument d = changedElsewhere(file);
        List<Path> reloaded = new ArrayList<>();
        assertThat(ChangedOnDiskDialog.apply(Choice.OVERWRITE, d, reloaded::add)).isTrue();
        d.saveTo(file);
        assertThat(Files.readString(file)).contains("title: Diffusion 2D").contains("chi: 3");
        assertThat(reloaded).isEmpty();
        // nothing changed on disk since: no question at all
        assertThat(ChangedOnDiskDialog.confirmSave(null, d, reloaded::add)).isTrue();
    }

    @Test
    void reloadAndCancelLeaveTheFileAsTheyWroteIt() throws Exception {
        Path file = dir.resolve("p.yaml");
        ProjectDocument d = changedElsewhere(file);
        String theirs = Files.readString(file);
        List<Path> reloaded = new ArrayList<>();
        assertThat(ChangedOnDiskDialog.apply(Choice.RELOAD, d, reloaded::add)).isFalse();
        assertThat(reloaded).containsExactly(d.file());
        assertThat(ChangedOnDiskDialog.apply(Choice.CANCEL, d, reloaded::add)).isFalse();
        assertThat(reloaded).hasSize(1);
        assertThat(Files.readString(file)).isEqualTo(theirs);
    }

    @Test
    void theQuestionNamesTheFileAndOffersTheThreeAnswers() throws Exception {
        Alert a = WaitForAsyncUtils.asyncFx(() -> ChangedOnDiskDialog.alert(null, dir.resolve("heat.yaml"))).get();
        assertThat(a.getHeaderText()).isEqualTo("heat.yaml changed on disk");
        assertThat(a.getContentText()).contains("Reload").contains("overwrite");
        assertThat(a.getButtonTypes()).containsExactly(ChangedOnDiskDialog.RELOAD, ChangedOnDiskDialog.OVERWRITE,
                ButtonType.CANCEL);
    }
}
