package dev.stagger.gui.setup;

import dev.stagger.gui.app.SetupEditorProvider;
import javafx.scene.Node;

/**
 * Plugs the setup editor into the workbench. The shell's document stays the one of record (saving,
 * title, run); the editor's own document mirrors it both ways, so an edit made here lands in the
 * shell's history (Edit > Undo, Ctrl+Z) and an undo there shows here. Equal projects stop the echo.
 */
public final class SetupEditors implements SetupEditorProvider {

    @Override
    public Node createEditor(dev.stagger.gui.app.ProjectDocument shell) {
        ProjectDocument editor = new ProjectDocument(shell.projectProperty().get());
        editor.projectProperty().addListener((obs, old, changed) -> shell.edit(changed));
        shell.projectProperty().addListener((obs, old, changed) -> {
            if (!changed.equals(editor.projectProperty().get())) {
                editor.apply("Undo", p -> changed);
            }
        });
        return new SetupView(editor);
    }
}
