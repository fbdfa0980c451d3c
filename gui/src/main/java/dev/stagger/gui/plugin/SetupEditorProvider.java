package dev.stagger.gui.plugin;

import dev.stagger.gui.document.ProjectDocument;
import javafx.scene.Node;

/**
 * PLUG-IN POINT for the model-setup editors ({@code dev.stagger.gui.setup}). The workbench asks
 * for one editor per opened document and shows it in the left pane of the project page. The editor
 * reads {@link ProjectDocument#projectProperty()} and changes the project only through the
 * document's edit commands ({@link ProjectDocument#apply}), which give undo/redo (the Edit menu's),
 * re-validation and the unsaved-changes marker for free.
 * Registered with {@code META-INF/services/dev.stagger.gui.plugin.SetupEditorProvider}, or passed to
 * {@link WorkbenchExtensions}. Called on the FX thread.
 */
@FunctionalInterface
public interface SetupEditorProvider {
    Node createEditor(ProjectDocument document);
}
