package dev.stagger.gui.run.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.live.RunState;
import dev.stagger.engine.project.ProjectReader;
import dev.stagger.engine.run.RunPlanner.RunOverrides;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.run.RunRequest;
import dev.stagger.gui.run.RunSetting;
import dev.stagger.remote.cli.ClusterContext;
import dev.stagger.remote.config.StaggerDirs;
import dev.stagger.remote.job.RunId;
import dev.stagger.remote.job.RunRegistry;
import dev.stagger.remote.ssh.Prompter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster target's logic that needs no cluster: its settings from the profiles on disk, the
 * rules about them, the job script it previews, and the jobs it finds again in the run registry.
 */
class ClusterRunTargetTest {
    @TempDir
    Path dir;

    private final List<Runnable> background = new ArrayList<>();
    private static final Instant NOW = Instant.parse("2026-11-29T20:00:00Z");

    private ClusterContext context() throws Exception {
        StaggerDirs dirs = new StaggerDirs(dir.resolve("config"), dir.resolve("state"), dir.resolve("home"));
        Files.createDirectories(dirs.clusters());
        Files.writeString(dirs.clusters().resolve("hpc.yaml"), "format: 1\nhost: login.example\nlauncher: slurm\n");
        Files.writeString(dirs.clusters().resolve("box.yaml"), "format: 1\nhost: box.example\n");
        return new ClusterContext(dirs, Prompter.NONE);
    }

    private ClusterRunTarget target(ClusterContext c) {
        return new ClusterRunTarget(c, background::add, Runnable::run, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Map<String, String> settings(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void theSettingsOfferTheProfilesAndTheRulesNameWhatIsWrong() throws Exception {
        ClusterRunTarget t = target(context());
        RunSetting cluster = t.settings().get(0);
        assertThat(cluster.choices()).containsExactlyInAnyOrder("hpc", "box");
        assertThat(t.problem(settings("cluster", "hpc", "ranks", "4", "time", "01:30:00", "nodes", "2"))).isNull();
        assertThat(t.problem(settings("cluster", "hpc", "time", "90 minutes"))).startsWith("Walltime must be");
        assertThat(t.problem(settings("cluster", "hpc", "nodes", "0"))).contains("at least 1");
        assertThat(t.problem(settings("cluster", "hpc", "partition", "gpu; rm -rf ~"))).startsWith("Partition may hold");
        assertThat(t.problem(settings("cluster", "box", "time", "01:00:00"))).contains("box starts runs directly");
        assertThat(t.problem(settings("cluster", ""))).contains("No cluster profile yet");
        assertThat(t.problem(settings("cluster", "gone"))).contains("no cluster profile named 'gone'");
    }

    @Test
    void thePreviewIsTheJobScriptWithThisRunsSlurmOptions() throws Exception {
        ClusterRunTarget t = target(context());
        Path project = dir.resolve("diffusion-2d.yaml");
        Files.copy(Path.of("..", "sample-projects", "diffusion-2d.yaml"), project);
        RunRequest r = new RunRequest("diffusion-2d", ProjectReader.read(project).project(), project,
                dir.resolve("out"), new RunOverrides(null, 500L, null), settings("cluster", "hpc", "ranks", "8",
                        "nodes", "2", "time", "00:20:00", "partition", "gpu", "gpus", "4"));
        String script = t.preview(r);
        assertThat(script).contains("#SBATCH --ntasks=8", "#SBATCH --nodes=2", "#SBATCH --time=00:20:00",
                "#SBATCH --partition=gpu", "gpus-per-node=4", "run.steps=500");
    }

    @Test
    void jobsOfTheRunRegistryComeBackEndedOnesWithTheirEndLiveOnesFollowed() throws Exception {
        ClusterContext c = context();
        RunRegistry registry = c.registry();
        Path project = dir.resolve("p.yaml");
        RunId ended = RunId.parse("hpc/p-20261128-1000-aaaa");
        RunId going = RunId.parse("hpc/p-20261129-1900-bbbb");
        RunId old = RunId.parse("hpc/p-20261101-1000-cccc");
        registry.put(new RunRegistry.Entry(ended, "~/stagger/runs/" + ended.name(), "41", "slurm",
                NOW.minusSeconds(86_400), project.toString(), "failed", "NODE_FAIL", NOW.minusSeconds(80_000)));
        registry.put(new RunRegistry.Entry(going, "~/stagger/runs/" + going.name(), "42", "slurm",
                NOW.minusSeconds(3_600), project.toString(), "running", null, NOW.minusSeconds(3_000)));
        registry.put(new RunRegistry.Entry(old, "~/stagger/runs/" + old.name(), "40", "slurm",
                NOW.minusSeconds(30L * 86_400), project.toString(), "finished", null, NOW.minusSeconds(29L * 86_400)));
        List<RunJob> jobs = target(c).reattach();
        assertThat(jobs).extracting(RunJob::remoteId).containsExactlyInAnyOrder(ended.toString(), going.toString());
        RunJob e = jobs.stream().filter(j -> j.remoteId().equals(ended.toString())).findFirst().orElseThrow();
        assertThat(e.state()).isEqualTo(RunState.FAILED);
        assertThat(e.messageProperty().get()).contains("NODE_FAIL");
        assertThat(e.outputDir()).isEqualTo(dir.resolve(ended.name()));
        assertThat(e.actions()).extracting(RunJob.Action::name).contains("Fetch results", "Cancel job");
        RunJob g = jobs.stream().filter(j -> j.remoteId().equals(going.toString())).findFirst().orElseThrow();
        assertThat(g.state()).isEqualTo(RunState.STARTING);
        assertThat(g.messageProperty().get()).contains("reconnecting");
        assertThat(background).as("one follower for the live job, none for the ended one").hasSize(1);
    }
}
