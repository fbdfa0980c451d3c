package dev.stagger.engine.distributed.mpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stagger.engine.cli.LauncherProcesses;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.RunStateFile;
import dev.stagger.engine.output.PvdWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 4-rank run whose rank 2 can no longer write (its file-size limit is cut to 1000 bytes while it
 * runs, with {@code prlimit}: its next output piece fails with EFBIG, as a full disk or quota fails
 * a rank with ENOSPC): the job ends promptly, exit 1, the state file records the rank and the
 * reason, and the series keeps only complete outputs (the failed step is not listed).
 */
class MpiRankDiskFullIT {
    @TempDir
    Path tmp;

    @Test
    void aRankThatCannotWriteEndsTheJobAsFailedAndKeepsTheLastCompleteOutput() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/prlimit")), "prlimit (util-linux) is not installed");
        LauncherProcesses processes = new LauncherProcesses(tmp);
        Path project = tmp.resolve("long.yaml");
        Files.writeString(project, "format: 1\ntitle: long\ngrid:\n  origin: [0, 0]\n  extent: [1, 1]\n"
                + "  cells: [64, 64]\nmodel:\n  name: diffusion\nfields:\n  C:\n    initial: exp(-20*((x-0.5)^2 + (y-0.5)^2))\n"
                + "run:\n  steps: 100000000\noutput:\n  every: 500\n");
        Path out = tmp.resolve("out");
        Process job = processes.start("job", "run", project.toString(), "--out", out.toString(), "--ranks", "4",
                "--threads", "1", "-q");
        try {
            Instant deadline = Instant.now().plusSeconds(120);
            // running, with its first complete output written (the series file lists it)
            while (!Files.exists(out.resolve(RunStateFile.FILE_NAME))
                    || RunStateFile.read(out).state() != RunState.RUNNING || !Files.exists(out.resolve("long.pvd"))) {
                assertThat(job.isAlive()).as("the job runs: %s", processes.read("job.err")).isTrue();
                assertThat(Instant.now()).as("the job starts").isBefore(deadline);
                Thread.sleep(100);
            }
            ProcessHandle rank2 = MpiRankFailureIT.rankJvm(job, 2);
            Instant limited = Instant.now();
            Process prlimit = new ProcessBuilder("prlimit", "--pid", Long.toString(rank2.pid()), "--fsize=1000")
                    .redirectErrorStream(true).start();
            assertThat(prlimit.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(prlimit.exitValue()).as(new String(prlimit.getInputStream().readAllBytes())).isZero();

            assertThat(job.waitFor(60, TimeUnit.SECONDS)).as("the job ends promptly").isTrue();
            assertThat(Duration.between(limited, Instant.now())).isLessThan(Duration.ofSeconds(45));
            String err = processes.read("job.err");
            assertThat(job.exitValue()).as(err).isEqualTo(1);
            assertThat(err).contains("stagger: rank 2: writing output to " + out + " failed: cannot write")
                    .contains("File too large").contains("recorded as failed in " + out.resolve(RunStateFile.FILE_NAME))
                    .doesNotContain("\tat ");
            RunStateFile state = RunStateFile.read(out);
            assertThat(state.state()).isEqualTo(RunState.FAILED);
            assertThat(state.message()).contains("rank 2").contains("File too large");

            // every step the series lists is complete: its .pvti and the four pieces are there
            List<PvdWriter.Entry> entries = PvdWriter.read(out.resolve("long.pvd"));
            assertThat(entries).isNotEmpty();
            for (PvdWriter.Entry e : entries) {
                Path pvti = out.resolve(e.file());
                assertThat(pvti).exists();
                for (int r = 0; r < 4; r++) {
                    assertThat(out.resolve(e.file().replace(".pvti", "_r000" + r + ".vti"))).exists().isNotEmptyFile();
                }
            }
        } finally {
            job.descendants().forEach(ProcessHandle::destroyForcibly);
            job.destroyForcibly();
        }
    }
}
