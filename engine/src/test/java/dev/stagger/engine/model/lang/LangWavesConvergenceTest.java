package dev.stagger.engine.model.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.distributed.SelfCommunicator;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.launch.SerialExecutor;
import dev.stagger.engine.project.ProjectReader;
import dev.stagger.engine.run.OutputSink;
import dev.stagger.engine.run.RunListener;
import dev.stagger.engine.run.RunPlan;
import dev.stagger.engine.run.RunPlanner;
import dev.stagger.engine.run.Simulation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The staggered leapfrog of the wave model converges at second order. Tripling the cells keeps
 * every coarse cell center a fine one, so three resolutions (40, 120, 360 cells per side, dt
 * proportional to the spacing) are compared at the coarse centers at t = 0.5: with errors C·h²,
 * |P40 - P360| / |P120 - P360| = (1 - 1/81) / ((1 - 1/9)/9) = 10 (first order would give 4; the
 * pulse, σ = 0.1, is still coarsely resolved at 40 cells: 8.2 here, 5.2 at 20).
 */
class LangWavesConvergenceTest {

    static Field run(int n) throws Exception {
        RunPlan sample = RunPlanner.plan(ProjectReader.read(Path.of("..", "sample-projects", "waves-2d.yaml")).project(),
                "conv", RunPlanner.RunOverrides.NONE);
        RunPlan plan = new RunPlan(sample.name(), sample.title(),
                Grid.of(new double[] {-1, -1}, new double[] {2, 2}, new int[] {n, n}), sample.ranks(), sample.model(),
                sample.parameters(), sample.initial(), sample.boundaries(), sample.precision(), 1, n, 0, 0.5 / n, 0,
                java.util.List.of("P"));
        Simulation s = new Simulation(plan, new SelfCommunicator(), new SerialExecutor());
        s.run(OutputSink.NONE, RunListener.NONE, () -> false);
        s.close();
        assertThat(s.time()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
        return s.solver().field("P");
    }

    @Test
    void theErrorFallsNineToTenfoldWhenTheSpacingIsDividedByThree() throws Exception {
        int base = 40;
        Field pCoarse = run(base);
        Field pMiddle = run(3 * base);
        Field pFine = run(9 * base);
        double eCoarse = 0;
        double eMiddle = 0;
        for (int j = 1; j <= base; j++) {
            for (int i = 1; i <= base; i++) {
                double reference = pFine.at(9 * i - 4, 9 * j - 4);
                assertThat(pFine.coordinate(0, 9 * i - 4)).isCloseTo(pCoarse.coordinate(0, i),
                        org.assertj.core.api.Assertions.within(1e-12));
                eCoarse = Math.max(eCoarse, Math.abs(pCoarse.at(i, j) - reference));
                eMiddle = Math.max(eMiddle, Math.abs(pMiddle.at(3 * i - 1, 3 * j - 1) - reference));
            }
        }
        assertThat(eCoarse).isGreaterThan(1e-4);
        assertThat(eCoarse / eMiddle).isBetween(7.0, 13.0);
    }
}
