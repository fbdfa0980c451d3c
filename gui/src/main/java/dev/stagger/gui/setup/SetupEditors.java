package dev.stagger.gui.setup;

import dev.stagger.gui.document.ProjectDocument;
import dev.stagger.gui.plugin.SetupEditorProvider;
import javafx.scene.Node;

/** Plugs the setup editor into the workbench: it edits the shell's document itself. */
public final class SetupEditors implements SetupEditorProvider {

    @Override
    public Node createEditor(ProjectDocument document) {
        return new SetupView(document);
    }
}
