package dev.stagger.engine.run;

import dev.stagger.engine.distributed.EquivalenceProjects;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.project.ProjectReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs made unstable on purpose: a time step ten times the stable limit, which validation would
 * refuse, set on the plan directly. The checkerboard mode then grows about fifteen-fold per step
 * until the field overflows, a few hundred steps in: a real divergence, not a planted NaN.
 */
public final class DivergingRuns {
    /** "field C became non-finite between steps A and B: V at x = .., y = .. (cell [i, j] of [n, m]) ..." */
    public static final Pattern MESSAGE = Pattern.compile("field C became non-finite between steps (\\d+) and (\\d+): "
            + "(NaN|Infinity|-Infinity) at x = \\S+, y = \\S+ \\(cell \\[\\d+, \\d+\\] of \\[40, 30\\]\\) is the first"
            + " such value; the run diverged and stops at step \\2, and its outputs up to step (\\d+) are kept");

    private DivergingRuns() {}

    /** A 2D diffusion run on 40 x 30 cells with outputs every {@code outputEvery} steps and dt ten times too large. */
    public static RunPlan plan(int outputEvery) throws Exception {
        String yaml = EquivalenceProjects.yaml(2, "[40, 30]", "[false, false]", EquivalenceProjects.MIXED_2D, 2000);
        RunPlan stable = RunPlanner.plan(ProjectReader.parse(yaml, "diverging.yaml", List.of()).project(), "diverging",
                RunPlanner.RunOverrides.NONE);
        return new RunPlan(stable.name(), stable.title(), stable.grid(), null, stable.model(), stable.parameters(),
                stable.initial(), stable.boundaries(), stable.precision(), stable.threads(), stable.steps(),
                stable.endTime(), 10 * stable.dt(), outputEvery, stable.outputFields());
    }

    /** What an output sink saw: the step and whether every value it was given was finite. */
    public record Written(long step, boolean finite) {}

    /** A sink that writes nothing and remembers what it was given. */
    public static OutputSink recording(List<Written> written) {
        return (step, time, fields) -> {
            boolean finite = true;
            for (Field f : fields) {
                for (double v : f.interiorValues()) {
                    finite &= Double.isFinite(v);
                }
            }
            written.add(new Written(step, finite));
            return List.<Path>of();
        };
    }

    /** The message's numbers: last finite step, failing step, last output step. */
    public static long[] steps(String message) {
        Matcher m = MESSAGE.matcher(message);
        if (!m.matches()) {
            throw new AssertionError("not the message of a diverged run: " + message);
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(4))};
    }

    static List<Written> newRecord() {
        return new ArrayList<>();
    }
}
