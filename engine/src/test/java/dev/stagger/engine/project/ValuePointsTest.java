package dev.stagger.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.expr.Expression;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import dev.stagger.engine.grid.Side;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The points a value is checked at: the real grid up to a budget, else a sample with corners and edges. */
class ValuePointsTest {

    @Test
    void spreadKeepsBothEnds() {
        assertThat(ValuePoints.spread(0, 10, 3)).containsExactly(0, 5, 10);
        assertThat(ValuePoints.spread(1, 4, 10)).containsExactly(1, 2, 3, 4);
        assertThat(ValuePoints.spread(1, 4096, 2)).containsExactly(1, 4096);
    }

    @Test
    void allotGivesShortDimensionsAllTheyNeedAndSharesTheRest() {
        assertThat(ValuePoints.allot(new int[] {1, 1}, new int[] {64, 64}, 1 << 21)).containsExactly(64, 64);
        assertThat(ValuePoints.allot(new int[] {1, 1}, new int[] {3, 100_000}, 1000)).containsExactly(3, 333);
        int[] kept = ValuePoints.allot(new int[] {1, 1, 1}, new int[] {512, 512, 512}, 1 << 21);
        assertThat((long) kept[0] * kept[1] * kept[2]).isLessThanOrEqualTo(1 << 21).isGreaterThan(1 << 20);
        // a tiny budget still keeps the two ends of every dimension: the corners
        assertThat(ValuePoints.allot(new int[] {1, 1, 1}, new int[] {512, 512, 512}, 1)).containsExactly(2, 2, 2);
    }

    @Test
    void aBigGridIsSampledWithinTheBudgetAndItsCornersAreIn() {
        Grid grid = Grid.of(new double[] {-2, -2}, new double[] {4, 4}, new int[] {4096, 4096});
        Location[] centres = Location.all(Location.CENTER, 2);
        ValuePoints points = ValuePoints.interior(grid, centres, 1 << 21);
        assertThat(points.size()).isLessThanOrEqualTo(1 << 21).isGreaterThan(1 << 20);
        // infinite only at the last centre, the far corner of the domain
        double last = grid.coordinate(Location.CENTER, 0, 4096);
        var f = Expression.parse("1/((x - c)^2 + (y - c)^2)").bind(Map.of("c", last), 2);
        ValuePoints.NonFinite bad = points.firstNonFinite(f);
        assertThat(bad).isNotNull();
        assertThat(bad.point()).containsExactly(last, last);
        assertThat(bad.ghost()).isFalse();
    }

    @Test
    void aFaceHasTheBoundaryCoordinateAndTheHaloOfTheOtherDimensions() {
        Grid grid = Grid.of(new double[] {0, 0}, new double[] {1, 1}, new int[] {4, 4});
        ValuePoints face = ValuePoints.face(grid, Location.all(Location.CENTER, 2), 1, Side.HIGH, 1 << 21);
        // y = 1 (the high side), x at the 4 centres and the 2 ghosts
        assertThat(face.size()).isEqualTo(6);
        var f = Expression.parse("1/(x + 0.125)").bind(Map.of(), 2);
        ValuePoints.NonFinite bad = face.firstNonFinite(f);
        assertThat(bad.point()).containsExactly(-0.125, 1.0);
        assertThat(bad.ghost()).isTrue();
    }

    @Test
    void validatingAHugeGridStaysQuick() {
        String project = """
                format: 1
                title: t
                grid: {origin: [-2, -2, -2], extent: [4, 4, 4], cells: [1024, 1024, 1024]}
                model: {name: diffusion, parameters: {chi: 1.0}}
                fields:
                  C:
                    initial: exp(-x^2 - y^2 - z^2)
                    boundary:
                      all: {type: dirichlet, value: "sin(pi*x)*cos(pi*y)"}
                run: {steps: 3}
                """;
        long start = System.nanoTime();
        // (only the fields are this test's business: grid limits may have their own say about a billion cells)
        assertThat(FieldValueChecksTest.problems(project)).noneMatch(p -> p.contains("fields."));
        // a billion cells, checked on about two million points per value: well under the time a run takes to start
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(20);
    }
}
