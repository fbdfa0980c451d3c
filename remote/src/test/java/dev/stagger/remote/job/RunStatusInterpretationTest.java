package dev.stagger.remote.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.remote.ssh.SshException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A job is never "finished" without the engine's record; the scheduler's end states say why it failed. */
class RunStatusInterpretationTest {

    private static RunStatus slurm(Map<String, String> f) {
        return ClusterRuns.interpret(f, Site.Launcher.SLURM);
    }

    @Test
    void theEnginesRecordComesFirst() {
        assertThat(slurm(Map.of("job.id", "7", "run.state", "finished", "run.step", "100", "squeue", "")).state())
                .isEqualTo(RunStatus.State.FINISHED);
        assertThat(slurm(Map.of("job.id", "7", "run.state", "failed", "run.message", "rank 2 died")).detail())
                .isEqualTo("rank 2 died");
    }

    @Test
    void pendingCarriesSlurmsReason() {
        RunStatus s = slurm(Map.of("job.id", "7", "squeue", "PENDING|Resources"));
        assertThat(s.state()).isEqualTo(RunStatus.State.PENDING);
        assertThat(s.detail()).isEqualTo("Resources");
    }

    @Test
    void endStatesOfSlurmAreFailuresNotSuccess() {
        for (String state : new String[] {"TIMEOUT", "OUT_OF_MEMORY", "NODE_FAIL"}) {
            RunStatus s = slurm(Map.of("job.id", "7", "run.state", "running", "squeue", "", "sacct", state + "|0:0"));
            assertThat(s.state()).isEqualTo(RunStatus.State.FAILED);
            assertThat(s.detail()).contains(state);
        }
        assertThat(slurm(Map.of("job.id", "7", "squeue", "", "sacct", "", "scontrol", "COMPLETED|None", "run.state",
                "running", "job.start", "x")).state()).isEqualTo(RunStatus.State.FAILED);
        assertThat(slurm(Map.of("job.id", "7", "squeue", "", "sacct", "CANCELLED by 1000|0:0")).detail())
                .contains("CANCELLED");
    }

    @Test
    void aJobNobodyKnowsIsNeverFinished() {
        RunStatus s = slurm(Map.of("job.id", "7", "squeue", "", "sacct", "", "scontrol", ""));
        assertThat(s.state()).isEqualTo(RunStatus.State.UNKNOWN);
        assertThat(ClusterRuns.interpret(Map.of("job.pid", "12", "job.start", "t"), Site.Launcher.DIRECT).state())
                .isEqualTo(RunStatus.State.FAILED);
        assertThat(ClusterRuns.interpret(Map.of("job.pid", "12", "alive", "1", "run.state", "running"),
                Site.Launcher.DIRECT).state()).isEqualTo(RunStatus.State.RUNNING);
    }

    @Test
    void sbatchRepliesAreParsed() throws Exception {
        assertThat(ClusterRuns.parseJobId("1234\n")).isEqualTo("1234");
        assertThat(ClusterRuns.parseJobId("1234;cluster2")).isEqualTo("1234");
        assertThatThrownBy(() -> ClusterRuns.parseJobId("Submitted batch job 1")).isInstanceOf(SshException.class);
    }

    @Test
    void fetchNeverWritesOutsideTheChosenFolder() throws Exception {
        Path root = Path.of("/tmp/fetch-root");
        assertThat(ClusterRuns.safeTarget(root, "a/b.vti")).isEqualTo(root.resolve("a/b.vti"));
        for (String bad : new String[] {"../x", "a/../../x", "/etc/passwd", "a//b", ".", "a/./b", ""}) {
            assertThatThrownBy(() -> ClusterRuns.safeTarget(root, bad)).as(bad).isInstanceOf(SshException.class);
        }
    }
}
