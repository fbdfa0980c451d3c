package dev.stagger.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Side;
import dev.stagger.engine.model.Models;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectReaderTest {
    static final String GOOD = """
            format: 1
            title: Diffusion 2D
            grid:
              origin: [-2, -2]
              extent: [4, 4]
              cells: [128, 128]
            model:
              name: diffusion
              parameters:
                chi: 1.0
            fields:
              C:
                initial: exp(-x^2 - y^2)
                boundary:
                  all: {type: neumann, value: 0}
                  y-low: {type: dirichlet, value: "sin(pi*x)"}
            run:
              steps: 100
            output:
              every: 20
            """;

    private static List<String> problems(String yaml, String... overrides) {
        try {
            ProjectReader.parse(yaml, "p.yaml", List.of(overrides));
        } catch (ProjectException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("expected problems, the project was accepted");
    }

    private static String replace(String from, String to) {
        assertThat(GOOD).contains(from);
        return GOOD.replace(from, to);
    }

    @Test
    void readsAGoodProject() throws ProjectException {
        LoadedProject loaded = ProjectReader.parse(GOOD, "p.yaml", List.of());
        Project p = loaded.project();
        assertThat(p.title()).isEqualTo("Diffusion 2D");
        assertThat(p.grid().dims()).isEqualTo(2);
        assertThat(p.grid().toGrid().spacing()).containsExactly(4.0 / 128, 4.0 / 128);
        assertThat(p.grid().ranks()).isNull();
        assertThat(p.model().resolvedParameters(Models.find("diffusion").orElseThrow().description()))
                .containsEntry("chi", 1.0);
        FieldSetup c = p.fields().get("C");
        assertThat(c.initial()).isEqualTo("exp(-x^2 - y^2)");
        assertThat(c.boundary(1, Side.LOW)).isEqualTo(new BoundarySpec(BoundaryType.DIRICHLET, "sin(pi*x)"));
        assertThat(c.boundary(0, Side.HIGH)).isEqualTo(new BoundarySpec(BoundaryType.NEUMANN, "0"));
        assertThat(p.run()).isEqualTo(new RunSpec(100L, null, null, null, Precision.F64));
        assertThat(p.output()).isEqualTo(new OutputSpec(20, null));
        assertThat(loaded.sourceMap().valuePosition("grid.cells[1]"))
                .contains(new SourceMap.Position("p.yaml", 6, 16));
        assertThat(loaded.sourceMap().keyPosition("fields.C.initial"))
                .contains(new SourceMap.Position("p.yaml", 13, 5));
    }

    @Test
    void sidesDefaultToZeroFlux() {
        FieldSetup bare = new FieldSetup("1");
        assertThat(bare.boundary(0, Side.LOW)).isEqualTo(BoundarySpec.ZERO_FLUX);
    }

    @Test
    void yamlSyntaxError() {
        assertThat(problems(replace("  cells: [128, 128]", "  cells: [128, 128")))
                .containsExactly("p.yaml:7:6: invalid YAML: expected ',' or ']', but got : (while parsing a flow sequence)");
    }

    @Test
    void missingRequiredKey() {
        assertThat(problems(replace("  extent: [4, 4]\n", ""))).containsExactly(
                "p.yaml:3:1: grid.extent: missing required key 'extent'");
    }

    @Test
    void wrongFormatVersion() {
        assertThat(problems(replace("format: 1", "format: 2")))
                .containsExactly("p.yaml:1:9: format: unsupported format version 2; this version of Stagger reads format 1");
    }

    @Test
    void misspeltKeyGetsAHint() {
        assertThat(problems(replace("  extent: [4, 4]", "  extnt: [4, 4]"))).containsExactly(
                "p.yaml:5:3: grid.extnt: unknown key 'extnt'; did you mean 'extent'? (keys here: origin, extent, cells, periodic, ranks)");
    }

    @Test
    void textWhereCellsShouldBe() {
        assertThat(problems(replace("  cells: [128, 128]", "  cells: many"))).containsExactly(
                "p.yaml:6:10: grid.cells: expected a list of 2 values like [..., ...], got the text \"many\"");
    }

    @Test
    void negativeExtentAndCells() {
        assertThat(problems(replace("  extent: [4, 4]\n  cells: [128, 128]", "  extent: [4, -4]\n  cells: [128, -3]")))
                .containsExactly("p.yaml:5:15: grid.extent[1]: expected a positive number, got -4",
                        "p.yaml:6:16: grid.cells[1]: expected a whole number >= 2, got -3");
    }

    @Test
    void listLengthMismatch() {
        assertThat(problems(replace("  cells: [128, 128]", "  cells: [128, 128, 128]"))).containsExactly(
                "p.yaml:6:10: grid.cells: expected 2 values (one per dimension, as many as grid.origin has), got 3");
    }

    @Test
    void unknownModel() {
        assertThat(problems(replace("name: diffusion", "name: difusion"))).containsExactly(
                "p.yaml:8:9: model.name: unknown model 'difusion'; did you mean 'diffusion'? (models: " + String.join(", ", dev.stagger.engine.model.Models.names()) + ")");
    }

    @Test
    void runBackendIsCpuByDefaultAndReadsCudaAndAuto() throws ProjectException {
        assertThat(ProjectReader.parse(GOOD, "p.yaml", List.of()).project().run().backend())
                .isEqualTo(dev.stagger.engine.backend.Backend.CPU);
        for (String b : List.of("cpu", "cuda", "auto")) {
            LoadedProject p = ProjectReader.parse(replace("steps: 100", "steps: 100\n  backend: " + b), "p.yaml",
                    List.of());
            assertThat(p.project().run().backend().label()).isEqualTo(b);
            // and it is written back as it was read
            LoadedProject again = ProjectReader.parse(ProjectWriter.toYaml(p.project()), "p.yaml", List.of());
            assertThat(again.project().run()).isEqualTo(p.project().run());
        }
    }

    @Test
    void unknownRunBackendIsLocated() {
        assertThat(problems(replace("steps: 100", "steps: 100\n  backend: opencl"))).containsExactly(
                "p.yaml:19:12: run.backend: expected cpu, cuda or auto, got the text \"opencl\"");
    }

    @Test
    void parameterOutOfRange() {
        assertThat(problems(replace("chi: 1.0", "chi: -1"))).containsExactly(
                "p.yaml:10:10: model.parameters.chi: chi must be > 0, got -1");
    }

    @Test
    void unknownParameter() {
        assertThat(problems(replace("chi: 1.0", "chi: 1.0\n    kappa: 2"))).containsExactly(
                "p.yaml:11:5: model.parameters.kappa: model 'diffusion' has no parameter 'kappa' (parameters: chi)");
    }

    @Test
    void badExpressionPointsIntoTheFile() {
        assertThat(problems(replace("initial: exp(-x^2 - y^2)", "initial: exp(-x^2 - y^2))"))).containsExactly(
                "p.yaml:13:29: fields.C.initial: unexpected ')'");
    }

    @Test
    void unknownNameInAQuotedExpression() {
        assertThat(problems(replace("value: \"sin(pi*x)\"", "value: \"sin(pi*q)\""))).containsExactly(
                "p.yaml:16:47: fields.C.boundary.y-low.value: unknown name 'q'; known names: x, y, pi, chi");
    }

    @Test
    void unstableTimeStep() {
        assertThat(problems(replace("  steps: 100", "  steps: 100\n  dt: 0.01"))).containsExactly(
                "p.yaml:19:7: run.dt: dt = 0.01 exceeds the stable limit 0.000232515 of model 'diffusion'"
                        + " (dt <= min(Δ)²/χ/ndims/2.1); use a smaller dt or dt: auto");
    }

    @Test
    void boundaryOnAPeriodicDimension() {
        String yaml = replace("  cells: [128, 128]", "  cells: [128, 128]\n  periodic: [false, true]");
        assertThat(problems(yaml)).containsExactly(
                "p.yaml:17:7: fields.C.boundary.y-low: y is periodic (grid.periodic[1]), so y-low takes no boundary"
                        + " condition; remove it or make y non-periodic");
    }

    @Test
    void sideTheGridLacks() {
        assertThat(problems(replace("y-low:", "z-low:"))).containsExactly(
                "p.yaml:16:7: fields.C.boundary.z-low: the grid is 2D and has no z sides; remove z-low");
    }

    @Test
    void missingInitialCondition() {
        assertThat(problems(replace("    initial: exp(-x^2 - y^2)\n", ""))).containsExactly(
                "p.yaml:12:3: fields.C.initial: missing initial condition for field 'C'; add fields.C.initial:"
                        + " a number or an expression of the coordinates");
    }

    @Test
    void unknownField() {
        assertThat(problems(replace("  C:\n", "  D:\n"))).containsExactly(
                "p.yaml:11:1: fields.C.initial: missing initial condition for field 'C'; add fields.C.initial:"
                        + " a number or an expression of the coordinates",
                "p.yaml:12:3: fields.D: model 'diffusion' has no prognostic field 'D'; did you mean 'C'? (fields: C)");
    }

    @Test
    void moreRanksThanCells() {
        assertThat(problems(replace("  cells: [128, 128]", "  cells: [128, 128]\n  ranks: [2, 200]"))).containsExactly(
                "p.yaml:7:14: grid.ranks[1]: cannot split the grid over 400 ranks: 200 ranks along y leave blocks of 0"
                        + " cell(s) of the 128 there; each block needs at least 2: use at most 64 ranks along y or more"
                        + " cells");
    }

    @Test
    void stepsAndEndTimeTogether() {
        assertThat(problems(replace("  steps: 100", "  steps: 100\n  end_time: 1"))).containsExactly(
                "p.yaml:19:13: run.end_time: give either run.steps or run.end_time, not both");
    }

    @Test
    void allProblemsComeTogetherSortedByLine() {
        String yaml = replace("format: 1", "format: 3").replace("name: diffusion", "name: heat")
                .replace("  cells: [128, 128]", "  cells: [128, 0]").replace("  steps: 100", "  stepz: 100");
        assertThat(problems(yaml)).containsExactly(
                "p.yaml:1:9: format: unsupported format version 3; this version of Stagger reads format 1",
                "p.yaml:6:16: grid.cells[1]: expected a whole number >= 2, got 0",
                "p.yaml:8:9: model.name: unknown model 'heat' (models: " + String.join(", ", dev.stagger.engine.model.Models.names()) + ")",
                "p.yaml:17:1: run: missing run.steps or run.end_time: say how long to run",
                "p.yaml:18:3: run.stepz: unknown key 'stepz'; did you mean 'steps'? (keys here: steps, end_time, dt,"
                        + " threads, precision, backend)");
    }

    @Test
    void emptyFile() {
        assertThat(problems("# nothing\n")).containsExactly(
                "p.yaml:1:1: the file is empty; a project needs at least format, title, grid, model, fields and run");
    }

    @Test
    void yamlTagsNeverBuildJavaObjects() {
        String yaml = replace("title: Diffusion 2D", "title: !!javax.script.ScriptEngineManager [x]");
        assertThat(problems(yaml)).containsExactly(
                "p.yaml:2:8: invalid YAML: Global tag is not allowed: tag:yaml.org,2002:javax.script.ScriptEngineManager");
    }

    @Test
    void overridesChangeValuesBeforeChecking() throws ProjectException {
        Project p = ProjectReader.parse(GOOD, "p.yaml", List.of("grid.cells=[256,64]", "model.parameters.chi=2",
                "run.steps=10", "fields.C.initial=sin(x)", "fields.C.boundary.x-low.type=dirichlet",
                "output.fields=[C]")).project();
        assertThat(p.grid().cells()).containsExactly(256, 64);
        assertThat(p.model().parameters()).containsEntry("chi", 2.0);
        assertThat(p.run().steps()).isEqualTo(10L);
        assertThat(p.fields().get("C").initial()).isEqualTo("sin(x)");
        assertThat(p.fields().get("C").boundary(0, Side.LOW)).isEqualTo(new BoundarySpec(BoundaryType.DIRICHLET, "0"));
        assertThat(p.output().fields()).containsExactly("C");
    }

    @Test
    void badOverridesAreNamed() {
        assertThat(problems(GOOD, "grid.cellz=[2,2]", "run.steps=0", "fields.C.initial=sin(q)", "steps"))
                .containsExactly(
                        "override 'grid.cellz=[2,2]':1:1: grid.cellz: unknown key 'cellz'; did you mean 'cells'?"
                                + " (keys here: origin, extent, cells, periodic, ranks)",
                        "override 'steps':1:1: expected KEY=VALUE with a dotted key path, like run.steps=10",
                        "override 'run.steps=0':1:11: run.steps: expected a whole number >= 1, got 0",
                        "override 'fields.C.initial=sin(q)':1:22: fields.C.initial: unknown name 'q'; known names:"
                                + " x, y, pi, chi");
    }

    @Test
    void everySampleProjectLoads() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("..", "sample-projects");
        List<java.nio.file.Path> samples;
        try (var files = java.nio.file.Files.list(dir)) {
            samples = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(samples).extracting(f -> f.getFileName().toString())
                .contains("diffusion-1d.yaml", "diffusion-2d.yaml", "diffusion-3d.yaml");
        for (java.nio.file.Path sample : samples) {
            Project p = ProjectReader.read(sample).project();
            assertThat(p.description()).as(sample.toString()).isNotBlank();
            assertThat(ProjectValidator.validate(p)).isEmpty();
        }
    }

    @Test
    void unreadableFileIsAProblemNotAStackTrace() {
        assertThatThrownBy(() -> ProjectReader.read(java.nio.file.Path.of("no-such-dir", "x.yaml")))
                .isInstanceOf(ProjectException.class).hasMessage("no-such-dir/x.yaml: no such file; check the path");
    }
}
