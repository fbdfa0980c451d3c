package dev.stagger.gui.app;

import javafx.scene.Node;

/**
 * PLUG-IN POINT for the model-setup editors ({@code dev.stagger.gui.setup}). The workbench asks
 * for one editor per opened document and shows it in the left pane of the project page. The editor
 * reads {@link ProjectDocument#projectProperty()} and changes the project only through
 * {@link ProjectDocument#edit}, which gives undo/redo and the unsaved-changes marker for free. If the
 * returned node implements {@link UndoableEditor}, the Edit menu's Undo/Redo go to it instead.
 * Registered with {@code META-INF/services/dev.stagger.gui.app.SetupEditorProvider}, or passed to
 * {@link WorkbenchExtensions}. Called on the FX thread.
 */
@FunctionalInterface
public interface SetupEditorProvider {
    Node createEditor(ProjectDocument document);
}
