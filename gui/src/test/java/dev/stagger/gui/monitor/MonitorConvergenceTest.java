package dev.stagger.gui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.live.Event;
import dev.stagger.engine.live.RunState;
import dev.stagger.gui.monitor.state.ChartPoint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The convergence plot's data, without the toolkit: same-thread executor, pulse() by hand. */
class MonitorConvergenceTest {
    private static final Executor SAME_THREAD = Runnable::run;

    private static Map<String, Double> check(long step, long iteration, double divV, double vx) {
        return Map.of("step", (double) step, "time", 0.5, Event.CONVERGENCE_ITERATION, (double) iteration,
                "convergence.err_divV", divV, "convergence.err_Vx", vx);
    }

    @Test
    void checksBecomeErrorsOverIterationsOfTheNewestStep() throws Exception {
        FakeLiveClient run = new FakeLiveClient(RunState.RUNNING, 2, 4, 3);
        run.add(Event.Kind.METRICS, Map.of("step", 1.0, "time", 0.5, "residual.iterations", 200.0,
                "residual.dt_adv", Double.POSITIVE_INFINITY), "");
        run.add(Event.Kind.METRICS, check(1, 100, 1e-2, 1e-3), "");
        run.add(Event.Kind.METRICS, check(1, 200, 1e-7, 0.0), "");
        MonitorViewModel vm = new MonitorViewModel(run, SAME_THREAD);
        vm.visibilityChanged(false);
        vm.pollOnce();
        vm.pulse();
        assertThat(vm.convergenceStepProperty().get()).isEqualTo(1);
        assertThat(vm.convergenceKeys()).containsExactly("err_Vx", "err_divV");
        assertThat(vm.convergence("err_divV")).hasSize(2);
        assertThat(vm.convergence("err_divV").get(0).x()).isEqualTo(100);
        assertThat(vm.convergence("err_divV").get(0).y()).isEqualTo(1e-2);
        assertThat(vm.convergence("err_divV").get(1).y()).isEqualTo(1e-7);
        // an error of exactly zero stays in the data: the chart's log axis leaves it out and says so,
        // its linear axis shows it
        assertThat(vm.convergence("err_Vx")).containsExactly(new ChartPoint(100, 1e-3), new ChartPoint(200, 0));
        // the checks are not per-step metrics: the step charts do not see them
        // nor do values no chart axis can hold (the first Stokes step's advective limit is infinite)
        assertThat(vm.metricKeys()).containsExactly("residual.iterations");

        // the next step's checks replace the last step's
        run.add(Event.Kind.METRICS, check(2, 50, 1e-4, 1e-5), "");
        vm.pollOnce();
        vm.pulse();
        assertThat(vm.convergenceStepProperty().get()).isEqualTo(2);
        assertThat(vm.convergence("err_divV")).containsExactly(new ChartPoint(50, 1e-4));
        assertThat(vm.convergence("err_Vx")).containsExactly(new ChartPoint(50, 1e-5));
        // and more of the same step add to it
        run.add(Event.Kind.METRICS, check(2, 100, 1e-8, 1e-9), "");
        vm.pollOnce();
        vm.pulse();
        assertThat(vm.convergence("err_divV")).extracting(ChartPoint::x).containsExactly(50.0, 100.0);
    }

    @Test
    void aStokesRunInThisProcessPlotsItsLastStepConvergingBelowTheTolerance() throws Exception {
        try (EmbeddedRun run = new EmbeddedRun("stokes-2d.yaml", "grid.cells=[31, 31]", "run.steps=2")) {
            run.start();
            run.awaitEnd();
            MonitorViewModel vm = new MonitorViewModel(run.client(), SAME_THREAD);
            vm.visibilityChanged(false);
            vm.pollOnce();
            vm.pulse();
            assertThat(vm.convergenceStepProperty().get()).isEqualTo(2);
            assertThat(vm.convergenceKeys()).containsExactlyInAnyOrder("err_divV", "err_Vx", "err_Vy");
            List<ChartPoint> vx = List.copyOf(vm.convergence("err_Vx"));
            assertThat(vx).isNotEmpty();
            assertThat(vx).extracting(ChartPoint::x).isSorted();
            // the step ends when err_Vx·ly/psc < eps = 1e-6 (ly = 2, psc = 1): below 5e-7
            assertThat(vx.get(vx.size() - 1).y()).isLessThan(5e-7);
            assertThat(vx.get(0).y()).isGreaterThan(vx.get(vx.size() - 1).y());
            assertThat(vm.metric("residual.iterations")).isNotEmpty();
        }
    }
}
