package dev.stagger.remote.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.live.Command;
import dev.stagger.engine.live.LiveClient;
import dev.stagger.engine.live.Preview;
import dev.stagger.engine.live.PreviewRequest;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.Status;
import dev.stagger.remote.cli.ClusterContext;
import dev.stagger.remote.cli.StaggerMain;
import dev.stagger.remote.config.StaggerDirs;
import dev.stagger.remote.ssh.Prompter;
import dev.stagger.remote.testcluster.CommandResult;
import dev.stagger.remote.testcluster.LoopbackCluster;
import dev.stagger.remote.testcluster.LoopbackClusterExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import dev.stagger.remote.job.ClusterCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cluster runs as a user makes them, on the loopback cluster (a login node's sshd, Slurm on a
 * compute node in a network namespace): the CLI submits, the run is watched live through the SSH
 * tunnel, the connection is cut and picked up again, results are fetched and compared bit for bit
 * with a local run, runs are cancelled, the walltime signal writes a checkpoint, a lost sbatch
 * reply submits nothing twice, and hostile names stay data.
 */
@ExtendWith(LoopbackClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterRunIT {

    private Path tmp;
    private StaggerDirs dirs;
    private ClusterContext context;
    private LoopbackCluster cluster;

    @BeforeAll
    void profiles(LoopbackCluster cluster) throws IOException {
        this.cluster = cluster;
        System.setProperty("stagger.engine.dir", ClusterCli.ROOT.resolve("engine/target").toString());
        tmp = Files.createTempDirectory("stagger-cluster-it");
        dirs = new StaggerDirs(tmp.resolve("config"), tmp.resolve("state"), tmp.resolve("home"));
        context = new ClusterContext(dirs, Prompter.NONE);
        ClusterCli.ok(cli("cluster", "add", "direct", "--host", "login", "--ssh-config", cluster.sshConfig().toString(),
                "--workdir", workRoot("direct")));
        ClusterCli.ok(cli("cluster", "add", "slurm", "--host", "login", "--ssh-config", cluster.sshConfig().toString(),
                "--workdir", workRoot("slurm"), "--launcher", "slurm", "--partition", cluster.slurmPartition(),
                "--time", "00:10:00"));
        for (String profile : List.of("direct", "slurm")) {
            Result doctor = cli("cluster", "doctor", profile, "--fix");
            assertThat(doctor.exit()).as(doctor.all()).isZero();
            assertThat(doctor.out()).contains("MPI Java bindings", "engine bundle", "All checks passed");
            // the deployed engine's own answer: this login node has no GPU, so auto falls back, visibly
            assertThat(doctor.out()).contains("GPU backend (login node)")
                    .contains("not usable here (missing: the NVIDIA driver (no libcuda.so.1")
                    .contains("backend auto runs on the CPU");
        }
    }

    /** Each profile its own work root, so that a work root's runs all belong to one profile. */
    private static String workRoot(String profile) {
        return "~/stagger-it-" + ProcessHandle.current().pid() + "/" + profile;
    }

    @AfterAll
    void cleanUp() throws IOException {
        if (context != null) {
            context.close();
        }
        if (cluster != null) {
            cluster.runAsUser("rm -rf ~/stagger-it-" + ProcessHandle.current().pid() + " ~/lostbin ~/lost-once");
        }
        if (tmp != null) {
            try (Stream<Path> files = Files.walk(tmp)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void directRunOnFourRanksIsWatchedLiveSurvivesACutAndFetchesBitForBit() throws Exception {
        RunId id = submit("direct", "--ranks", "4", "--set", "grid.cells=[256,256]", "--set", "run.steps=2000", "--set",
                "output.every=500", ClusterCli.SAMPLE.toString());
        ClusterRuns runs = context.runs(id);
        ClusterCli.awaitLive(runs, id);
        long beforeCut;
        try (LiveClient live = runs.live(id, "cluster-it")) {
            live.control(Command.PAUSE, 60_000);
            Status status = awaitState(live, RunState.PAUSED);
            assertThat(status.rankCount()).isEqualTo(4);
            beforeCut = status.step();
            Preview preview = live.preview(PreviewRequest.of("C", 64, 64), 60_000);
            assertThat(preview.nx()).isEqualTo(64);
            assertThat(preview.max()).isGreaterThan(0.1).isLessThanOrEqualTo(1.0);
        }
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        long offset = runs.copyLog(id, 0, logs);
        assertThat(offset).isPositive();

        // the network drops: every connection to the login node dies; the paused run goes on existing
        assertThat(cluster.cutLoginConnections()).isPositive();
        assertThat(runs.status(id).state()).isEqualTo(RunStatus.State.RUNNING);
        try (LiveClient live = runs.live(id, "cluster-it-again")) {
            Status status = live.status();
            assertThat(status.state()).isEqualTo(RunState.PAUSED);
            assertThat(status.step()).isEqualTo(beforeCut);
            assertThat(live.preview(PreviewRequest.of("C", 32, 32), 60_000).step()).isEqualTo(beforeCut);
            live.control(Command.RESUME, 60_000);
        }
        RunStatus end = ClusterCli.awaitEnd(runs, id);
        assertThat(end.state()).as(end.describe()).isEqualTo(RunStatus.State.FINISHED);

        // the log goes on from the byte reached before the cut: nothing missing, nothing twice
        offset = runs.copyLog(id, offset, logs);
        ByteArrayOutputStream oneGo = new ByteArrayOutputStream();
        assertThat(runs.copyLog(id, 0, oneGo)).isEqualTo(offset);
        assertThat(logs.toByteArray()).isEqualTo(oneGo.toByteArray());
        assertThat(cli("logs", id.toString()).out()).contains("Done: 2000 steps");

        Path fetched = tmp.resolve("fetched");
        Result fetch = cli("fetch", id.toString(), fetched.toString());
        assertThat(fetch.exit()).as(fetch.all()).isZero();
        assertThat(fetch.out()).contains("checked by SHA-256");
        assertThat(fetched.resolve("stagger-run.endpoint")).doesNotExist();
        Path local = tmp.resolve("local");
        localRun(local, "--ranks", "4", "--set", "grid.cells=[256,256]", "--set", "run.steps=2000", "--set",
                "output.every=500");
        assertSameOutputs(local, fetched);

        // a fetch cut short left half a file: the next fetch continues it from where it stopped
        Path piece = fetched.resolve("diffusion-2d_001000_r0002.vti");
        byte[] whole = Files.readAllBytes(piece);
        Files.write(fetched.resolve(".diffusion-2d_001000_r0002.vti.part"), Arrays.copyOf(whole, whole.length / 2));
        Files.delete(piece);
        ClusterCli.ok(cli("fetch", id.toString(), fetched.toString()));
        assertSameOutputs(local, fetched);
        assertThat(fetched.resolve(".diffusion-2d_001000_r0002.vti.part")).doesNotExist();
    }

    @Test
    @Order(2)
    void slurmRunOnFourRanksRunsOnTheComputeNodeAndFetchesBitForBit() throws Exception {
        RunId id = submit("slurm", "--ranks", "4", "--set", "grid.cells=[256,256]", "--set", "run.steps=2000", "--set",
                "output.every=500", ClusterCli.SAMPLE.toString());
        ClusterRuns runs = context.runs(id);
        assertThat(runs.status(id).jobId()).isNotBlank();
        ClusterCli.awaitLive(runs, id);
        try (LiveClient live = runs.live(id, "cluster-it")) {
            live.control(Command.PAUSE, 60_000);
            Status status = awaitState(live, RunState.PAUSED);
            // rank 0 serves on the compute node's own address: the tunnel goes login node -> node1
            assertThat(status.ranks()).allSatisfy(rank -> assertThat(rank).contains(" on " + cluster.slurmNode()));
            assertThat(live.preview(PreviewRequest.of("C", 100, 100), 60_000).nx()).isEqualTo(100);
            live.control(Command.RESUME, 60_000);
        }
        RunStatus end = ClusterCli.awaitEnd(runs, id);
        assertThat(end.state()).as(end.describe()).isEqualTo(RunStatus.State.FINISHED);
        Path fetched = tmp.resolve("fetched-slurm");
        ClusterCli.ok(cli("fetch", id.toString(), fetched.toString()));
        Path local = tmp.resolve("local-slurm");
        localRun(local, "--ranks", "4", "--set", "grid.cells=[256,256]", "--set", "run.steps=2000", "--set",
                "output.every=500");
        assertSameOutputs(local, fetched);
        assertThat(Files.readString(fetched.resolve("job.nodes")).strip()).isEqualTo(cluster.slurmNode());
        assertThat(fetched.resolve("stagger-run.endpoint")).doesNotExist();
    }

    @Test
    @Order(3)
    void cancelStopsSlurmAndDirectRunsGracefully() throws Exception {
        // a direct run followed by `stagger run --on` (not detached), cancelled from another terminal
        StringWriter followed = new StringWriter();
        Thread follower = new Thread(() -> StaggerMain.execute(new String[] {"run", "--on", "direct", "--ranks", "2",
                "--set", "run.steps=100000000", ClusterCli.SAMPLE.toString()}, new PrintWriter(followed, true),
                new PrintWriter(new StringWriter(), true), java.io.OutputStream.nullOutputStream(), context));
        follower.start();
        long deadline = System.nanoTime() + ClusterCli.WAIT.toNanos();
        while (!followed.toString().contains("Attached to diffusion-2d") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(followed.toString()).contains("Attached to diffusion-2d");
        RunId followedId = RunId.parse(followed.toString().lines().filter(l -> l.startsWith("Submitted ")).findFirst()
                .orElseThrow().split(" ")[1]);
        ClusterCli.ok(cli("cancel", followedId.toString()));
        follower.join(ClusterCli.WAIT.toMillis());
        assertThat(follower.isAlive()).isFalse();
        assertThat(followed.toString()).contains("stopped (cancelled)");

        for (String profile : List.of("slurm", "direct")) {
            RunId id = submit(profile, "--ranks", "2", "--set", "run.steps=100000000", ClusterCli.SAMPLE.toString());
            ClusterRuns runs = context.runs(id);
            ClusterCli.awaitLive(runs, id);
            Result cancel = cli("cancel", id.toString());
            assertThat(cancel.exit()).as(cancel.all()).isZero();
            RunStatus s = runs.status(id);
            assertThat(s.state()).as(profile + ": " + s.describe()).isEqualTo(RunStatus.State.STOPPED);
            assertThat(s.detail()).isEqualTo("cancelled");
            String left = "";
            for (int i = 0; i < 60; i++) {
                left = cluster.runOnNode(profile.equals("slurm") ? cluster.slurmNode() : "login", "pgrep -u "
                        + cluster.user() + " -f '[r]uns/" + id.name() + "'; true").stdout();
                if (left.isBlank()) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(left).as("processes of the cancelled run").isBlank();
        }
    }

    @Test
    @Order(4)
    void theWalltimeSignalWritesACheckpointAndStops() throws Exception {
        RunId id = submit("slurm", "--ranks", "2", "--set", "run.steps=100000000", ClusterCli.SAMPLE.toString());
        ClusterRuns runs = context.runs(id);
        ClusterCli.awaitLive(runs, id);
        String jobId = runs.status(id).jobId();
        // what Slurm sends before the walltime with --signal=B:USR1@120, sent now
        CommandResult signal = cluster.runAsUser("scancel --batch --signal=USR1 " + jobId);
        assertThat(signal.succeeded()).as(signal.stderr()).isTrue();
        RunStatus end = ClusterCli.awaitEnd(runs, id);
        assertThat(end.state()).as(end.describe()).isEqualTo(RunStatus.State.STOPPED);
        String dir = runs.runDirectory(id);
        assertThat(cluster.runAsUser("ls " + dev.stagger.remote.ssh.ShellQuote.quote(dir)).stdout()).contains("_ckpt_");
        assertThat(cli("logs", id.toString()).out()).contains("walltime is near");
    }

    @Test
    @Order(5)
    void aLostSbatchReplyDoesNotSubmitTwice() throws Exception {
        // an sbatch that submits, then drops the SSH connection before its answer gets out (once)
        CommandResult wrapper = cluster.runAsUser("mkdir -p ~/lostbin && cat > ~/lostbin/sbatch <<'EOF'\n"
                + "#!/bin/bash\n"
                + "out=$(/usr/bin/sbatch \"$@\")\n"
                + "if [ ! -e ~/lost-once ]; then touch ~/lost-once; p=$PPID; while [ \"$p\" -gt 1 ]; do\n"
                + "  c=$(ps -o comm= -p \"$p\"); [ \"$c\" = sshd ] && { kill -9 \"$p\"; sleep 5; exit 0; }\n"
                + "  p=$(ps -o ppid= -p \"$p\" | tr -d ' '); done; fi\n"
                + "echo \"$out\"\n"
                + "EOF\n"
                + "chmod 755 ~/lostbin/sbatch; rm -f ~/lost-once");
        assertThat(wrapper.succeeded()).as(wrapper.stderr()).isTrue();
        // the slurm profile's work root: bundle and mpi.jar are there already
        ClusterCli.ok(cli("cluster", "add", "lossy", "--host", "login", "--ssh-config", cluster.sshConfig().toString(), "--workdir",
                workRoot("slurm"), "--launcher", "slurm", "--partition", cluster.slurmPartition(), "--setup",
                "PATH=\"$HOME/lostbin:$PATH\""));
        Result run = cli("run", "--on", "lossy", "--detach", "--set", "run.steps=50", ClusterCli.SAMPLE.toString());
        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.err()).contains("answer of sbatch was lost");
        RunId id = ClusterCli.lastLineId(run);
        ClusterRuns runs = context.runs(id);
        CommandResult jobs = cluster.runAsUser("squeue -h -o %j; true");
        long named = jobs.stdout().lines().filter(l -> l.strip().equals(id.jobName())).count();
        RunStatus end = ClusterCli.awaitEnd(runs, id);
        assertThat(end.state()).as(end.describe()).isEqualTo(RunStatus.State.FINISHED);
        assertThat(named).isLessThanOrEqualTo(1);
        CommandResult all = cluster.runAsUser("scontrol show job -o | grep -c " + id.jobName() + "; true");
        assertThat(all.stdout().strip()).isEqualTo("1");
    }

    @Test
    @Order(6)
    void hostileNamesAndTitlesAreDataNotCode() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("hostile"));
        Path project = dir.resolve("it's; $(touch PWNED) `touch PWNED2` x.yaml");
        Files.writeString(project, Files.readString(ClusterCli.SAMPLE).replace("title: Diffusion 2D",
                "title: \"a \\\"title\\\"; $(touch PWNED3) 'q'\""));
        Result run = cli("run", "--on", "direct", "--ranks", "2", "--set", "run.steps=20", project.toString());
        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.out()).contains("finished (Done: 20 steps");
        CommandResult found = cluster.runAsUser("find ~ /tmp -name 'PWNED*' 2>/dev/null; true");
        assertThat(found.stdout()).isBlank();
        try (Stream<Path> here = Files.walk(dir)) {
            assertThat(here.filter(p -> p.getFileName().toString().startsWith("PWNED"))).isEmpty();
        }
    }

    @Test
    @Order(6)
    void aProjectsOwnModelFileGoesToTheClusterWithIt() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("own-model/models"));
        Files.writeString(dir.resolve("my-diffusion.yaml"), dev.stagger.engine.model.lang.catalogue.Catalogue
                .text("diffusion-2d.yaml").replace("name: diffusion-eq-2d", "name: my-diffusion"));
        Path project = dir.getParent().resolve("mine.yaml");
        Files.writeString(project, Files.readString(ClusterCli.SAMPLE).replace("  name: diffusion\n",
                "  file: models/my-diffusion.yaml\n"));
        Result run = cli("run", "--on", "direct", "--ranks", "2", "--set", "run.steps=20", project.toString());
        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.out()).contains("finished (Done: 20 steps");

        // a model file outside the project's folder would not resolve the same way there: refused, nothing sent
        Path outside = Files.createDirectories(tmp.resolve("own-model-outside/p"));
        Files.copy(dir.resolve("my-diffusion.yaml"), outside.getParent().resolve("m.yaml"));
        Path far = outside.resolve("far.yaml");
        Files.writeString(far, Files.readString(ClusterCli.SAMPLE).replace("  name: diffusion\n", "  file: ../m.yaml\n"));
        Result refused = cli("run", "--on", "direct", far.toString());
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("lies outside the project's folder", "model: {file: ./m.yaml}");
    }

    @Test
    @Order(7)
    void runsAreFoundAgainWithoutTheLocalCache() throws Exception {
        Result before = cli("runs");
        assertThat(before.out()).contains("direct/diffusion-2d-", "slurm/diffusion-2d-", "finished", "stopped");
        try (Stream<Path> files = Files.walk(dirs.runs())) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
        assertThat(cli("runs").out()).doesNotContain("direct/diffusion-2d-");
        Result again = cli("runs", "--cluster", "direct");
        assertThat(again.exit()).as(again.all()).isZero();
        assertThat(again.out()).contains("direct/diffusion-2d-", "finished");
    }

    @Test
    @Order(8)
    void aClusterWithoutJavaGetsARuntimeOfThisMachinesJava() throws Exception {
        ClusterCli.ok(cli("cluster", "add", "nojava", "--host", "login", "--ssh-config", cluster.sshConfig().toString(), "--workdir",
                workRoot("nojava"), "--java", "/opt/no-such-java/bin/java"));
        Result doctor = cli("cluster", "doctor", "nojava");
        assertThat(doctor.exit()).isEqualTo(1);
        assertThat(doctor.out()).contains("'/opt/no-such-java/bin/java' is missing", "--fix deploys a runtime");
        Result run = cli("run", "--on", "nojava", "--ranks", "1", "--set", "run.steps=30", ClusterCli.SAMPLE.toString());
        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.err()).contains("making a runtime of this machine's Java", "runtime", "deployed");
        assertThat(run.out()).contains("finished (Done: 30 steps");
        assertThat(cluster.runAsUser(workRoot("nojava") + "/runtimes/current/bin/java -version 2>&1").stdout())
                .contains("version \"" + Runtime.version().feature());
    }

    // ---- helpers

    private Result cli(String... args) {
        return new ClusterCli(context).run(args);
    }

    private RunId submit(String profile, String... args) {
        return new ClusterCli(context).submit(profile, args);
    }

    private static Status awaitState(LiveClient live, RunState state) throws Exception {
        long deadline = System.nanoTime() + ClusterCli.WAIT.toNanos();
        Status s = live.status();
        while (s.state() != state && System.nanoTime() < deadline) {
            Thread.sleep(100);
            s = live.status();
        }
        assertThat(s.state()).isEqualTo(state);
        return s;
    }

    /** The same project on this machine through ./stagger, as a user would run it. */
    private static void localRun(Path out, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ClusterCli.ROOT.resolve("stagger").toString(), "run", ClusterCli.SAMPLE.toString(),
                "--out", out.toString(), "--quiet"));
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }

    /** Every VTK file of the local run is in the fetched results, byte for byte. */
    private static void assertSameOutputs(Path local, Path fetched) throws IOException {
        List<Path> outputs;
        try (Stream<Path> files = Files.list(local)) {
            outputs = files.filter(f -> f.toString().matches(".*\\.(vti|pvti|pvd)$")).sorted().toList();
        }
        assertThat(outputs).hasSizeGreaterThan(4);
        for (Path f : outputs) {
            Path other = fetched.resolve(f.getFileName().toString());
            assertThat(other).exists();
            assertThat(Files.mismatch(f, other)).as(f.getFileName().toString()).isEqualTo(-1L);
        }
    }

}
