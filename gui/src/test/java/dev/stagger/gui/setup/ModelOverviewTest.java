package dev.stagger.gui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.model.lang.catalogue.Catalogue;
import dev.stagger.engine.project.Project;
import dev.stagger.engine.project.ProjectException;
import dev.stagger.engine.project.ProjectReader;
import dev.stagger.gui.testing.TestPrefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Model page's content, built without the toolkit from the model's own description. */
class ModelOverviewTest {
    @TempDir
    Path dir;

    private static Project sample(String name) throws ProjectException {
        return ProjectReader.read(TestPrefs.samples().resolve(name + ".yaml")).project();
    }

    @Test
    void stokesShowsItsEquationsParametersAndStaggeredFields() throws Exception {
        ModelOverview o = ModelOverview.of(sample("stokes-2d"));
        assertThat(o.problem()).isEmpty();
        assertThat(o.title()).isEqualTo("Stokes 2D, visco-elastic with temperature");
        assertThat(o.source()).isEqualTo("built-in model stokes-2d");
        assertThat(o.dims()).isEqualTo("2D");
        assertThat(o.timeStepRule()).isEqualTo("min(dx, dy)^2/lam/2/2.1");
        // the engine's own rendering, as `stagger models` prints it
        assertThat(o.equations()).contains("kernel stress (range all):", "  divV = ∂x(Vx) + ∂y(Vy)");
        assertThat(o.equations()).anyMatch(l -> l.startsWith("  loop at most "));
        assertThat(o.parameters()).extracting(ModelOverview.ParameterRow::name)
                .containsExactly("lx", "ly", "eta", "G", "T0", "Ta", "eps");
        assertThat(o.parameters().get(2)).isEqualTo(
                new ModelOverview.ParameterRow("eta", "10", "Pa·s", "> 0", "10", "shear viscosity η"));
        ModelOverview.FieldRow vx = o.fields().stream().filter(f -> f.name().equals("Vx")).findFirst().orElseThrow();
        assertThat(vx.location()).isEqualTo("(vertex, center)");
        assertThat(vx.boundary()).isEqualTo("x: dirichlet 0, y: neumann 0");
        assertThat(vx.role()).isEqualTo("computed, written to the output");
        assertThat(o.fields()).filteredOn(f -> f.name().equals("τxy")).extracting(ModelOverview.FieldRow::location)
                .containsExactly("(vertex, vertex)");
        assertThat(o.fields()).filteredOn(f -> f.name().equals("qTx")).extracting(ModelOverview.FieldRow::role)
                .containsExactly("internal (not written)");
        // Stokes sets T itself and fixes every wall: the project gives no initial or boundary conditions
        assertThat(o.initialisesItself()).isTrue();
        assertThat(ModelOverview.choosesOwnStep(sample("stokes-2d"))).isTrue();
        assertThat(ModelOverview.choosesOwnStep(sample("sia-2d"))).isTrue();
        assertThat(ModelOverview.choosesOwnStep(sample("waves-2d"))).isFalse();
        assertThat(ModelOverview.choosesOwnStep(sample("diffusion-2d"))).isFalse();
        assertThat(o.fixedBoundaries()).contains("Vx: x: dirichlet 0, y: neumann 0", "T: x: neumann 0, y: neumann 0");
    }

    @Test
    void aStateFieldTakesItsConditionsFromTheProject() throws Exception {
        ModelOverview waves = ModelOverview.of(sample("waves-2d"));
        assertThat(waves.initialisesItself()).isFalse();
        assertThat(waves.fields().get(0)).isEqualTo(new ModelOverview.FieldRow("P", "(center, center)",
                "state: initial and boundary conditions from the project", "Pa", "from the project", "pressure"));
        assertThat(waves.fixedBoundaries()).containsExactly("Vx: x: dirichlet 0", "Vy: y: dirichlet 0");

        ModelOverview diffusion = ModelOverview.of(sample("diffusion-2d"));
        // one name for the catalogue's diffusion-eq-1d/2d/3d: the page shows the member the grid runs
        assertThat(diffusion.source()).isEqualTo("built-in model diffusion (diffusion-eq-2d in 2D)");
        assertThat(diffusion.equations()).contains("step:").anyMatch(l -> l.startsWith("kernel "));
        assertThat(diffusion.fields()).extracting(ModelOverview.FieldRow::name, ModelOverview.FieldRow::location,
                ModelOverview.FieldRow::role).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("C", "(center, center)",
                                "state: initial and boundary conditions from the project"),
                        org.assertj.core.groups.Tuple.tuple("C_new", "(center, center)", "internal (not written)"));
    }

    @Test
    void aModelFileLooksLikeTheBuiltInModelItCopies() throws Exception {
        Files.writeString(dir.resolve("my-waves.yaml"),
                Catalogue.text("waves-2d.yaml").replace("name: waves-2d", "name: my-waves"));
        Path project = dir.resolve("p.yaml");
        Files.writeString(project, Files.readString(TestPrefs.samples().resolve("waves-2d.yaml"))
                .replace("  name: waves-2d\n", "  file: my-waves.yaml\n"));
        ModelOverview mine = ModelOverview.of(ProjectReader.read(project).project());
        ModelOverview builtIn = ModelOverview.of(sample("waves-2d"));
        assertThat(mine.source()).isEqualTo("model file my-waves.yaml");
        assertThat(mine.equations()).isEqualTo(builtIn.equations());
        assertThat(mine.parameters()).isEqualTo(builtIn.parameters());
        assertThat(mine.fields()).isEqualTo(builtIn.fields());
    }

    @Test
    void anUnknownModelSaysSo() throws Exception {
        Project p = sample("diffusion-2d");
        Project unknown = new Project(p.title(), p.description(), p.grid(),
                new dev.stagger.engine.project.ModelSpec("no-such-model", java.util.Map.of()), p.fields(), p.run(),
                p.output());
        ModelOverview o = ModelOverview.of(unknown);
        assertThat(o.problem()).startsWith("unknown model 'no-such-model'");
        assertThat(o.fields()).isEmpty();
        assertThat(List.of(o.equations(), o.parameters())).allMatch(List::isEmpty);
    }
}
