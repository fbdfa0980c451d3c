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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 3D Stokes model from its sample project on a coarse grid: both physical steps converge below
 * the tolerance, the dense inclusion sinks with the symmetry of the setup, and 2x2x1 ranks give the
 * bits of one.
 */
class LangStokes3dTest {

    static RunPlan plan(int n, int steps, int[] ranks) throws Exception {
        String yaml = Files.readString(Path.of("..", "sample-projects", "stokes-3d.yaml"))
                .replace("cells: [62, 62, 62]", "cells: [" + n + ", " + n + ", " + n + "]")
                .replace("steps: 2", "steps: " + steps);
        RunPlan p = RunPlanner.plan(ProjectReader.parse(yaml, "stokes-3d.yaml", List.of()).project(), "stokes3",
                RunPlanner.RunOverrides.NONE);
        return new RunPlan(p.name(), p.title(), p.grid(), ranks, p.model(), p.parameters(), p.initial(), p.boundaries(),
                p.precision(), 1, p.steps(), p.endTime(), p.dt(), p.outputEvery(), p.outputFields());
    }

    @Test
    void bothStepsConvergeAndTheInclusionSinksSymmetrically() throws Exception {
        int n = 13;
        RunPlan plan = plan(n, 2, new int[] {1, 1, 1});
        try (Simulation s = new Simulation(plan, new SelfCommunicator(), new SerialExecutor())) {
            LangSolver solver = (LangSolver) s.solver();
            for (int step = 1; step <= 2; step++) {
                solver.step(plan.dt());
                Map<String, Double> r = solver.residuals();
                assertThat(r.get("converged")).as("step %d converged", step).isEqualTo(1.0);
                assertThat(r.get("err_Vz") * 2.0).isLessThan(solver.scalar("eps"));
                assertThat(r.get("iterations")).isLessThan(50.0 * n);
            }
            Field vz = solver.field("Vz");
            int mid = (n + 1) / 2;
            assertThat(vz.at(mid, mid, mid + 1)).isLessThan(-1e-5);
            // symmetric under x -> -x and x <-> y
            for (int k = 1; k <= n + 1; k += 3) {
                for (int j = 1; j <= n; j += 2) {
                    for (int i = 1; i <= n; i += 2) {
                        assertThat(vz.at(i, j, k)).isCloseTo(vz.at(n + 1 - i, j, k), within(1e-10));
                        assertThat(vz.at(i, j, k)).isCloseTo(vz.at(j, i, k), within(1e-10));
                    }
                }
            }
        }
    }

    @Test
    void fourRanksGiveTheBitsOfOne() throws Exception {
        RunPlan one = plan(11, 1, new int[] {1, 1, 1});
        RunPlan four = plan(11, 1, new int[] {2, 2, 1});
        double[] expected;
        try (Simulation s = new Simulation(one, new SelfCommunicator(), new SerialExecutor())) {
            s.run(OutputSink.NONE, RunListener.NONE, () -> false);
            expected = s.solver().field("Vz").interiorValues();
        }
        List<double[]> gathered = DistributedTestSupport.onRanks(4, comm -> {
            try (Simulation s = new Simulation(four, comm, new SerialExecutor())) {
                s.run(OutputSink.NONE, RunListener.NONE, () -> false);
                GatheredField g = Gather.toRoot(comm, s.decomposition(), s.solver().field("Vz"), 0);
                return g == null ? null : g.values();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(gathered.get(0)).isEqualTo(expected);
    }
}
