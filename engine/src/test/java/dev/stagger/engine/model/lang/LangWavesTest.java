package dev.stagger.engine.model.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stagger.engine.distributed.DistributedTestSupport;
import dev.stagger.engine.distributed.Gather;
import dev.stagger.engine.distributed.GatheredField;
import dev.stagger.engine.distributed.SelfCommunicator;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.launch.SerialExecutor;
import dev.stagger.engine.model.lang.run.LangSolver;
import dev.stagger.engine.project.ProjectReader;
import dev.stagger.engine.run.OutputSink;
import dev.stagger.engine.run.RunListener;
import dev.stagger.engine.run.RunPlan;
import dev.stagger.engine.run.RunPlanner;
import dev.stagger.engine.run.Simulation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The acoustic-wave model of the catalogue, from its sample project: the leapfrog energy is
 * conserved to round-off, the pulse stays symmetric and its front travels at c, and several ranks
 * give the numbers of one.
 */
class LangWavesTest {

    static RunPlan sample(RunPlanner.RunOverrides overrides) throws Exception {
        return RunPlanner.plan(ProjectReader.read(Path.of("..", "sample-projects", "waves-2d.yaml")).project(), "waves",
                overrides);
    }

    @Test
    void theLeapfrogEnergyIsConservedToRoundOffWhileThePulseSpreads() throws Exception {
        RunPlan plan = sample(RunPlanner.RunOverrides.NONE);
        try (Simulation s = new Simulation(plan, new SelfCommunicator(), new SerialExecutor())) {
            LangSolver solver = (LangSolver) s.solver();
            Field p = solver.field("P");
            double peak0 = p.at(64, 64);
            double first = Double.NaN;
            double naiveMin = Double.POSITIVE_INFINITY;
            double naiveMax = Double.NEGATIVE_INFINITY;
            for (long step = 0; step < plan.steps(); step++) {
                solver.step(plan.dt());
                double e = solver.scalar("energy");
                if (step == 0) {
                    first = e;
                }
                assertThat(e).as("energy after step %d", step + 1).isCloseTo(first, within(1e-13 * first));
                double naive = solver.residuals().get("PP");
                naiveMin = Math.min(naiveMin, naive);
                naiveMax = Math.max(naiveMax, naive);
            }
            assertThat(first).isGreaterThan(0);
            // the pressure alone (potential energy) is not conserved: energy moved into the velocity
            assertThat(naiveMax - naiveMin).isGreaterThan(0.5 * naiveMax);
            // the pulse left the middle and its front is near r = c·t = 0.5 along the x axis
            assertThat(Math.abs(p.at(64, 64))).isLessThan(0.2 * peak0);
            int front = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (int i = 65; i <= 128; i++) {
                double v = 0.5 * (p.at(i, 64) + p.at(i, 65));
                if (v > best) {
                    best = v;
                    front = i;
                }
            }
            double r = p.coordinate(0, front);
            assertThat(r).isBetween(0.4, 0.55);
            // symmetric under x -> -x and under x <-> y (to round-off of the coordinates)
            for (int j = 1; j <= 128; j += 7) {
                for (int i = 1; i <= 128; i += 5) {
                    assertThat(p.at(i, j)).isCloseTo(p.at(129 - i, j), within(1e-12));
                    assertThat(p.at(i, j)).isCloseTo(p.at(j, i), within(1e-12));
                }
            }
        }
    }

    @Test
    void fourRanksWithUnevenBlocksGiveTheBitsOfOne() throws Exception {
        RunPlan plan = sample(new RunPlanner.RunOverrides(1, 30L, null));
        RunPlan uneven = new RunPlan(plan.name(), plan.title(),
                dev.stagger.engine.grid.Grid.of(new double[] {-1, -1}, new double[] {2, 2}, new int[] {61, 50}),
                new int[] {2, 2}, plan.model(), plan.parameters(), plan.initial(), plan.boundaries(), plan.precision(), 1,
                plan.steps(), plan.endTime(), plan.dt(), plan.outputEvery(), plan.outputFields());
        double[][] one = new double[3][];
        try (Simulation s = new Simulation(uneven, new SelfCommunicator(), new SerialExecutor())) {
            s.run(OutputSink.NONE, RunListener.NONE, () -> false);
            String[] names = {"P", "Vx", "Vy"};
            for (int f = 0; f < 3; f++) {
                one[f] = s.solver().field(names[f]).interiorValues();
            }
        }
        List<double[][]> gathered = DistributedTestSupport.onRanks(4, comm -> {
            try (Simulation s = new Simulation(uneven, comm, new SerialExecutor())) {
                s.run(OutputSink.NONE, RunListener.NONE, () -> false);
                double[][] all = new double[3][];
                String[] names = {"P", "Vx", "Vy"};
                for (int f = 0; f < 3; f++) {
                    GatheredField g = Gather.toRoot(comm, s.decomposition(), s.solver().field(names[f]), 0);
                    all[f] = g == null ? null : g.values();
                }
                return all;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        for (int f = 0; f < 3; f++) {
            assertThat(gathered.get(0)[f]).isEqualTo(one[f]);
        }
    }

    @Test
    void inThreeDimensionsTheEnergyIsConservedAndSeveralRanksGiveTheBitsOfOne() throws Exception {
        RunPlan sample = RunPlanner.plan(ProjectReader.read(Path.of("..", "sample-projects", "waves-3d.yaml")).project(),
                "waves3", RunPlanner.RunOverrides.NONE);
        RunPlan plan = new RunPlan(sample.name(), sample.title(),
                dev.stagger.engine.grid.Grid.of(new double[] {-1, -1, -1}, new double[] {2, 2, 2}, new int[] {21, 19, 17}),
                new int[] {2, 2, 1}, sample.model(), sample.parameters(), sample.initial(), sample.boundaries(),
                sample.precision(), 1, 14, 0, 0.03, 0, List.of("P", "Vx", "Vy", "Vz"));
        double[] one;
        try (Simulation s = new Simulation(plan, new SelfCommunicator(), new SerialExecutor())) {
            LangSolver solver = (LangSolver) s.solver();
            double first = Double.NaN;
            for (int step = 1; step <= plan.steps(); step++) {
                solver.step(plan.dt());
                double e = solver.scalar("energy");
                first = step == 1 ? e : first;
                assertThat(e).as("energy after step %d", step).isCloseTo(first, within(1e-13 * first));
            }
            one = solver.field("Vz").interiorValues();
            assertThat(java.util.Arrays.stream(one).map(Math::abs).max().getAsDouble()).isGreaterThan(1e-3);
        }
        RunPlan shorter = new RunPlan(plan.name(), plan.title(), plan.grid(), plan.ranks(), plan.model(),
                plan.parameters(), plan.initial(), plan.boundaries(), plan.precision(), 1, plan.steps(), 0, plan.dt(), 0,
                plan.outputFields());
        List<double[]> gathered = DistributedTestSupport.onRanks(4, comm -> {
            try (Simulation s = new Simulation(shorter, comm, new SerialExecutor())) {
                s.run(OutputSink.NONE, RunListener.NONE, () -> false);
                GatheredField g = Gather.toRoot(comm, s.decomposition(), s.solver().field("Vz"), 0);
                return g == null ? null : g.values();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(gathered.get(0)).isEqualTo(one);
    }
}
