/**
 * The open project as a document: its file, the {@link dev.stagger.engine.project.Project} being
 * edited, the undo history, the unsaved-changes marker and the validation problems. The workbench
 * shell saves, titles and runs it; the setup editors change it. No scene graph here, only
 * javafx.beans and javafx.collections, so it is tested without a display.
 */
package dev.stagger.gui.document;
