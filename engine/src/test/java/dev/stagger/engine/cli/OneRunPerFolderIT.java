package dev.stagger.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.live.RunEndpoint;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.RunStateFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two {@code ./stagger run}s into one output folder, started at the same moment: one runs, one is refused. */
class OneRunPerFolderIT {
    private static final Path ROOT = LauncherProcesses.ROOT;

    @TempDir
    Path tmp;

    private Process start(String name, String... args) throws IOException {
        return new LauncherProcesses(tmp).start(name, args);
    }

    private String read(String file) throws IOException {
        return new LauncherProcesses(tmp).read(file);
    }

    @Test
    void twoRunsStartedAtOnceIntoOneFolderExactlyOneRunsTheOtherIsToldWhy() throws Exception {
        Path out = tmp.resolve("out");
        String[] args = {"run", ROOT.resolve("sample-projects/diffusion-1d.yaml").toString(), "--out", out.toString(),
            "--steps", "100000000", "--set", "output.every=0", "--threads", "1", "-q"};
        Process a = start("a", args);
        Process b = start("b", args);
        try {
            Instant deadline = Instant.now().plusSeconds(120);
            while (a.isAlive() && b.isAlive()) {
                assertThat(Instant.now()).as("one of them is refused").isBefore(deadline);
                Thread.sleep(50);
            }
            Process refused = a.isAlive() ? b : a;
            Process running = a.isAlive() ? a : b;
            String refusedName = refused == a ? "a" : "b";
            assertThat(refused.exitValue()).as(read(refusedName + ".err")).isEqualTo(2);
            assertThat(read(refusedName + ".err")).contains("stagger: " + out + " already has a live run (pid ")
                    .contains("project " + ROOT.resolve("sample-projects/diffusion-1d.yaml"))
                    .contains("wait for it to end or stop it (./stagger stop " + out
                            + "), or give this run another folder with --out DIR")
                    .doesNotContain("Exception");
            assertThat(read(refusedName + ".out")).as("the refused run did not start").doesNotContain("Running");
            // the folder is the survivor's alone: its endpoint names the survivor's JVM
            while (!Files.exists(out.resolve(RunEndpoint.FILE_NAME))) {
                assertThat(Instant.now()).as("the run starts").isBefore(deadline);
                assertThat(running.isAlive()).isTrue();
                Thread.sleep(50);
            }
            long javaPid = running.descendants().filter(h -> h.info().command().orElse("").endsWith("java"))
                    .findFirst().orElseThrow().pid();
            assertThat(RunEndpoint.read(out).pid()).isEqualTo(javaPid);

            Process stop = start("stop", "stop", out.toString());
            assertThat(stop.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(running.exitValue()).isZero();
            assertThat(RunStateFile.read(out).state()).isEqualTo(RunState.STOPPED);

            // once the run is over the folder takes a new one
            Process again = start("c", "run", ROOT.resolve("sample-projects/diffusion-1d.yaml").toString(), "--out",
                    out.toString(), "--steps", "5", "-q");
            assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(again.exitValue()).as(read("c.err")).isZero();
        } finally {
            for (Process p : List.of(a, b)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }
}
