package dev.stagger.engine.model.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.engine.cli.StaggerCli;
import dev.stagger.engine.distributed.EquivalenceProjects;
import dev.stagger.engine.distributed.SelfCommunicator;
import dev.stagger.engine.launch.SerialExecutor;
import dev.stagger.engine.model.lang.catalogue.Catalogue;
import dev.stagger.engine.model.lang.run.LangSolver;
import dev.stagger.engine.project.LoadedProject;
import dev.stagger.engine.project.ProjectException;
import dev.stagger.engine.project.ProjectReader;
import dev.stagger.engine.project.ProjectWriter;
import dev.stagger.engine.run.OutputSink;
import dev.stagger.engine.run.RunListener;
import dev.stagger.engine.run.RunPlan;
import dev.stagger.engine.run.RunPlanner;
import dev.stagger.engine.run.Simulation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project that names its own model file ({@code model: {file: ...}}) is read, validated, compiled
 * and run end to end; a broken model file is reported with its own name, line and column; the CLI
 * checks a model file and prints its equations.
 */
class LangUserModelTest {
    @TempDir
    Path dir;

    private Path project(String modelLine) throws Exception {
        String yaml = EquivalenceProjects.yaml(2, "[30, 24]", "[false, false]", EquivalenceProjects.MIXED_2D, 12)
                .replace("  name: diffusion\n", modelLine);
        Path file = dir.resolve("project.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static double[] run(RunPlan plan) throws Exception {
        try (Simulation s = new Simulation(plan, new SelfCommunicator(), new SerialExecutor())) {
            s.run(OutputSink.NONE, RunListener.NONE, () -> false);
            return s.solver().field("C").interiorValues();
        }
    }

    @Test
    void aProjectRunsItsOwnModelFileEndToEnd() throws Exception {
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("models/my-diffusion.yaml"), Catalogue.text("diffusion-2d.yaml")
                .replace("name: diffusion-eq-2d", "name: my-diffusion"));
        LoadedProject loaded = ProjectReader.read(project("  file: models/my-diffusion.yaml\n"));
        assertThat(loaded.project().model().file()).isEqualTo("models/my-diffusion.yaml");
        RunPlan plan = RunPlanner.plan(loaded.project(), "mine", RunPlanner.RunOverrides.NONE);
        assertThat(plan.model().description().name()).startsWith("file:").endsWith("my-diffusion.yaml");
        double[] mine;
        try (Simulation s = new Simulation(plan, new SelfCommunicator(), new SerialExecutor())) {
            assertThat(s.solver()).isInstanceOf(LangSolver.class);
            s.run(OutputSink.NONE, RunListener.NONE, () -> false);
            mine = s.solver().field("C").interiorValues();
        }
        // the oracle: the hand-written diffusion kept in the tests as a serial reference
        RunPlan handWritten = LangDiffusionTest.with(RunPlanner.plan(ProjectReader.read(project("  name: diffusion\n"))
                .project(), "hand", RunPlanner.RunOverrides.NONE), new dev.stagger.engine.model.diffusion.DiffusionModel(),
                null, null, 1);
        assertThat(mine).isEqualTo(run(handWritten));
        // written back, the project still names its file
        assertThat(ProjectWriter.toYaml(loaded.project())).contains("  file: models/my-diffusion.yaml");
    }

    @Test
    void aBrokenModelFileIsReportedWithItsOwnPlaces() throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), Catalogue.text("diffusion-2d.yaml")
                .replace("right_x(gx) - left_x(gx)", "right_x(gx) - gx"));
        Path project = project("  file: bad.yaml\n");
        assertThatThrownBy(() -> ProjectReader.read(project)).isInstanceOf(ProjectException.class)
                .hasMessageContaining("project.yaml:9:9: model.file: the model file bad.yaml has 1 problem")
                .hasMessageContaining("bad.yaml:29:37: kernels.update.do[0]: kernel 'update', line 29: '-' subtracts a"
                        + " value at (Vertex, Center) from one at (Center, Center)");
    }

    @Test
    void aMissingModelFileAndNameAndFileTogetherAreMistakes() throws Exception {
        assertThatThrownBy(() -> ProjectReader.read(project("  file: nowhere.yaml\n")))
                .hasMessageContaining("model.file: the model file nowhere.yaml has 1 problem")
                .hasMessageContaining("nowhere.yaml: no such model file; check the path");
        assertThatThrownBy(() -> ProjectReader.read(project("  name: diffusion\n  file: x.yaml\n")))
                .hasMessageContaining("model.file: give either model.name (a built-in model) or model.file");
    }

    @Test
    void theCliChecksAModelFileAndPrintsItsEquations() throws Exception {
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, Catalogue.text("diffusion-3d.yaml"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StaggerCli.execute(new String[] {"models", "--file", good.toString()}, new PrintWriter(out),
                new PrintWriter(err));
        assertThat(code).isEqualTo(0);
        assertThat(out.toString()).contains("diffusion-eq-3d — Diffusion 3D (model language) (3D to 3D)")
                .contains("C at (Center, Center, Center), prognostic")
                .contains("C_new = C + ax*(right_x(gx) - left_x(gx))")
                .contains("kernel update (range interior), then halos and boundary conditions of C_new:");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Catalogue.text("diffusion-3d.yaml").replace("at: center, prognostic", "at: centre, prognostic"));
        StringWriter out2 = new StringWriter();
        StringWriter err2 = new StringWriter();
        code = StaggerCli.execute(new String[] {"models", "--file", bad.toString()}, new PrintWriter(out2),
                new PrintWriter(err2));
        assertThat(code).isEqualTo(StaggerCli.EXIT_USAGE);
        assertThat(err2.toString()).contains("bad.yaml:20:11: fields.C.at: expected one of center, vertex, got \"centre\"")
                .doesNotContain("Exception").doesNotContain("\tat ");
        // the listing shows the catalogue's equations too
        StringWriter all = new StringWriter();
        StaggerCli.execute(new String[] {"models"}, new PrintWriter(all), new PrintWriter(new StringWriter()));
        assertThat(all.toString()).contains("diffusion-eq-2d").contains("equations (model language):");
        assertThat(List.of(all.toString().split("\n"))).anyMatch(l -> l.contains("C_new = C + ax*"));
    }
}
