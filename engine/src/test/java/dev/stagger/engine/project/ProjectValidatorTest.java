package dev.stagger.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.field.Precision;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Projects edited in memory (the workbench) are checked without a file: key paths, no lines. */
class ProjectValidatorTest {

    private static Project project(GridSpec grid, RunSpec run, String initial) {
        return new Project("t", null, grid, new ModelSpec("diffusion", Map.of()), Map.of("C", new FieldSetup(initial)),
                run, OutputSpec.FINAL_STATE_ONLY);
    }

    @Test
    void aValidProjectHasNoProblems() {
        GridSpec grid = new GridSpec(new double[] {0, 0}, new double[] {1, 1}, new int[] {8, 8});
        assertThat(ProjectValidator.validate(project(grid, RunSpec.steps(10), "x*y"))).isEmpty();
    }

    @Test
    void editedValuesAreCheckedByKeyPath() {
        GridSpec grid = new GridSpec(new double[] {0, 0}, new double[] {1, -1}, new int[] {8, 0});
        RunSpec run = new RunSpec(null, null, -1.0, 0, Precision.F64);
        assertThat(ProjectValidator.validate(project(grid, run, "z")).stream().map(Problem::toString)).containsExactly(
                "project: grid.extent[1]: expected a positive number, got -1",
                "project: grid.cells[1]: expected a whole number >= 2, got 0",
                "project: run: give exactly one of run.steps and run.end_time",
                "project: run.dt: expected auto or a positive number, got -1.0",
                "project: run.threads: expected auto or a whole number >= 1, got 0",
                "project: fields.C.initial: 'z' is not a coordinate of a 2D grid; known names: x, y, pi, chi"
                        + " (column 1 of \"z\")");
    }

    @Test
    void unstableStepNamesBothNumbersAndTheRule() {
        GridSpec grid = new GridSpec(new double[] {0}, new double[] {1}, new int[] {10});
        RunSpec run = new RunSpec(5L, null, 0.1, null, Precision.F64);
        assertThat(ProjectValidator.validate(project(grid, run, "1"))).extracting(Problem::message).containsExactly(
                "dt = 0.1 exceeds the stable limit 0.0047619 of model 'diffusion' (dt <= min(Δ)²/χ/ndims/2.1);"
                        + " use a smaller dt or dt: auto");
    }
}
