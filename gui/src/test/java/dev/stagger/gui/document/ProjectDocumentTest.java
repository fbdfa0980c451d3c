package dev.stagger.gui.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Side;
import dev.stagger.engine.project.BoundaryKey;
import dev.stagger.engine.project.BoundarySpec;
import dev.stagger.engine.project.BoundaryType;
import dev.stagger.engine.project.Problem;
import dev.stagger.engine.project.Project;
import dev.stagger.engine.project.ProjectReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The document without the toolkit: edits, undo/redo, dirty marker, validation and saving. */
class ProjectDocumentTest {
    static final Path SAMPLE = Path.of("..", "sample-projects", "diffusion-2d.yaml");

    ProjectDocument doc;
    Project original;

    @BeforeEach
    void open() throws Exception {
        doc = ProjectDocument.open(SAMPLE);
        original = doc.project();
    }

    private List<String> problemPaths() {
        return doc.problems().stream().map(Problem::keyPath).toList();
    }

    @Test
    void opensCleanWithNothingToUndo() {
        assertThat(doc.problems()).isEmpty();
        assertThat(doc.isDirty()).isFalse();
        assertThat(doc.canUndoProperty().get()).isFalse();
        assertThat(doc.canRedoProperty().get()).isFalse();
        assertThat(doc.file()).isEqualTo(SAMPLE.toAbsolutePath().normalize());
        assertThat(doc.name()).isEqualTo("diffusion-2d");
    }

    @Test
    void aNewDocumentIsUnsavedUntilItHasAFile(@TempDir Path dir) throws Exception {
        ProjectDocument fresh = new ProjectDocument(original, null);
        assertThat(fresh.isDirty()).as("closing a never-saved project must ask").isTrue();
        assertThat(fresh.name()).isEqualTo("untitled");
        fresh.saveTo(dir.resolve("heat.yaml"));
        assertThat(fresh.isDirty()).isFalse();
        assertThat(fresh.name()).isEqualTo("heat");
        assertThat(fresh.file()).isEqualTo(dir.resolve("heat.yaml").toAbsolutePath().normalize());
    }

    @Test
    void historyKeepsTheLatestEdits() {
        for (int i = 1; i <= ProjectDocument.HISTORY + 5; i++) {
            doc.setParameter("chi", i);
        }
        int undone = 0;
        while (doc.canUndoProperty().get()) {
            doc.undo();
            undone++;
        }
        assertThat(undone).isEqualTo(ProjectDocument.HISTORY);
        assertThat(doc.project().model().parameters().get("chi")).isEqualTo(5.0);
    }

    @Test
    void undoAndRedoWalkTheHistory() {
        doc.setParameter("chi", 0.5);
        doc.setCells(0, 64);
        doc.setSteps(10);
        assertThat(doc.undoLabelProperty().get()).isEqualTo("Set steps");
        Project three = doc.project();

        doc.undo();
        assertThat(doc.project().run().steps()).isEqualTo(100L);
        assertThat(doc.project().grid().cells()).containsExactly(64, 128);
        doc.undo();
        assertThat(doc.project().grid().cells()).containsExactly(128, 128);
        assertThat(doc.project().model().parameters()).containsEntry("chi", 0.5);
        doc.undo();
        assertThat(doc.project()).isEqualTo(original);
        assertThat(doc.canUndoProperty().get()).isFalse();
        assertThat(doc.isDirty()).isFalse();
        doc.undo(); // nothing left: no effect
        assertThat(doc.project()).isEqualTo(original);

        doc.redo();
        doc.redo();
        doc.redo();
        assertThat(doc.project()).isEqualTo(three);
        assertThat(doc.canRedoProperty().get()).isFalse();
        assertThat(doc.isDirty()).isTrue();
    }

    @Test
    void aNewEditDropsTheRedoHistory() {
        doc.setParameter("chi", 0.5);
        doc.undo();
        assertThat(doc.canRedoProperty().get()).isTrue();
        doc.setParameter("chi", 2.0);
        assertThat(doc.canRedoProperty().get()).isFalse();
        doc.undo();
        assertThat(doc.project()).isEqualTo(original);
    }

    @Test
    void editsThatChangeNothingAreNotRecorded() {
        doc.setCells(0, 128);
        doc.setPrecision(Precision.F64);
        assertThat(doc.canUndoProperty().get()).isFalse();
        assertThat(doc.isDirty()).isFalse();
    }

    @Test
    void problemsAppearAndClearWithEditsUndoAndRedo() {
        doc.setParameter("chi", -1);
        assertThat(problemPaths()).containsExactly("model.parameters.chi");
        assertThat(doc.problems().get(0).message()).contains("chi must be > 0");
        doc.setParameter("chi", 2);
        assertThat(doc.problems()).isEmpty();
        doc.undo();
        assertThat(problemPaths()).containsExactly("model.parameters.chi");
        doc.undo();
        assertThat(doc.problems()).isEmpty();

        doc.setInitial("C", "exp(-x^2 - q)");
        assertThat(problemPaths()).containsExactly("fields.C.initial");
        assertThat(doc.problems().get(0).message()).contains("column 12");
        doc.setBoundary("C", new BoundaryKey(0, Side.LOW), BoundaryType.DIRICHLET, "sin(pi*y) +");
        assertThat(problemPaths()).contains("fields.C.boundary.x-low.value");
        doc.setDt(1.0);
        assertThat(problemPaths()).contains("run.dt");
        assertThat(doc.problems().stream().filter(p -> p.keyPath().equals("run.dt")).findFirst().orElseThrow().message())
                .contains("stable limit");
        doc.setCells(1, 0);
        assertThat(problemPaths()).contains("grid.cells[1]");
    }

    @Test
    void problemsListNotifiesListeners() {
        List<Integer> sizes = new ArrayList<>();
        doc.problems().addListener((javafx.collections.ListChangeListener<Problem>) c -> sizes.add(c.getList().size()));
        doc.setParameter("chi", -1);
        doc.undo();
        assertThat(sizes).containsExactly(1, 0);
    }

    @Test
    void dirtyFollowsTheSavedState() {
        doc.setSteps(5);
        assertThat(doc.isDirty()).isTrue();
        doc.markSaved();
        assertThat(doc.isDirty()).isFalse();
        doc.undo();
        assertThat(doc.isDirty()).isTrue();
        doc.redo();
        assertThat(doc.isDirty()).isFalse();
    }

    @Test
    void boundaryOnAPeriodicDimensionMakesItNonPeriodicAndPeriodicRemovesSides() {
        BoundaryKey xLow = new BoundaryKey(0, Side.LOW);
        doc.setBoundary("C", xLow, BoundaryType.DIRICHLET, "1");
        doc.setPeriodic(0, true);
        assertThat(doc.project().grid().periodic()).containsExactly(true, false);
        assertThat(doc.project().fields().get("C").sides()).doesNotContainKey(xLow);
        assertThat(doc.problems()).isEmpty();
        doc.setBoundary("C", new BoundaryKey(0, Side.HIGH), BoundaryType.NEUMANN, "2*y");
        assertThat(doc.project().grid().periodic()).containsExactly(false, false);
        assertThat(doc.project().fields().get("C").boundary(0, Side.HIGH))
                .isEqualTo(new BoundarySpec(BoundaryType.NEUMANN, "2*y"));
        doc.undo();
        doc.undo();
        assertThat(doc.project().fields().get("C").sides()).containsKey(xLow);
        assertThat(doc.project().grid().periodic()).containsExactly(false, false);
    }

    @Test
    void changingDimensionsPadsListsAndDropsMissingSides() {
        doc.setBoundary("C", new BoundaryKey(1, Side.HIGH), BoundaryType.DIRICHLET, "0");
        doc.setRanks(new int[] {2, 2});
        doc.setGridDims(3);
        assertThat(doc.project().grid().cells()).containsExactly(128, 128, 128);
        assertThat(doc.project().grid().extent()).containsExactly(4, 4, 1);
        assertThat(doc.project().grid().ranks()).containsExactly(2, 2, 1);
        doc.setGridDims(1);
        assertThat(doc.project().grid().dims()).isEqualTo(1);
        assertThat(doc.project().fields().get("C").sides()).isEmpty();
        // the initial condition uses y, which a 1D grid lacks
        assertThat(problemPaths()).containsExactly("fields.C.initial");
        doc.undo();
        assertThat(doc.project().grid().dims()).isEqualTo(3);
    }

    @Test
    void runEditsKeepTheProjectsBackend(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gpu.yaml");
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(SAMPLE).replace("\nrun:\n",
                "\nrun:\n  backend: auto\n"));
        ProjectDocument gpu = ProjectDocument.open(file);
        assertThat(gpu.project().run().backend()).isEqualTo(dev.stagger.engine.backend.Backend.AUTO);
        gpu.setSteps(12);
        gpu.setEndTime(0.5);
        gpu.setDt(1e-4);
        gpu.setThreads(2);
        gpu.setPrecision(Precision.F32);
        assertThat(gpu.project().run().backend()).isEqualTo(dev.stagger.engine.backend.Backend.AUTO);
    }

    @Test
    void runAndOutputEdits() {
        doc.setEndTime(0.5);
        assertThat(doc.project().run().steps()).isNull();
        assertThat(doc.project().run().endTime()).isEqualTo(0.5);
        doc.setDt(1e-4);
        doc.setThreads(2);
        doc.setOutputEvery(7);
        doc.setOrigin(1, -3);
        doc.setExtent(1, 6);
        doc.setPrecision(Precision.F32);
        assertThat(doc.problems()).isEmpty();
        Project p = doc.project();
        assertThat(p.run().dt()).isEqualTo(1e-4);
        assertThat(p.run().threads()).isEqualTo(2);
        assertThat(p.run().precision()).isEqualTo(Precision.F32);
        assertThat(p.output().every()).isEqualTo(7);
        assertThat(p.grid().origin()).containsExactly(-2, -3);
        assertThat(p.grid().extent()).containsExactly(4, 6);
        doc.setDt(null);
        doc.setThreads(null);
        doc.setRanks(null);
        assertThat(doc.project().run().dt()).isNull();
        assertThat(doc.project().grid().ranks()).isNull();
    }

    @Test
    void savedYamlReadsBackEqual(@TempDir Path dir) throws Exception {
        doc.setParameter("chi", 0.25);
        doc.setBoundary("C", new BoundaryKey(0, Side.LOW), BoundaryType.DIRICHLET, "sin(pi*y)*chi");
        doc.setBoundary("C", new BoundaryKey(1, Side.HIGH), BoundaryType.NEUMANN, "-1.5");
        doc.setPeriodic(0, true);
        doc.setRanks(new int[] {2, 2});
        doc.setInitial("C", "exp(-(x^2 + y^2)/0.1)");
        doc.setEndTime(0.02);
        doc.setDt(1e-4);
        doc.setPrecision(Precision.F32);
        doc.setOutputEvery(5);
        assertThat(doc.problems()).isEmpty();

        Project read = ProjectReader.parse(doc.toYaml(), "round-trip", List.of()).project();
        assertThat(read).isEqualTo(doc.project());

        Path file = dir.resolve("copy.yaml");
        doc.saveTo(file);
        assertThat(doc.isDirty()).isFalse();
        assertThat(doc.fileProperty().get()).isEqualTo(file);
        assertThat(ProjectDocument.open(file).project()).isEqualTo(doc.project());
        assertThat(Files.readString(file)).contains("ranks: [2, 2]");
    }

    /** The README's commented example, as a user's file with the mode a user's files have. */
    private static Path commentedProject(Path dir) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
        Path file = Files.writeString(dir.resolve("commented.yaml"), readme.substring(start, readme.indexOf("```", start)));
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }

    @Test
    void savingChangesOnlyTheChangedValueKeepingCommentsAndMode(@TempDir Path dir) throws Exception {
        Path file = commentedProject(dir);
        String before = Files.readString(file);
        ProjectDocument commented = ProjectDocument.open(file);
        commented.setParameter("chi", 0.5);
        commented.setCells(0, 64);
        commented.saveTo(file);
        String after = Files.readString(file);
        assertThat(after).isEqualTo(before.replace("chi: 1.0 ", "chi: 0.5 ").replace("cells: [128, 128]  ",
                "cells: [64, 128]   "));
        // every comment of the example is still there (the README's example has more than a dozen)
        long comments = before.lines().filter(l -> l.contains("#")).count();
        assertThat(comments).isGreaterThan(12);
        assertThat(after.lines().filter(l -> l.contains("#")).count()).isEqualTo(comments);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r--r--");
        assertThat(commented.isDirty()).isFalse();
        // a second save after another change starts from what the first one wrote
        commented.setSteps(7);
        commented.saveTo(file);
        assertThat(Files.readString(file)).isEqualTo(after.replace("steps: 100 ", "steps: 7   "));
    }

    @Test
    void aFileChangedOnDiskIsNotOverwrittenWithoutBeingAsked(@TempDir Path dir) throws Exception {
        Path file = commentedProject(dir);
        ProjectDocument commented = ProjectDocument.open(file);
        assertThat(commented.changedOnDisk()).isFalse();
        String theirs = Files.readString(file).replace("title: Diffusion 2D", "title: Changed elsewhere");
        Files.writeString(file, theirs);
        assertThat(commented.changedOnDisk()).isTrue();
        commented.setParameter("chi", 2.0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> commented.saveTo(file))
                .isInstanceOf(dev.stagger.engine.yaml.UserFile.ChangedOnDiskException.class)
                .hasMessageContaining("changed on disk since it was opened");
        assertThat(Files.readString(file)).isEqualTo(theirs);
        assertThat(commented.isDirty()).isTrue();
        // the user chose to overwrite: the next save writes this document's project, comments kept
        commented.saveTo(file);
        assertThat(ProjectReader.read(file).project()).isEqualTo(commented.project());
        assertThat(Files.readString(file)).contains("title: Diffusion 2D").contains("chi: 2 ")
                .contains("# missing parameters take the model's default");
        assertThat(commented.changedOnDisk()).isFalse();
        // reloading is opening again: the document then holds their version
        Files.writeString(file, theirs);
        assertThat(ProjectDocument.open(file).project().title()).isEqualTo("Changed elsewhere");
    }

    @Test
    void everyEditorCommandSavesInPlaceAndReadsBackAsTheDocument(@TempDir Path dir) throws Exception {
        Path file = commentedProject(dir);
        List<String> comments = Files.readString(file).lines().filter(l -> l.contains("#"))
                .map(l -> l.substring(l.indexOf('#'))).toList();
        ProjectDocument d = ProjectDocument.open(file);
        List<Runnable> commands = List.of(() -> d.setGridDims(3), () -> d.setOrigin(2, -1), () -> d.setExtent(1, 8),
                () -> d.setPeriodic(1, true), () -> d.setRanks(new int[] {2, 1, 1}), () -> d.setPrecision(Precision.F32),
                () -> d.setInitial("C", "max(x, 0) + 1"),
                () -> d.setBoundary("C", new BoundaryKey(0, Side.LOW), BoundaryType.DIRICHLET, "sin(pi*y)"),
                () -> d.setBoundaryAll("C", BoundaryType.NEUMANN, "0.5"), () -> d.setEndTime(0.01), () -> d.setDt(1e-6),
                () -> d.setThreads(2), () -> d.setOutputEvery(0), () -> d.resetParameter("chi"),
                () -> d.setSteps(10), () -> d.setGridDims(2), () -> d.setRanks(null), () -> d.setParameter("chi", 2));
        for (Runnable command : commands) {
            command.run();
            d.saveTo(file);
            assertThat(ProjectReader.parse(Files.readString(file), "saved", List.of()).project())
                    .as(d.undoLabelProperty().get()).isEqualTo(d.project());
        }
        // the comment of the parameter's line went with resetParameter (its line was removed); all others stay
        List<String> kept = comments.stream().filter(c -> !c.startsWith("# missing parameters")).toList();
        assertThat(Files.readString(file).lines().filter(l -> l.contains("#")).map(l -> l.substring(l.indexOf('#'))))
                .containsAll(kept);
    }
}
