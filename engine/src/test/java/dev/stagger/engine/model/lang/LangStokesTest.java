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
import dev.stagger.engine.run.RunSummary;
import dev.stagger.engine.run.Simulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Chmy's stokes_2d_inc_ve_T written in the model language, from its sample project (on a coarser
 * grid): the PT coefficients are Chmy's to the bit, every physical step converges below the
 * tolerance, the dense inclusion sinks symmetrically, the temperature stays within its initial
 * bounds, the run's time follows the model's own dt, and 4 ranks with uneven blocks give the bits
 * of one.
 */
class LangStokesTest {

    static RunPlan plan(int n, int steps) throws Exception {
        String yaml = Files.readString(Path.of("..", "sample-projects", "stokes-2d.yaml"))
                .replace("cells: [126, 126]", "cells: [" + n + ", " + n + "]").replace("steps: 4", "steps: " + steps);
        return RunPlanner.plan(ProjectReader.parse(yaml, "stokes-2d.yaml", List.of()).project(), "stokes",
                RunPlanner.RunOverrides.NONE);
    }

    @Test
    void theCoefficientsOfThePseudoTransientIterationsAreChmys() throws Exception {
        try (Simulation s = new Simulation(plan(63, 1), new SelfCommunicator(), new SerialExecutor())) {
            LangSolver solver = (LangSolver) s.solver();
            // chmy-examples.md, section 2.1, values for nx = 63
            assertThat(solver.scalar("dx")).isEqualTo(0.031746031746031744);
            assertThat(solver.scalar("re_m")).isEqualTo(7.225663103256523);
            assertThat(solver.scalar("ltau_re_m")).isEqualTo(0.2767912053772093);
            assertThat(solver.scalar("vdtau")).isEqualTo(0.02140317023692832);
            assertThat(solver.scalar("theta_dtau")).isEqualTo(23.709129889366203);
            assertThat(solver.scalar("dtau_r")).isEqualTo(0.04047087066511229);
            assertThat(solver.scalar("nudtau")).isEqualTo(0.005924209288773);
            assertThat(solver.scalar("dtau_Pr")).isEqualTo(0.021088922382776067);
            assertThat(solver.scalar("lam")).isEqualTo(4e-05);
        }
        try (Simulation s = new Simulation(plan(126, 1), new SelfCommunicator(), new SerialExecutor())) {
            LangSolver solver = (LangSolver) s.solver();
            assertThat(solver.scalar("vdtau")).isEqualTo(0.01070158511846416);
            assertThat(solver.scalar("theta_dtau")).isEqualTo(47.418259778732406);
            assertThat(solver.scalar("dtau_r")).isEqualTo(0.020653365167809013);
            assertThat(solver.scalar("nudtau")).isEqualTo(0.0029621046443865);
            assertThat(solver.scalar("dtau_Pr")).isEqualTo(0.010544461191388034);
        }
    }

    @Test
    void eachStepKeepsItsConvergenceChecksAndTheLiveStreamCarriesThem() throws Exception {
        int n = 31;
        RunPlan plan = plan(n, 2);
        try (Simulation s = new Simulation(plan, new SelfCommunicator(), new SerialExecutor())) {
            LangSolver solver = (LangSolver) s.solver();
            solver.step(plan.dt());
            Map<String, Double> r = solver.residuals();
            List<dev.stagger.engine.model.ConvergenceCheck> checks = solver.convergence();
            double every = r.get("check_every");
            assertThat(checks).hasSize((int) (r.get("iterations") / every));
            for (int c = 0; c < checks.size(); c++) {
                assertThat(checks.get(c).iteration()).isEqualTo((long) ((c + 1) * every));
                assertThat(checks.get(c).errors().keySet()).containsExactly("err_divV", "err_Vx", "err_Vy");
            }
            // the last check is the one that ended the loop: the step's residuals
            var last = checks.get(checks.size() - 1);
            assertThat(last.errors()).containsEntry("err_Vx", r.get("err_Vx")).containsEntry("err_divV",
                    r.get("err_divV"));
            assertThat(checks.get(0).errors().get("err_Vx")).isGreaterThan(last.errors().get("err_Vx"));
            solver.step(plan.dt());
            assertThat(solver.convergence()).as("a step's checks replace the last step's")
                    .hasSize((int) (solver.residuals().get("iterations") / solver.residuals().get("check_every")));
        }
        // through the live stream: after each step's METRICS, its checks in iteration order
        dev.stagger.engine.live.LiveRun live = new dev.stagger.engine.live.LiveRun(new dev.stagger.engine.live.Status(
                "stokes", "stokes", "stokes-2d", dev.stagger.engine.live.RunState.STARTING, 0, 2, 0, 0, 0, 0, 1,
                List.of(), List.of("Pr"), 2, new int[] {n, n}));
        try (Simulation s = new Simulation(plan, new SelfCommunicator(), new SerialExecutor())) {
            s.run(OutputSink.NONE, RunListener.NONE, () -> false, live, (step, time) -> "not written");
        }
        List<dev.stagger.engine.live.Event> events = live.client().events(0, 10_000, 0);
        List<dev.stagger.engine.live.Event> checks = events.stream()
                .filter(e -> e.values().containsKey(dev.stagger.engine.live.Event.CONVERGENCE_ITERATION)).toList();
        assertThat(checks).isNotEmpty();
        assertThat(checks).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(dev.stagger.engine.live.Event.Kind.METRICS);
            assertThat(e.values().keySet()).containsExactlyInAnyOrder("step", "time",
                    dev.stagger.engine.live.Event.CONVERGENCE_ITERATION, "convergence.err_divV", "convergence.err_Vx",
                    "convergence.err_Vy");
        });
        // metrics go at most once a second and at the last step: the last step's checks are always there
        for (double step : new double[] {2}) {
            List<Double> iterations = checks.stream().filter(e -> e.value("step") == step)
                    .map(e -> e.value(dev.stagger.engine.live.Event.CONVERGENCE_ITERATION)).toList();
            assertThat(iterations).as("step %s", step).isNotEmpty().isSorted().doesNotHaveDuplicates()
                    .hasSizeLessThanOrEqualTo(64);
            // the step's own METRICS event, with the iteration count the last check was made at
            dev.stagger.engine.live.Event metrics = events.stream().filter(e -> e.kind()
                    == dev.stagger.engine.live.Event.Kind.METRICS && e.value("step") == step
                    && e.values().containsKey("residual.iterations")).findFirst().orElseThrow();
            assertThat(iterations.get(iterations.size() - 1)).isEqualTo(metrics.value("residual.iterations"));
        }
    }

    @Test
    void everyStepConvergesAndTheDenseInclusionSinksSymmetrically() throws Exception {
        int n = 31;
        RunPlan plan = plan(n, 4);
        try (Simulation s = new Simulation(plan, new SelfCommunicator(), new SerialExecutor())) {
            LangSolver solver = (LangSolver) s.solver();
            double eps = solver.scalar("eps");
            double time = 0;
            for (int step = 1; step <= 4; step++) {
                solver.step(plan.dt());
                Map<String, Double> r = solver.residuals();
                assertThat(r.get("converged")).as("step %d converged", step).isEqualTo(1.0);
                assertThat(r.get("err_divV") * solver.scalar("tsc")).isLessThan(eps);
                assertThat(r.get("err_Vx") * 2.0).isLessThan(eps);
                assertThat(r.get("err_Vy") * 2.0).isLessThan(eps);
                assertThat(r.get("iterations") % r.get("check_every")).isZero();
                assertThat(r.get("iterations")).isLessThan(50.0 * n);
                // ncheck: 2·nx for the first two steps, then ceil(nx/2)
                assertThat(r.get("check_every")).isEqualTo(step <= 2 ? 2.0 * n : Math.ceil(0.5 * n));
                time += solver.lastStepLength();
            }
            // step 1 has V = 0: the advective limit is infinite and dt is the diffusive one
            assertThat(solver.scalar("dt_diff")).isEqualTo(Math.pow(2.0 / n, 2) / 4e-5 / 2 / 2.1, within(1e-9));
            Field vy = solver.field("Vy");
            Field vx = solver.field("Vx");
            int mid = (n + 1) / 2;
            // the inclusion (ρg_y = 1 inside) sinks: V.y < 0 at its center, mirror-symmetric about x = 0
            assertThat(vy.at(mid, mid + 1)).isLessThan(-1e-4);
            for (int j = 1; j <= n + 1; j += 3) {
                for (int i = 1; i <= n; i += 2) {
                    assertThat(vy.at(i, j)).isCloseTo(vy.at(n + 1 - i, j), within(1e-10));
                }
            }
            for (int j = 1; j <= n; j += 3) {
                for (int i = 1; i <= n + 1; i += 2) {
                    assertThat(vx.at(i, j)).isCloseTo(-vx.at(n + 2 - i, j), within(1e-10));
                }
            }
            // upwind advection-diffusion: no new extrema of T
            double[] t = solver.field("T").interiorValues();
            assertThat(java.util.Arrays.stream(t).max().getAsDouble()).isLessThanOrEqualTo(1.0 + 1e-6);
            assertThat(java.util.Arrays.stream(t).min().getAsDouble()).isGreaterThanOrEqualTo(0.1 - 1e-6);
            assertThat(time).isGreaterThan(24.0);
        }
        // on the run path, the run's time follows the model's dt
        try (Simulation s = new Simulation(plan(15, 2), new SelfCommunicator(), new SerialExecutor())) {
            RunSummary summary = s.run(OutputSink.NONE, RunListener.NONE, () -> false);
            double dt1 = Math.pow(2.0 / 15, 2) / 4e-5 / 2 / 2.1;
            assertThat(summary.time()).isGreaterThan(dt1).isLessThan(2 * dt1);
        }
    }

    @Test
    void fourRanksWithUnevenBlocksGiveTheBitsOfOne() throws Exception {
        RunPlan plan = plan(23, 3);
        RunPlan laidOut = new RunPlan(plan.name(), plan.title(), plan.grid(), new int[] {2, 2}, plan.model(),
                plan.parameters(), plan.initial(), plan.boundaries(), plan.precision(), 1, plan.steps(), plan.endTime(),
                plan.dt(), plan.outputEvery(), plan.outputFields());
        String[] names = {"Pr", "Vx", "Vy", "T", "τxy"};
        double[][] one = new double[names.length][];
        try (Simulation s = new Simulation(plan, new SelfCommunicator(), new SerialExecutor())) {
            s.run(OutputSink.NONE, RunListener.NONE, () -> false);
            for (int f = 0; f < names.length; f++) {
                one[f] = s.solver().field(names[f]).interiorValues();
            }
        }
        List<double[][]> gathered = DistributedTestSupport.onRanks(4, comm -> {
            try (Simulation s = new Simulation(laidOut, comm, new SerialExecutor())) {
                s.run(OutputSink.NONE, RunListener.NONE, () -> false);
                double[][] all = new double[names.length][];
                for (int f = 0; f < names.length; f++) {
                    GatheredField g = Gather.toRoot(comm, s.decomposition(), s.solver().field(names[f]), 0);
                    all[f] = g == null ? null : g.values();
                }
                return all;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        for (int f = 0; f < names.length; f++) {
            assertThat(gathered.get(0)[f]).as(names[f]).isEqualTo(one[f]);
        }
    }

    @Test
    void threadedRanksWithOverlapGiveTheBitsOfOne() throws Exception {
        RunPlan plan = plan(40, 2);
        RunPlan threaded = new RunPlan(plan.name(), plan.title(), plan.grid(), new int[] {2, 1}, plan.model(),
                plan.parameters(), plan.initial(), plan.boundaries(), plan.precision(), 3, plan.steps(), plan.endTime(),
                plan.dt(), plan.outputEvery(), plan.outputFields());
        double[] one;
        try (Simulation s = new Simulation(plan, new SelfCommunicator(), new SerialExecutor())) {
            s.run(OutputSink.NONE, RunListener.NONE, () -> false);
            one = s.solver().field("Vy").interiorValues();
        }
        List<double[]> gathered = DistributedTestSupport.onRanks(2, comm -> {
            // overlap is on: the inner region runs on the workers while the caller exchanges halos
            try (Simulation s = new Simulation(threaded, comm, new dev.stagger.engine.launch.WorkerPool(3, "t"), true)) {
                s.run(OutputSink.NONE, RunListener.NONE, () -> false);
                GatheredField g = Gather.toRoot(comm, s.decomposition(), s.solver().field("Vy"), 0);
                return g == null ? null : g.values();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(gathered.get(0)).isEqualTo(one);
    }
}
