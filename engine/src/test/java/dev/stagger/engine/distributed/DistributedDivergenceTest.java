package dev.stagger.engine.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.launch.SerialExecutor;
import dev.stagger.engine.run.DivergingRuns;
import dev.stagger.engine.run.RunFailedException;
import dev.stagger.engine.run.RunListener;
import dev.stagger.engine.run.RunPlan;
import dev.stagger.engine.run.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run that diverges on several ranks (threads of a {@code LocalGroup}) stops on all of them at
 * the same step with the same message, which names the place in global coordinates: exactly the
 * message of the same run on one rank, since many ranks compute bit for bit what one does.
 */
class DistributedDivergenceTest {

    /** The failure each rank saw, or "finished" / the unexpected exception. */
    private static List<String> onRanks(RunPlan plan, int ranks) throws Exception {
        return DistributedTestSupport.onRanks(ranks, comm -> {
            List<DivergingRuns.Written> written = new ArrayList<>();
            try (Simulation s = new Simulation(plan, comm, new SerialExecutor())) {
                s.run(DivergingRuns.recording(written), RunListener.NONE, () -> false);
                return "finished";
            } catch (RunFailedException e) {
                assertThat(written).allMatch(DivergingRuns.Written::finite);
                return e.getMessage() + " | stopped at " + e.step();
            } catch (Exception e) {
                return e.toString();
            }
        });
    }

    @ParameterizedTest(name = "{0} ranks")
    @ValueSource(ints = {2, 3, 4})
    void everyRankStopsAtTheSameStepWithTheMessageOfOneRank(int ranks) throws Exception {
        RunPlan plan = DivergingRuns.plan(20);
        String one = onRanks(plan, 1).get(0);
        assertThat(DivergingRuns.steps(one.substring(0, one.indexOf(" | ")))[1]).isGreaterThan(100);
        assertThat(onRanks(plan, ranks)).hasSize(ranks).containsOnly(one);
    }
}
