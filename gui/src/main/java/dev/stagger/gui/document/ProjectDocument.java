package dev.stagger.gui.document;

import dev.stagger.engine.field.Precision;
import dev.stagger.engine.project.BoundaryKey;
import dev.stagger.engine.project.BoundarySpec;
import dev.stagger.engine.project.BoundaryType;
import dev.stagger.engine.project.FieldSetup;
import dev.stagger.engine.project.GridSpec;
import dev.stagger.engine.project.ModelSpec;
import dev.stagger.engine.project.OutputSpec;
import dev.stagger.engine.project.Problem;
import dev.stagger.engine.project.Project;
import dev.stagger.engine.project.ProjectEdits;
import dev.stagger.engine.project.ProjectException;
import dev.stagger.engine.project.ProjectReader;
import dev.stagger.engine.project.ProjectValidator;
import dev.stagger.engine.project.ProjectWriter;
import dev.stagger.engine.project.RunSpec;
import dev.stagger.engine.yaml.UserFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open project as an editable, observable document: the one the workbench saves, titles and
 * runs, and the one the setup editors change. The {@link Project} itself is immutable: every
 * command method builds a changed copy and records the change as an {@link Edit} (before and
 * after), so every edit can be undone and redone (the last {@value #HISTORY}). After each change
 * the project is re-validated with {@link ProjectValidator} and {@link #problems()} is replaced.
 *
 * <p>Only javafx.beans / javafx.collections are used (no scene graph), so the document works and
 * is tested without the toolkit. Like every JavaFX model it is confined to one thread: the FX
 * thread in the workbench.
 *
 * <p>An edit that changes nothing (the same value again) is not recorded.
 *
 * <p>Saving changes the file in place ({@link ProjectEdits}): only the values that changed are
 * rewritten, the user's comments, key order and layout stay, and the file keeps its permissions.
 * The document remembers what the file held when it was opened (or last saved); if someone changed
 * the file on disk since, saving is refused once with {@link UserFile.ChangedOnDiskException} so
 * the user can reload it, and the next save overwrites it.
 */
public final class ProjectDocument {
    private static final System.Logger LOG = System.getLogger(ProjectDocument.class.getName());
    static final int HISTORY = 200;

    /** One recorded change: what the project was before and after, and a label for the Edit menu. */
    public record Edit(String label, Project before, Project after) {}

    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper(this, "undoLabel", "");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper(this, "redoLabel", "");
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObservableList<Problem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final Deque<Edit> undoStack = new ArrayDeque<>();
    private final Deque<Edit> redoStack = new ArrayDeque<>();
    private Project saved;
    /** What the file held when opened or last saved here; null for a new document (or an unreadable file). */
    private UserFile.Snapshot onDisk;
    /** Set when a save was refused because the file changed on disk: the next save overwrites it. */
    private boolean overwriteNext;

    /**
     * A document for {@code initial} read from {@code file}, or a new one when {@code file} is null:
     * a new document is unsaved (dirty) until {@link #saveTo} gives it a file, so closing it asks.
     */
    public ProjectDocument(Project initial, Path file) {
        Objects.requireNonNull(initial, "initial");
        this.saved = file == null ? null : initial;
        setFile(file == null ? null : file.toAbsolutePath().normalize());
        this.onDisk = file == null ? null : snapshot(file);
        replace(initial);
    }

    private static UserFile.Snapshot snapshot(Path file) {
        try {
            return UserFile.read(file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.INFO, "cannot keep the text of " + file + " for in-place saves; it is saved afresh", e);
            // saved afresh then, as a new file would be
            return null;
        }
    }

    /** Reads a project file; the problems of an unreadable file come in the exception. */
    public static ProjectDocument open(Path file) throws ProjectException {
        return new ProjectDocument(ProjectReader.read(file).project(), file.toAbsolutePath().normalize());
    }

    /** Parses project text (e.g. a sample from the gallery) as an unsaved, unnamed document. */
    public static ProjectDocument parse(String yamlText, String sourceName) throws ProjectException {
        return new ProjectDocument(ProjectReader.parse(yamlText, sourceName, List.of()).project(), null);
    }

    // ---- outward: read-only state ----

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public Project project() {
        return project.get();
    }

    /** The file the document was opened from or last saved to; null for a new document. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public Path file() {
        return file.get();
    }

    /** The short name runs and output folders take: the file name without extension, or "untitled". */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public String name() {
        return name.get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** True while the project differs from the one last saved (or opened). */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** What undo would undo, e.g. "Set chi"; empty when nothing. */
    public ReadOnlyStringProperty undoLabelProperty() {
        return undoLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoLabelProperty() {
        return redoLabel.getReadOnlyProperty();
    }

    /** Every validation problem of the current project (key path and message), kept up to date. */
    public ObservableList<Problem> problems() {
        return problemsView;
    }

    /** The current project as the text of a project file: the opened file's text with the changed values. */
    public String toYaml() {
        return onDisk == null ? ProjectWriter.toYaml(project())
                : ProjectEdits.between(onDisk.text(), name(), project()).text();
    }

    /**
     * True when the file on disk is no longer what this document opened or last saved (another
     * program or person changed it); false for a new document.
     */
    public boolean changedOnDisk() {
        try {
            return onDisk != null && onDisk.changedOnDisk();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.INFO, "cannot compare " + file() + " with the file on disk; taking it as changed", e);
            return true;
        }
    }

    // ---- inward: undo, redo, save ----

    public void undo() {
        Edit edit = undoStack.pollFirst();
        if (edit != null) {
            redoStack.push(edit);
            replace(edit.before());
        }
    }

    public void redo() {
        Edit edit = redoStack.pollFirst();
        if (edit != null) {
            undoStack.push(edit);
            replace(edit.after());
        }
    }

    /** The current project is what is on disk now: no longer dirty (undo can make it dirty again). */
    public void markSaved() {
        saved = project();
        updateState();
    }

    /**
     * Writes the project to {@code target} atomically, remembers the file and marks it saved. The
     * text is the opened file's with only the changed values rewritten (comments and layout kept),
     * also when saving under another name. Saving over the document's own file after it changed on
     * disk is refused once ({@link UserFile.ChangedOnDiskException}, nothing written); the next
     * save, or {@link #overwrite}, replaces it.
     */
    public void saveTo(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (!overwriteNext && absolute.equals(file()) && changedOnDisk()) {
            overwriteNext = true;
            throw new UserFile.ChangedOnDiskException(absolute);
        }
        write(absolute);
    }

    /**
     * The user chose to overwrite the file's changes on disk: the next save writes this document's
     * project over them instead of refusing.
     */
    public void overwriteOnNextSave() {
        overwriteNext = true;
    }

    /** Writes the project to its own file even if the file changed on disk since it was opened. */
    public void overwrite() throws IOException {
        if (file() == null) {
            throw new IllegalStateException("a new document has no file yet; use saveTo");
        }
        write(file());
    }

    private void write(Path absolute) throws IOException {
        String text = toYaml();
        onDisk = UserFile.write(absolute, text);
        overwriteNext = false;
        setFile(absolute);
        markSaved();
    }

    /** Applies {@code change} to the project as one undoable edit; a change that changes nothing is dropped. */
    public void apply(String label, UnaryOperator<Project> change) {
        Project before = project();
        Project after = change.apply(before);
        if (after.equals(before)) {
            return;
        }
        undoStack.push(new Edit(label, before, after));
        if (undoStack.size() > HISTORY) {
            undoStack.removeLast();
        }
        redoStack.clear();
        replace(after);
    }

    // ---- grid ----

    /**
     * Changes the number of dimensions: lists are cut or padded (origin 0, extent 1, cells as the
     * first dimension's), and boundary conditions of sides the grid no longer has are removed.
     */
    public void setGridDims(int dims) {
        if (dims < 1 || dims > 3) {
            throw new IllegalArgumentException("dims must be 1, 2 or 3, got " + dims);
        }
        apply("Set dimensions to " + dims, p -> {
            GridSpec g = p.grid();
            int old = g.dims();
            double[] origin = Arrays.copyOf(g.origin(), dims);
            double[] extent = Arrays.copyOf(g.extent(), dims);
            int[] cells = Arrays.copyOf(g.cells(), dims);
            boolean[] periodic = Arrays.copyOf(g.periodic(), dims);
            int[] ranks = g.ranks() == null ? null : Arrays.copyOf(g.ranks(), dims);
            for (int d = old; d < dims; d++) {
                extent[d] = 1;
                cells[d] = g.cells()[0];
                if (ranks != null) {
                    ranks[d] = 1;
                }
            }
            Map<String, FieldSetup> fields = new LinkedHashMap<>();
            p.fields().forEach((name, f) -> {
                Map<BoundaryKey, BoundarySpec> sides = new LinkedHashMap<>(f.sides());
                sides.keySet().removeIf(k -> k.dim() >= dims);
                fields.put(name, new FieldSetup(f.initial(), f.all(), sides));
            });
            return withFields(withGrid(p, new GridSpec(origin, extent, cells, periodic, ranks)), fields);
        });
    }

    public void setOrigin(int dim, double value) {
        apply("Set origin " + axis(dim), p -> {
            double[] v = p.grid().origin();
            v[dim] = value;
            GridSpec g = p.grid();
            return withGrid(p, new GridSpec(v, g.extent(), g.cells(), g.periodic(), g.ranks()));
        });
    }

    public void setExtent(int dim, double value) {
        apply("Set extent " + axis(dim), p -> {
            double[] v = p.grid().extent();
            v[dim] = value;
            GridSpec g = p.grid();
            return withGrid(p, new GridSpec(g.origin(), v, g.cells(), g.periodic(), g.ranks()));
        });
    }

    public void setCells(int dim, int value) {
        apply("Set cells " + axis(dim), p -> {
            int[] v = p.grid().cells();
            v[dim] = value;
            GridSpec g = p.grid();
            return withGrid(p, new GridSpec(g.origin(), g.extent(), v, g.periodic(), g.ranks()));
        });
    }

    /**
     * Makes a dimension periodic or not. Periodic dimensions take no boundary conditions, so the
     * side conditions of that dimension are removed from every field in the same edit.
     */
    public void setPeriodic(int dim, boolean periodic) {
        apply((periodic ? "Make " : "Unmake ") + axis(dim) + " periodic", p -> {
            Project q = withPeriodic(p, dim, periodic);
            if (!periodic) {
                return q;
            }
            Map<String, FieldSetup> fields = new LinkedHashMap<>();
            q.fields().forEach((name, f) -> {
                Map<BoundaryKey, BoundarySpec> sides = new LinkedHashMap<>(f.sides());
                sides.keySet().removeIf(k -> k.dim() == dim);
                fields.put(name, new FieldSetup(f.initial(), f.all(), sides));
            });
            return withFields(q, fields);
        });
    }

    /** Ranks per dimension, or null for auto (chosen from the number of processes at launch). */
    public void setRanks(int[] ranks) {
        int[] copy = ranks == null ? null : ranks.clone();
        apply(copy == null ? "Set ranks to auto" : "Set ranks to " + Arrays.toString(copy), p -> {
            GridSpec g = p.grid();
            return withGrid(p, new GridSpec(g.origin(), g.extent(), g.cells(), g.periodic(), copy));
        });
    }

    public void setPrecision(Precision precision) {
        Objects.requireNonNull(precision, "precision");
        apply("Set precision to " + precision.label(), p -> {
            RunSpec r = p.run();
            return withRun(p, new RunSpec(r.steps(), r.endTime(), r.dt(), r.threads(), precision, r.backend()));
        });
    }

    // ---- model ----

    /** Sets a parameter's value in the project (written to the file even when it equals the default). */
    public void setParameter(String name, double value) {
        apply("Set " + name, p -> {
            Map<String, Double> params = new LinkedHashMap<>(p.model().parameters());
            params.put(name, value);
            return new Project(p.title(), p.description(), p.grid(), new ModelSpec(p.model().name(), params),
                    p.fields(), p.run(), p.output());
        });
    }

    /** Removes a parameter from the project, so it takes the model's default. */
    public void resetParameter(String name) {
        apply("Reset " + name, p -> {
            Map<String, Double> params = new LinkedHashMap<>(p.model().parameters());
            params.remove(name);
            return new Project(p.title(), p.description(), p.grid(), new ModelSpec(p.model().name(), params),
                    p.fields(), p.run(), p.output());
        });
    }

    // ---- fields ----

    /** The initial condition of {@code field}: the text of a number or an expression. */
    public void setInitial(String field, String text) {
        Objects.requireNonNull(text, "text");
        apply("Set initial " + field, p -> {
            FieldSetup f = field(p, field);
            return withField(p, field, new FieldSetup(text, f.all(), f.sides()));
        });
    }

    /**
     * The condition on one side of {@code field}. If the side's dimension is periodic it becomes
     * non-periodic in the same edit (a periodic dimension cannot take a condition).
     */
    public void setBoundary(String field, BoundaryKey side, BoundaryType type, String valueText) {
        BoundarySpec spec = new BoundarySpec(type, valueText);
        apply("Set " + field + " " + side.label(), p -> {
            Project q = side.dim() < p.grid().dims() ? withPeriodic(p, side.dim(), false) : p;
            FieldSetup f = field(q, field);
            Map<BoundaryKey, BoundarySpec> sides = new LinkedHashMap<>(f.sides());
            sides.put(side, spec);
            return withField(q, field, new FieldSetup(f.initial(), f.all(), sides));
        });
    }

    /** The condition of every side of {@code field} that has none of its own ({@code all:} in the file). */
    public void setBoundaryAll(String field, BoundaryType type, String valueText) {
        BoundarySpec spec = new BoundarySpec(type, valueText);
        apply("Set " + field + " boundaries", p -> {
            FieldSetup f = field(p, field);
            return withField(p, field, new FieldSetup(f.initial(), spec, f.sides()));
        });
    }

    // ---- run and output ----

    /** Run for {@code steps} steps (replaces an end time, as {@code --set run.steps} does). */
    public void setSteps(long steps) {
        apply("Set steps", p -> {
            RunSpec r = p.run();
            return withRun(p, new RunSpec(steps, null, r.dt(), r.threads(), r.precision(), r.backend()));
        });
    }

    /** Run until {@code endTime} (replaces a step count). */
    public void setEndTime(double endTime) {
        apply("Set end time", p -> {
            RunSpec r = p.run();
            return withRun(p, new RunSpec(null, endTime, r.dt(), r.threads(), r.precision(), r.backend()));
        });
    }

    /** The time step, or null for auto (the model's stable limit). */
    public void setDt(Double dt) {
        apply(dt == null ? "Set dt to auto" : "Set dt", p -> {
            RunSpec r = p.run();
            return withRun(p, new RunSpec(r.steps(), r.endTime(), dt, r.threads(), r.precision(), r.backend()));
        });
    }

    /** Worker threads, or null for auto (all cores). */
    public void setThreads(Integer threads) {
        apply(threads == null ? "Set threads to auto" : "Set threads", p -> {
            RunSpec r = p.run();
            return withRun(p, new RunSpec(r.steps(), r.endTime(), r.dt(), threads, r.precision(), r.backend()));
        });
    }

    /** Steps between outputs; 0 writes the final state only. */
    public void setOutputEvery(long every) {
        apply("Set output interval", p -> new Project(p.title(), p.description(), p.grid(), p.model(), p.fields(),
                p.run(), new OutputSpec(every, p.output().fields())));
    }

    // ---- helpers ----

    private void setFile(Path f) {
        file.set(f);
        name.set(nameOf(f));
    }

    /** A project file's short name: its file name without the extension; "untitled" for none. */
    public static String nameOf(Path file) {
        if (file == null) {
            return "untitled";
        }
        String base = file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    private void replace(Project next) {
        project.set(next);
        problems.setAll(ProjectValidator.validate(next));
        updateState();
    }

    private void updateState() {
        canUndo.set(!undoStack.isEmpty());
        canRedo.set(!redoStack.isEmpty());
        undoLabel.set(undoStack.isEmpty() ? "" : undoStack.peekFirst().label());
        redoLabel.set(redoStack.isEmpty() ? "" : redoStack.peekFirst().label());
        dirty.set(saved == null || !project().equals(saved));
    }

    private static String axis(int dim) {
        return dev.stagger.engine.grid.Dimension.name(dim);
    }

    private static FieldSetup field(Project p, String name) {
        FieldSetup f = p.fields().get(name);
        return f != null ? f : new FieldSetup(null, null, Map.of());
    }

    private static Project withPeriodic(Project p, int dim, boolean periodic) {
        GridSpec g = p.grid();
        boolean[] v = g.periodic();
        v[dim] = periodic;
        return withGrid(p, new GridSpec(g.origin(), g.extent(), g.cells(), v, g.ranks()));
    }

    private static Project withGrid(Project p, GridSpec grid) {
        return new Project(p.title(), p.description(), grid, p.model(), p.fields(), p.run(), p.output());
    }

    private static Project withRun(Project p, RunSpec run) {
        return new Project(p.title(), p.description(), p.grid(), p.model(), p.fields(), run, p.output());
    }

    private static Project withFields(Project p, Map<String, FieldSetup> fields) {
        return new Project(p.title(), p.description(), p.grid(), p.model(), fields, p.run(), p.output());
    }

    private static Project withField(Project p, String name, FieldSetup setup) {
        Map<String, FieldSetup> fields = new LinkedHashMap<>(p.fields());
        fields.put(name, setup);
        return withFields(p, fields);
    }
}
