package dev.stagger.remote.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobScriptTest {
    private static final Site.Slurm SLURM = new Site.Slurm("debug", "proj1", null, "01:00:00", 1, null, 0,
            List.of("--mail-type=END"));
    private static final Site DIRECT = new Site("hpc1", "~/stagger", "java", "mpirun", Site.Launcher.DIRECT, false,
            null, List.of("module load openmpi"));
    private static final Site BATCH = new Site("hpc1", "~/stagger", "/opt/jdk 21/bin/java", "mpirun", Site.Launcher.SLURM,
            false, SLURM, List.of());

    private static JobRequest job(String project, int ranks) {
        RunId id = RunId.generate("hpc1", project, LocalDateTime.of(2026, 11, 29, 16, 52), new Random(1));
        return new JobRequest(id, project + ".yaml", ranks, 2, null, null, List.of("model.parameters.chi=0.5", "title=$(touch X)"));
    }

    @Test
    void runIdsAreReadableAndParseBack() {
        RunId id = RunId.generate("hpc1", "diffusion-2d", LocalDateTime.of(2026, 11, 29, 16, 52), new Random(7));
        assertThat(id.toString()).matches("hpc1/diffusion-2d-20261129-1652-[0-9a-f]{4}");
        assertThat(RunId.parse(id.toString())).isEqualTo(id);
        assertThat(RunId.parse("no-slash")).isNull();
        assertThat(RunId.parse("a/b/c")).isNull();
        assertThat(RunId.parse("a/..")).isNull();
        assertThat(id.jobName()).matches("stagger-[A-Za-z0-9._-]+");
    }

    @Test
    void scriptsAreValidBashWithHostileNames(@TempDir Path dir) throws Exception {
        for (Site site : List.of(DIRECT, BATCH)) {
            JobRequest job = job("we'ird; $(touch PWNED) name", 4);
            String script = JobScript.render(site, job, "/work/runs/" + job.id().name(), "/work/bundles/abc", "/work");
            Path file = dir.resolve("job.sh");
            Files.writeString(file, script);
            Process p = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out + "\n" + script).isZero();
            assertThat(script).contains("'--set' 'title=$(touch X)'".replace("'--set'", "--set"));
        }
    }

    @Test
    void slurmScriptsCarryTheWalltimeSignalAndTheProfilesOptions() {
        JobRequest job = job("diffusion-2d", 4);
        String script = JobScript.render(BATCH, job, "/w/runs/x", "/w/bundles/abc", "/w");
        assertThat(script).contains("#SBATCH --ntasks=4", "#SBATCH --partition=debug", "#SBATCH --account=proj1",
                "#SBATCH --time=01:00:00", "#SBATCH --signal=B:USR1@120", "#SBATCH --mail-type=END", "trap on_walltime USR1",
                "java='/opt/jdk 21/bin/java'");
        String submit = JobScript.submitCommand(BATCH, job, "/w/runs/a b");
        assertThat(submit).contains("sbatch --parsable", "--chdir='/w/runs/a b'", "--job-name=" + job.id().jobName());
    }

    @Test
    void directLaunchesOutliveTheConnection() {
        JobRequest job = job("diffusion-2d", 4);
        String submit = JobScript.submitCommand(DIRECT, job, "/w/runs/x");
        assertThat(submit).contains("setsid nohup /bin/bash job.sh", "< /dev/null");
        String script = JobScript.render(DIRECT, job, "/w/runs/x", "/w/bundles/abc", "/w");
        assertThat(script).contains("module load openmpi", "serve=127.0.0.1", "--oversubscribe").doesNotContain("#SBATCH");
    }
}
