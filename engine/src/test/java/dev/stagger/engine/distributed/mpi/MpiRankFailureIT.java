package dev.stagger.engine.distributed.mpi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.cli.LauncherProcesses;
import dev.stagger.engine.live.RunEndpoint;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.RunStateFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 4-rank {@code ./stagger run --ranks 4} under real mpirun whose rank dies (SIGKILL): the job ends
 * within seconds, the {@code --ranks} parent exits 1 (not mpirun's 137) and the state file records
 * the failure with the rank, instead of "running" for ever. While it runs, the folder is its alone.
 */
class MpiRankFailureIT {
    private static final Path ROOT = LauncherProcesses.ROOT;

    @TempDir
    Path tmp;

    private Process start(String name, String... args) throws IOException {
        return new LauncherProcesses(tmp).start(name, args);
    }

    private String read(String file) throws IOException {
        return new LauncherProcesses(tmp).read(file);
    }

    /** The rank's JVM among the job's processes (Open MPI tells each rank its number in its environment). */
    static ProcessHandle rankJvm(Process job, int rank) throws IOException {
        for (ProcessHandle h : job.descendants().toList()) {
            if (!h.info().command().orElse("").endsWith("java")) {
                continue;
            }
            byte[] environ;
            try {
                environ = Files.readAllBytes(Path.of("/proc", Long.toString(h.pid()), "environ"));
            } catch (IOException gone) {
                continue;
            }
            if (new String(environ, StandardCharsets.UTF_8).contains("\0OMPI_COMM_WORLD_RANK=" + rank + "\0")) {
                return h;
            }
        }
        throw new AssertionError("no JVM of rank " + rank + " among " + job.descendants().toList());
    }

    @Test
    void aKilledRankEndsTheJobAsFailedNamingTheRankAndExitCodeOne() throws Exception {
        Path project = tmp.resolve("long.yaml");
        Files.writeString(project, "format: 1\ntitle: long\ngrid:\n  origin: [0, 0]\n  extent: [1, 1]\n"
                + "  cells: [64, 64]\nmodel:\n  name: diffusion\nfields:\n  C:\n    initial: exp(-20*((x-0.5)^2 + (y-0.5)^2))\n"
                + "run:\n  steps: 100000000\noutput:\n  every: 0\n");
        Path out = tmp.resolve("out");
        Process job = start("job", "run", project.toString(), "--out", out.toString(), "--ranks", "4", "--threads", "1",
                "-q");
        try {
            Instant deadline = Instant.now().plusSeconds(120);
            while (!Files.exists(out.resolve(RunStateFile.FILE_NAME))
                    || RunStateFile.read(out).state() != RunState.RUNNING) {
                assertThat(job.isAlive()).as("the job runs: %s", read("job.err")).isTrue();
                assertThat(Instant.now()).as("the job starts").isBefore(deadline);
                Thread.sleep(100);
            }
            long launcherJvm = job.descendants().filter(h -> h.info().command().orElse("").endsWith("java"))
                    .filter(h -> h.parent().map(p -> p.pid() == job.pid()).orElse(false)).findFirst().orElseThrow().pid();

            // a second run into the job's folder is refused: the --ranks parent holds it for the whole job
            Process intruder = start("intruder", "run", project.toString(), "--out", out.toString(), "--steps", "5", "-q");
            assertThat(intruder.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(intruder.exitValue()).as(read("intruder.err")).isEqualTo(2);
            assertThat(read("intruder.err")).contains(out + " already has a live run (pid " + launcherJvm + ", ");
            assertThat(RunEndpoint.read(out).runDirectory()).isEqualTo(out);

            ProcessHandle victim = rankJvm(job, 2);
            Instant killed = Instant.now();
            new ProcessBuilder("kill", "-KILL", Long.toString(victim.pid())).start().waitFor();
            assertThat(job.waitFor(30, TimeUnit.SECONDS)).as("the job ends promptly").isTrue();
            assertThat(Duration.between(killed, Instant.now())).isLessThan(Duration.ofSeconds(15));
            assertThat(job.exitValue()).as(read("job.err")).isEqualTo(1);

            RunStateFile state = RunStateFile.read(out);
            assertThat(state.state()).isEqualTo(RunState.FAILED);
            assertThat(state.message()).contains("rank 2").contains("signal 9");
            assertThat(read("job.err")).contains("stagger: rank 2 on ").contains("was killed by signal 9")
                    .contains("recorded as failed in " + out.resolve(RunStateFile.FILE_NAME));

            // and a client is told so, not "running"
            Process attach = start("attach", "attach", out.toString());
            assertThat(attach.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(read("attach.err")).contains("its state file says failed").contains("rank 2");
        } finally {
            job.descendants().forEach(ProcessHandle::destroyForcibly);
            job.destroyForcibly();
        }
    }
}
