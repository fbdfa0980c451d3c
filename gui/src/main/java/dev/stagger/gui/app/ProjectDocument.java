package dev.stagger.gui.app;

import dev.stagger.engine.project.Project;
import dev.stagger.engine.project.ProjectWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The open project: its file (null until first saved), the current {@link Project} and the history
 * of edits. Setup editors change the project only through {@link #edit(Project)}, which makes every
 * edit undoable and sets the unsaved-changes flag. Toolkit-free; used on the FX thread.
 */
public final class ProjectDocument implements UndoableEditor {
    private static final int HISTORY = 200;

    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
    private final Deque<Project> undo = new ArrayDeque<>();
    private final Deque<Project> redo = new ArrayDeque<>();
    private Project saved;

    /** A document for {@code project} read from {@code file}, or a new one ({@code file} null, unsaved). */
    public ProjectDocument(Project project, Path file) {
        this.project.set(Objects.requireNonNull(project, "project"));
        this.file.set(file);
        this.saved = file == null ? null : project;
        name.set(nameOf(file));
        refresh();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public Path file() {
        return file.get();
    }

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public Project project() {
        return project.get();
    }

    /** True while the project differs from what is on disk (always for a new project). */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** The short name runs and output folders take: the file name without extension, or "untitled". */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public String name() {
        return name.get();
    }

    /** Replaces the project with an edited copy; a no-op when nothing changed. */
    public void edit(Project changed) {
        Objects.requireNonNull(changed, "changed");
        if (changed.equals(project.get())) {
            return;
        }
        undo.push(project.get());
        if (undo.size() > HISTORY) {
            undo.removeLast();
        }
        redo.clear();
        project.set(changed);
        refresh();
    }

    @Override
    public void undo() {
        if (!undo.isEmpty()) {
            redo.push(project.get());
            project.set(undo.pop());
            refresh();
        }
    }

    @Override
    public void redo() {
        if (!redo.isEmpty()) {
            undo.push(project.get());
            project.set(redo.pop());
            refresh();
        }
    }

    @Override
    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Writes the project to {@code target} (atomically) and makes it this document's file. */
    public void saveTo(Path target) throws IOException {
        ProjectWriter.write(project.get(), target);
        file.set(target);
        name.set(nameOf(target));
        saved = project.get();
        refresh();
    }

    private void refresh() {
        dirty.set(saved == null || !saved.equals(project.get()));
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    static String nameOf(Path file) {
        if (file == null) {
            return "untitled";
        }
        String base = file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
