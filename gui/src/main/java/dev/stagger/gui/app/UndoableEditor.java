package dev.stagger.gui.app;

import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * What the Edit menu's Undo and Redo delegate to: the document by default, or an editor that keeps
 * finer-grained history of its own (a setup editor's {@code Node} that implements this interface
 * takes over while it is shown).
 */
public interface UndoableEditor {

    ReadOnlyBooleanProperty canUndoProperty();

    ReadOnlyBooleanProperty canRedoProperty();

    void undo();

    void redo();
}
