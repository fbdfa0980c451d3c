package dev.stagger.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Initial and boundary values are evaluated where the run uses them, and a value that is not a
 * finite number is refused with its key, line and first point; deep expressions are refused too.
 */
class FieldValueChecksTest {
    /** 64 x 64 cells on [-2, 2]²: C sits at cell centres, the first at -1.96875. */
    private static final String PROJECT = """
            format: 1
            title: t
            grid:
              origin: [-2, -2]
              extent: [4, 4]
              cells: [64, 64]
            model:
              name: diffusion
              parameters:
                chi: 1.0
            fields:
              C:
                initial: "INITIAL"
                boundary:
                  all: {type: neumann, value: "ALL"}
                  x-low: {type: dirichlet, value: "XLOW"}
            run:
              steps: 3
            """;

    private static List<String> problems(String initial, String all, String xLow) {
        return problems(PROJECT.replace("INITIAL", initial).replace("ALL", all).replace("XLOW", xLow));
    }

    static List<String> problems(String yaml) {
        try {
            ProjectReader.parse(yaml, "p.yaml", List.of());
            return List.of();
        } catch (ProjectException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1/0 | Infinity",
        "sqrt(-1) | NaN",
        "log(0) | -Infinity",
        "exp(1000) | Infinity",
        "1e308*10 | Infinity",
    })
    void aConstantInitialValueThatIsNotFiniteIsRefused(String initial, String value) {
        assertThat(problems(initial, "0", "1")).containsExactly(
                "p.yaml:13:15: fields.C.initial: not a finite number (value: " + value + ")");
    }

    @Test
    void aVaryingInitialValueNamesTheFirstPointInFillOrder() {
        // x fastest, as the engine fills: the first centre on the diagonal x = y
        assertThat(problems("1/(x - y)", "0", "1")).containsExactly(
                "p.yaml:13:15: fields.C.initial: not a finite number at x = -1.96875, y = -1.96875 (value: Infinity)");
        assertThat(problems("sqrt(y - 0.5)", "0", "1")).containsExactly(
                "p.yaml:13:15: fields.C.initial: not a finite number at x = -1.96875, y = -1.96875 (value: NaN)");
    }

    @Test
    void valuesAreCheckedWhereTheyAreUsedNotAtTheDomainEdge() {
        // log(x + 2) is -Infinity at x = -2, but the centres start half a cell inside
        assertThat(problems("log(x + 2)", "0", "1")).isEmpty();
    }

    @Test
    void boundaryValuesThatAreNotFiniteAreRefused() {
        assertThat(problems("1", "0", "1/0")).containsExactly(
                "p.yaml:16:40: fields.C.boundary.x-low.value: not a finite number (value: Infinity)");
        // all's value is one expression: one problem, not one per side
        assertThat(problems("1", "1/0", "1")).containsExactly(
                "p.yaml:15:36: fields.C.boundary.all.value: not a finite number (value: Infinity)");
    }

    @Test
    void aBoundaryValueIsEvaluatedAlongItsSide() {
        // centres y = ±0.03125 sit next to 0; x-low is at x = -2
        assertThat(problems("1", "0", "1/(y - 0.03125)")).containsExactly(
                "p.yaml:16:40: fields.C.boundary.x-low.value: not a finite number at x = -2, y = 0.03125"
                        + " (value: Infinity)");
        // all applies to x-high, y-low and y-high here (x-low has its own): y-low is found at its first point
        assertThat(problems("1", "1/(x - 0.03125)", "0")).containsExactly(
                "p.yaml:15:36: fields.C.boundary.all.value: not a finite number at x = 0.03125, y = -2"
                        + " (value: Infinity)");
    }

    @Test
    void aBoundaryValueIsAlsoCheckedAtTheGhostPointsItFills() {
        assertThat(problems("1", "0", "sqrt(y + 2)")).containsExactly(
                "p.yaml:16:40: fields.C.boundary.x-low.value: not a finite number at x = -2, y = -2.03125"
                        + " (value: NaN), a ghost point just outside the domain that the boundary condition also sets");
    }

    @Test
    void aBoundaryLiteralTooLargeIsRefusedLikeAParameter() {
        assertThat(problems(PROJECT.replace("INITIAL", "1").replace("\"ALL\"", "1e400").replace("XLOW", "0")))
                .containsExactly("p.yaml:15:35: fields.C.boundary.all.value: expected a finite number, got 1e400"
                        + " (too large); the largest is about 1.8e308");
        assertThat(problems(PROJECT.replace("INITIAL", "1").replace("ALL", "0").replace("XLOW", "0")
                .replace("chi: 1.0", "chi: 1e400"))).containsExactly(
                        "p.yaml:10:10: model.parameters.chi: expected a number, got 1e400 (too large)");
    }

    @Test
    void periodicSidesTakeNoValueSoNoneIsEvaluated() {
        String periodic = PROJECT.replace("cells: [64, 64]", "cells: [64, 64]\n  periodic: [true, false]")
                .replace("      x-low: {type: dirichlet, value: \"XLOW\"}\n", "");
        // all would be infinite on x sides only; x is periodic, so it is never used there
        assertThat(problems(periodic.replace("INITIAL", "1").replace("ALL", "1/(x + 2)"))).isEmpty();
        // on y-low it is infinite everywhere: a point inside the domain is named before the ghosts
        assertThat(problems(periodic.replace("INITIAL", "1").replace("ALL", "1/(y + 2)"))).containsExactly(
                "p.yaml:16:36: fields.C.boundary.all.value: not a finite number at x = -1.96875, y = -2"
                        + " (value: Infinity)");
    }

    @Test
    void oneAndThreeDimensionalGridsNameTheirCoordinates() {
        String oneD = PROJECT.replace("[-2, -2]", "[0]").replace("[4, 4]", "[1]").replace("[64, 64]", "[4]");
        assertThat(problems(oneD.replace("INITIAL", "1/(x - 0.625)").replace("ALL", "0").replace("XLOW", "0")))
                .containsExactly("p.yaml:13:15: fields.C.initial: not a finite number at x = 0.625 (value: Infinity)");
        assertThat(problems(oneD.replace("INITIAL", "1").replace("ALL", "0").replace("XLOW", "log(x)")))
                .containsExactly("p.yaml:16:40: fields.C.boundary.x-low.value: not a finite number at x = 0"
                        + " (value: -Infinity)");
        String threeD = PROJECT.replace("[-2, -2]", "[0, 0, 0]").replace("[4, 4]", "[1, 1, 1]")
                .replace("[64, 64]", "[4, 4, 4]");
        assertThat(problems(threeD.replace("INITIAL", "1/(z - 0.875)").replace("ALL", "0").replace("XLOW", "0")))
                .containsExactly("p.yaml:13:15: fields.C.initial: not a finite number at x = 0.125, y = 0.125, z = 0.875"
                        + " (value: Infinity)");
    }

    @Test
    void aProblemAlreadyReportedIsNotEvaluatedAgain() {
        assertThat(problems("1/0 + q", "0", "1")).containsExactly(
                "p.yaml:13:21: fields.C.initial: unknown name 'q'; known names: x, y, pi, chi");
        // a wrong parameter is reported; values computed from it are not judged
        assertThat(problems(PROJECT.replace("INITIAL", "1/chi").replace("ALL", "0").replace("XLOW", "0")
                .replace("chi: 1.0", "chi: 0"))).containsExactly(
                        "p.yaml:10:10: model.parameters.chi: chi must be > 0, got 0");
    }

    @Test
    void aProjectEditedInTheWorkbenchIsCheckedToo() {
        GridSpec grid = new GridSpec(new double[] {0, 0}, new double[] {1, 1}, new int[] {8, 8});
        FieldSetup c = new FieldSetup("exp(1000*x)", null,
                java.util.Map.of(new BoundaryKey(1, dev.stagger.engine.grid.Side.HIGH),
                        new BoundarySpec(BoundaryType.NEUMANN, "log(x - 0.5625)")));
        Project project = new Project("t", null, grid, new ModelSpec("diffusion", java.util.Map.of()),
                java.util.Map.of("C", c), RunSpec.steps(10), OutputSpec.FINAL_STATE_ONLY);
        assertThat(ProjectValidator.validate(project).stream().map(Problem::toString)).containsExactly(
                "project: fields.C.initial: not a finite number at x = 0.8125, y = 0.0625 (value: Infinity)",
                "project: fields.C.boundary.y-high.value: not a finite number at x = 0.0625, y = 1 (value: NaN)");
    }

    @Test
    void deepExpressionsAreLocatedProblems() {
        assertThat(problems("(".repeat(1000) + "x" + ")".repeat(1000), "0", "1")).containsExactly(
                "p.yaml:13:271: fields.C.initial: expression nested deeper than 256 levels; simplify it");
        assertThat(problems("-".repeat(10_000) + "x", "0", "1")).containsExactly(
                "p.yaml:13:271: fields.C.initial: expression nested deeper than 256 levels; simplify it");
        assertThat(problems("1", "0", "sin(".repeat(5000) + "y" + ")".repeat(5000))).containsExactly(
                "p.yaml:16:1064: fields.C.boundary.x-low.value: expression nested deeper than 256 levels;"
                        + " simplify it");
    }

    @Test
    void aSumOfSevenThousandTermsIsValid() {
        assertThat(problems("exp(-x^2 - y^2)" + " + 0.0001*x*y".repeat(7000), "0", "1")).isEmpty();
        assertThat(problems("1" + " + 0*x".repeat(6999) + " + 1/(x - y)", "0", "1")).containsExactly(
                "p.yaml:13:15: fields.C.initial: not a finite number at x = -1.96875, y = -1.96875 (value: Infinity)");
    }
}
