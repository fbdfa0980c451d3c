package dev.stagger.gui.conflict;

import dev.stagger.gui.common.Themed;
import dev.stagger.gui.document.ProjectDocument;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Asked before saving a project whose file changed on disk since it was opened: Reload (the file's
 * version replaces this document, its unsaved changes are dropped), Overwrite (this document's
 * project replaces the file's changes) or Cancel. Without it the document refuses the first save
 * with a message and overwrites on the second.
 */
public final class ChangedOnDiskDialog {
    /** What the user chose. */
    public enum Choice {
        RELOAD,
        OVERWRITE,
        CANCEL
    }

    static final ButtonType RELOAD = new ButtonType("Reload", ButtonBar.ButtonData.OTHER);
    static final ButtonType OVERWRITE = new ButtonType("Overwrite", ButtonBar.ButtonData.OK_DONE);

    private ChangedOnDiskDialog() {}

    /**
     * True when saving {@code document} should go on: its file did not change on disk, or the user
     * chose to overwrite it. Reload passes the file to {@code reload} (the workbench opens it again)
     * and, like Cancel, returns false.
     */
    public static boolean confirmSave(Window owner, ProjectDocument document, Consumer<Path> reload) {
        if (document == null || document.file() == null || !document.changedOnDisk()) {
            return true;
        }
        return apply(ask(owner, document.file()), document, reload);
    }

    /** What a choice does to the document; true when the save should go on. */
    static boolean apply(Choice choice, ProjectDocument document, Consumer<Path> reload) {
        switch (choice) {
            case OVERWRITE:
                document.overwriteOnNextSave();
                return true;
            case RELOAD:
                reload.accept(document.file());
                return false;
            default:
                return false;
        }
    }

    /** Shows the question and waits for the answer (closing the dialog is Cancel). */
    static Choice ask(Window owner, Path file) {
        ButtonType answer = alert(owner, file).showAndWait().orElse(ButtonType.CANCEL);
        return answer == RELOAD ? Choice.RELOAD : answer == OVERWRITE ? Choice.OVERWRITE : Choice.CANCEL;
    }

    static Alert alert(Window owner, Path file) {
        Alert a = new Alert(Alert.AlertType.WARNING, file.getFileName() + " was changed by another program since you"
                + " opened it.\n\nReload it to see that version (your unsaved changes here are dropped), or overwrite"
                + " it with yours (the other changes are lost).", RELOAD, OVERWRITE, ButtonType.CANCEL);
        if (owner != null) {
            a.initOwner(owner);
        }
        Themed.follow(a, owner);
        a.setTitle("File changed on disk");
        a.setHeaderText(file.getFileName() + " changed on disk");
        return a;
    }
}
