package dev.stagger.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.field.Field;
import dev.stagger.engine.project.ProjectReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private static final Path SAMPLE = Path.of("..", "sample-projects", "diffusion-2d.yaml");

    private record Written(long step, double time) {}

    private static OutputSink recording(List<Written> written) {
        return (step, time, fields) -> {
            written.add(new Written(step, time));
            return List.of();
        };
    }

    @Test
    void aStopRequestEndsAfterTheCurrentStepAndWritesTheStateReached() throws Exception {
        RunPlan plan = RunPlanner.plan(ProjectReader.read(SAMPLE).project(), "d", RunPlanner.RunOverrides.NONE);
        List<Written> written = new ArrayList<>();
        int[] calls = {0};
        try (Simulation simulation = new Simulation(plan)) {
            RunSummary summary = simulation.run(recording(written), RunListener.NONE, () -> ++calls[0] > 33);
            assertThat(summary.stoppedEarly()).isTrue();
            assertThat(summary.steps()).isEqualTo(33);
            assertThat(summary.line()).startsWith("Stopped after 33 steps");
        }
        assertThat(written).extracting(Written::step).containsExactly(0L, 20L, 33L);
    }

    @Test
    void anEndTimeIsHitExactlyWithAShortenedLastStep() throws Exception {
        RunPlan plan = RunPlanner.plan(ProjectReader.read(SAMPLE, List.of("run.end_time=0.001"))
                .project(), "d", RunPlanner.RunOverrides.NONE);
        List<Written> written = new ArrayList<>();
        try (Simulation simulation = new Simulation(plan)) {
            RunSummary summary = simulation.run(recording(written), RunListener.NONE, () -> false);
            assertThat(summary.time()).isEqualTo(0.001);
            assertThat(summary.steps()).isEqualTo((long) Math.ceil(0.001 / plan.dt()));
        }
        assertThat(written.get(written.size() - 1).time()).isEqualTo(0.001);
    }

    @Test
    void aDivergingRunStopsAsFailedAndKeepsOnlyFiniteOutputs() throws Exception {
        RunPlan plan = DivergingRuns.plan(20);
        List<DivergingRuns.Written> written = new ArrayList<>();
        RunFailedException failure;
        try (Simulation simulation = new Simulation(plan)) {
            failure = org.junit.jupiter.api.Assertions.assertThrows(RunFailedException.class,
                    () -> simulation.run(DivergingRuns.recording(written), RunListener.NONE, () -> false));
            assertThat(simulation.step()).isEqualTo(failure.step());
        }
        long[] steps = DivergingRuns.steps(failure.getMessage());
        // it really diverged on its own, some way in, and was caught at the first check after it
        assertThat(steps[1]).isGreaterThan(100).isLessThan(plan.totalSteps()).isEqualTo(failure.step());
        assertThat(steps[1] - steps[0]).isBetween(1L, (long) FiniteGuard.EVERY_STEPS);
        assertThat(failure.time()).isEqualTo(steps[1] * plan.dt(), org.assertj.core.api.Assertions.within(1e-12));
        // every output is finite, the last is the one the message names, the diverged state is not among them
        assertThat(written).allMatch(DivergingRuns.Written::finite);
        assertThat(written).extracting(DivergingRuns.Written::step).startsWith(0L, 20L, 40L).last()
                .isEqualTo(steps[2]);
        // the output due at the failing step itself is not written: the check comes first
        assertThat(steps[2]).isEqualTo((steps[1] - 1) / 20 * 20);
    }

    @Test
    void aFieldThatIsNotFiniteFromTheStartRunsNoStepAndWritesNothing() throws Exception {
        // validation refuses a non-finite initial value where it can see one (it samples big grids): the
        // run's own check is the backstop, so the value is put into the field behind validation's back
        RunPlan plan = RunPlanner.plan(ProjectReader.read(SAMPLE, List.of()).project(), "d", RunPlanner.RunOverrides.NONE);
        List<DivergingRuns.Written> written = new ArrayList<>();
        try (Simulation simulation = new Simulation(plan)) {
            Field c = simulation.solver().field("C");
            c.set(c.index(1, 1), Double.NaN);
            RunFailedException failure = org.junit.jupiter.api.Assertions.assertThrows(RunFailedException.class,
                    () -> simulation.run(DivergingRuns.recording(written), RunListener.NONE, () -> false));
            assertThat(failure.getMessage()).isEqualTo("field C is not finite at step 0, where the run starts: NaN at"
                    + " x = -1.98438, y = -1.98438 (cell [1, 1] of [128, 128]) is the first such value; the run cannot"
                    + " start, and no output was written");
            assertThat(failure.step()).isZero();
        }
        assertThat(written).isEmpty();
    }

    @Test
    void threadCountsGiveBitForBitTheSameRun() throws Exception {
        RunPlan plan = RunPlanner.plan(ProjectReader.read(SAMPLE, List.of("grid.cells=[200, 190]",
                "fields.C.boundary.x-low={type: dirichlet, value: \"sin(3*y)\"}")).project(), "d",
                RunPlanner.RunOverrides.NONE);
        double[] one;
        double[] three;
        try (Simulation a = new Simulation(plan.withThreads(1)); Simulation b = new Simulation(plan.withThreads(3))) {
            a.run(OutputSink.NONE, RunListener.NONE, () -> false);
            b.run(OutputSink.NONE, RunListener.NONE, () -> false);
            Field fa = a.solver().field("C");
            Field fb = b.solver().field("C");
            one = fa.interiorValues();
            three = fb.interiorValues();
        }
        assertThat(three).isEqualTo(one);
    }
}
