package dev.stagger.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.field.Precision;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Grids that used to pass validation and then end a run in an "internal error": each is now a
 * problem at the key that causes it, found by validation (and so by every command that reads a
 * project, run included).
 */
class GridLimitsTest {

    private static List<String> problems(String... overrides) {
        try {
            ProjectReader.parse(ProjectReaderTest.GOOD, "p.yaml", List.of(overrides));
        } catch (ProjectException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("expected problems, the project was accepted");
    }

    @Test
    void everyRankNeedsTwoCellsPerDimensionSoEveryGridDoes() {
        assertThat(problems("grid.cells=[1, 1]")).containsExactly(
                "override 'grid.cells=[1, 1]':1:13: grid.cells[0]: expected a whole number >= 2, got 1",
                "override 'grid.cells=[1, 1]':1:16: grid.cells[1]: expected a whole number >= 2, got 1");
    }

    @Test
    void cellCountsWhoseIndicesOverflowAnInt() {
        assertThat(problems("grid.cells=[2147483647, 2]")).containsExactly(
                "override 'grid.cells=[2147483647, 2]':1:13: grid.cells[0]: expected at most 2000000000 cells along x"
                        + " (indices are 32-bit and need room for halos), got 2147483647");
    }

    @Test
    void aFarEndBeyondTheLargestNumber() {
        assertThat(problems("grid.origin=[1e308, 0]", "grid.extent=[1e308, 4]")).containsExactly(
                "override 'grid.extent=[1e308, 4]':1:14: grid.extent[0]: grid.origin[0] + grid.extent[0] = 1e+308"
                        + " + 1e+308 is beyond the largest number (1.79769e+308); the grid must end at a finite"
                        + " coordinate");
    }

    @Test
    void haloPointsBeyondTheLargestNumber() {
        assertThat(problems("grid.origin=[-1e308, 0]", "grid.extent=[1.7e308, 4]", "grid.cells=[2, 128]"))
                .singleElement().asString().contains("grid.extent[0]: the halo points one cell beyond the ends of x")
                .contains("keep the grid at least a cell away from it");
    }

    @Test
    void coordinatesTooLargeToTellNeighbouringPointsApart() {
        assertThat(problems("grid.origin=[1e308, 0]")).containsExactly(
                "override 'grid.origin=[1e308, 0]':1:14: grid.origin[0]: the points of x are 0.015625 apart (half a"
                        + " cell), finer than numbers as large as 1e+308 can tell apart (they are 1.99584e+292 apart"
                        + " there); move grid.origin closer to 0 or use larger cells");
        assertThat(problems("grid.extent=[1e-300, 4]")).singleElement().asString()
                .startsWith("p.yaml:4:12: grid.origin[0]: the points of x are 3.90625e-303 apart");
    }

    @Test
    void aSpacingThatUnderflows() {
        assertThat(problems("grid.extent=[1e-320, 4]")).containsExactly(
                "override 'grid.extent=[1e-320, 4]':1:14: grid.extent[0]: 1e-320 over 128 cells gives a spacing of"
                        + " 7.9e-323, below the smallest full-precision number (2.22507e-308); use a larger extent"
                        + " or fewer cells");
    }

    @Test
    void anAutomaticTimeStepOfZeroOrInfinity() {
        assertThat(problems("grid.origin=[0, -2]", "grid.extent=[1e-300, 4]")).containsExactly(
                "p.yaml:17:1: run.dt: the automatic time step min(Δ)²/χ/ndims/2.1 of model 'diffusion' is 0 on this"
                        + " grid (smallest spacing 7.8125e-303), so a run could not advance; use larger cells"
                        + " (grid.extent, grid.cells) or other model.parameters");
        // (the boundary values evaluated at such coordinates are reported too)
        assertThat(problems("grid.extent=[1e308, 1e308]")).contains(
                "p.yaml:17:1: run.dt: the automatic time step min(Δ)²/χ/ndims/2.1 of model 'diffusion' is Infinity"
                        + " on this grid (smallest spacing 7.8125e+305), so a run could not advance; use smaller"
                        + " cells (grid.extent, grid.cells) or other model.parameters");
    }

    @Test
    void stepsThatEndBeyondTheLargestNumber() {
        assertThat(problems("grid.extent=[1e300, 1e300]", "grid.cells=[2, 2]", "run.dt=1e300",
                "run.steps=10000000000")).containsExactly(
                "override 'run.steps=10000000000':1:11: run.steps: 10000000000 steps of dt = 1e+300 end beyond the"
                        + " largest number (1.79769e+308); use fewer steps");
    }

    @Test
    void aFixedRankLayoutIsCheckedAsRunWouldCheckIt() {
        assertThat(problems("grid.ranks=[2, 100]")).containsExactly(
                "override 'grid.ranks=[2, 100]':1:16: grid.ranks[1]: cannot split the grid over 200 ranks: 100 ranks"
                        + " along y leave blocks of 1 cell(s) of the 128 there; each block needs at least 2: use at most"
                        + " 64 ranks along y or more cells");
        // rank-independent of the machine: a layout whose blocks cannot be Java arrays
        assertThat(problems("grid.cells=[100000, 100000]", "grid.ranks=[2, 1]")).containsExactly(
                "override 'grid.cells=[100000, 100000]':1:12: grid.cells: 100000 x 100000 cells make arrays of"
                        + " 5000450009 values per rank on 2 ranks, more than one Java array holds (2147483639): run on"
                        + " 5 or more ranks (--ranks, grid.ranks)");
    }

    @Test
    void aTotalBeyondALongInAProjectEditedInMemory() {
        GridSpec grid = new GridSpec(new double[] {0, 0, 0}, new double[] {1, 1, 1},
                new int[] {2_000_000_000, 2_000_000_000, 2_000_000_000});
        Project project = new Project("t", null, grid, new ModelSpec("diffusion", Map.of()),
                Map.of("C", new FieldSetup("1")), new RunSpec(1L, null, null, null, Precision.F64),
                OutputSpec.FINAL_STATE_ONLY);
        assertThat(ProjectValidator.validate(project)).extracting(Problem::toString).containsExactly(
                "project: grid.cells: 2000000000 x 2000000000 x 2000000000 cells are more than Stagger can count"
                        + " (9223372036854775807 in all); use fewer cells");
    }
}
