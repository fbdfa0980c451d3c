package dev.stagger.remote.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.remote.cli.ClusterContext;
import dev.stagger.remote.config.StaggerDirs;
import dev.stagger.remote.ssh.Prompter;
import dev.stagger.remote.ssh.ShellQuote;
import dev.stagger.remote.testcluster.CommandResult;
import dev.stagger.remote.testcluster.LoopbackCluster;
import dev.stagger.remote.testcluster.LoopbackClusterExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import dev.stagger.remote.job.ClusterCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Slurm profile whose MPI starter is {@code srun} ({@code --mpi-starter srun}): the job script
 * starts the ranks with {@code srun --mpi=pmix}, not mpirun, and a 2-rank run on the loopback
 * cluster's Slurm finishes with both ranks in one MPI job.
 */
@ExtendWith(LoopbackClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SrunStarterIT {
    private static final String WORK_ROOT = "~/stagger-it-" + ProcessHandle.current().pid() + "/srun";

    private Path tmp;
    private ClusterContext context;
    private LoopbackCluster cluster;

    @BeforeAll
    void profile(LoopbackCluster cluster) throws IOException {
        this.cluster = cluster;
        System.setProperty("stagger.engine.dir", ClusterCli.ROOT.resolve("engine/target").toString());
        tmp = Files.createTempDirectory("stagger-srun-it");
        StaggerDirs dirs = new StaggerDirs(tmp.resolve("config"), tmp.resolve("state"), tmp.resolve("home"));
        context = new ClusterContext(dirs, Prompter.NONE);
        ClusterCli.ok(cli("cluster", "add", "srun", "--host", "login", "--ssh-config", cluster.sshConfig().toString(),
                "--workdir", WORK_ROOT, "--launcher", "slurm", "--partition", cluster.slurmPartition(),
                "--time", "00:10:00", "--mpi-starter", "srun"));
        Result doctor = cli("cluster", "doctor", "srun", "--fix");
        assertThat(doctor.exit()).as(doctor.all()).isZero();
        // the doctor checks that this Slurm's srun offers PMIx, which the srun starter needs
        assertThat(doctor.out()).contains("MPI Java bindings", "engine bundle", "ok       srun --mpi=list", "pmix",
                "All checks passed");
    }

    @AfterAll
    void cleanUp() throws IOException {
        if (context != null) {
            context.close();
        }
        if (cluster != null) {
            cluster.runAsUser("rm -rf " + WORK_ROOT + "; rmdir ~/stagger-it-" + ProcessHandle.current().pid()
                    + " 2>/dev/null; true");
        }
        if (tmp != null) {
            try (Stream<Path> files = Files.walk(tmp)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aTwoRankRunStartedBySrunFinishesAsOneMpiJob() throws Exception {
        Result run = cli("run", "--on", "srun", "--ranks", "2", "--detach", "--set", "run.steps=200",
                ClusterCli.SAMPLE.toString());
        assertThat(run.exit()).as(run.all()).isZero();
        List<String> lines = run.out().lines().toList();
        RunId id = RunId.parse(lines.get(lines.size() - 1).strip());
        assertThat(id).as(run.out()).isNotNull();
        ClusterRuns runs = context.runs(id);
        String dir = runs.runDirectory(id);

        // the ranks are srun's tasks: no mpirun starts them
        CommandResult script = cluster.runAsUser("cat " + ShellQuote.quote(dir + "/" + JobScript.FILE));
        assertThat(script.succeeded()).as(script.stderr()).isTrue();
        assertThat(script.stdout()).contains("srun --mpi=pmix -n 2 ");
        assertThat(script.stdout().lines().map(String::strip))
                .noneMatch(line -> line.startsWith("\"$mpirun\"") || line.startsWith("mpirun "));

        RunStatus end = ClusterCli.awaitEnd(runs, id);
        Result logs = cli("logs", id.toString());
        assertThat(end.state()).as(end.describe() + "\n" + logs.all()).isEqualTo(RunStatus.State.FINISHED);
        assertThat(logs.exit()).as(logs.all()).isZero();
        // rank 0 speaks for the job: it saw a communicator of 2, so both tasks joined one MPI world through PMIx
        assertThat(logs.out()).contains("Running diffusion-2d.yaml on 2 ranks", "Done: 200 steps", "2 ranks x");
        assertThat(end.detail()).contains("Done: 200 steps", "2 ranks");
        assertThat(cluster.runAsUser("cat " + ShellQuote.quote(dir + "/job.nodes")).stdout().strip())
                .isEqualTo(cluster.slurmNode());
        // the last output in two pieces, one per rank
        String files = cluster.runAsUser("ls " + ShellQuote.quote(dir)).stdout();
        assertThat(files).contains("diffusion-2d_000200_r0000.vti", "diffusion-2d_000200_r0001.vti");
    }

    // ---- helpers

    private Result cli(String... args) {
        return new ClusterCli(context).run(args);
    }

    private RunId submit(String profile, String... args) {
        return new ClusterCli(context).submit(profile, args);
    }

}
