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
