package dev.stagger.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.RunStateFile;
import dev.stagger.engine.output.PvdWriter;
import dev.stagger.engine.output.VtiReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./stagger} launcher as a user runs it: a real process, real signals. */
class LauncherIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private Process start(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("stagger").toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(tmp.toFile())
                .redirectOutput(tmp.resolve("stdout.txt").toFile())
                .redirectError(tmp.resolve("stderr.txt").toFile())
                .start();
    }

    private Process startWithoutDisplay(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("stagger").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile())
                .redirectOutput(tmp.resolve("stdout.txt").toFile()).redirectError(tmp.resolve("stderr.txt").toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        return pb.start();
    }

    private String stdout() throws IOException {
        return Files.readString(tmp.resolve("stdout.txt"), StandardCharsets.UTF_8);
    }

    private String stderr() throws IOException {
        return Files.readString(tmp.resolve("stderr.txt"), StandardCharsets.UTF_8);
    }

    @Test
    void runsASampleAndPrintsTheSummary() throws Exception {
        Process p = start("run", ROOT.resolve("sample-projects/diffusion-2d.yaml").toString(), "--steps", "10");
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(stderr()).isZero();
        assertThat(stdout()).contains("Done: 10 steps").contains("T_eff");
        // the JVM's notice about the vector module is filtered, everything else comes through
        assertThat(stderr()).doesNotContain("incubator").contains("step 10/10");
        assertThat(tmp.resolve("diffusion-2d-output/diffusion-2d.pvd")).exists();
    }

    @Test
    void withoutArgumentsAndWithoutADisplayItSaysSoAndPrintsTheHelp() throws Exception {
        Process p = startWithoutDisplay();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(stdout()).contains("Usage: stagger").contains("run").contains("validate").contains("models");
        assertThat(stderr()).contains("needs a display");
    }

    @Test
    void aProjectFileArgumentNeedsTheWorkbenchAndSaysWhatElseToDo() throws Exception {
        Process p = startWithoutDisplay(ROOT.resolve("sample-projects/diffusion-1d.yaml").toString());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(stderr()).contains("opening").contains("diffusion-1d.yaml needs the workbench")
                .contains("stagger validate|run|edit").doesNotContain("Unknown").doesNotContain("Exception");
        Process missing = startWithoutDisplay("no-such-project.yaml");
        assertThat(missing.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(missing.exitValue()).isEqualTo(2);
        assertThat(stderr()).isEqualTo("stagger: no-such-project.yaml: no such project file (to open a project in the"
                + " workbench: stagger FILE.yaml)\n");
    }

    @Test
    void aUserMistakeIsOneMessageAndExitCodeTwo() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "format: 1\ntitle: t\ngrid: {origin: [0], extent: [-1], cells: [10]}\n"
                + "model: {name: diffusion}\nfields: {C: {initial: 1}}\nrun: {steps: 3}\n");
        Process p = start("run", bad.toString());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(stderr()).contains("bad.yaml:3:").contains("grid.extent").doesNotContain("Exception");
    }

    @Test
    void ctrlCStopsAfterTheCurrentStepAndKeepsWhatWasWritten() throws Exception {
        Path out = tmp.resolve("out");
        Process p = start("run", ROOT.resolve("sample-projects/diffusion-2d.yaml").toString(), "--out", out.toString(),
                "--steps", "100000000", "--set", "output.every=200", "--threads", "1");
        Path pvd = out.resolve("diffusion-2d.pvd");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (countVti(out) < 3) {
            assertThat(Instant.now()).as("outputs appear").isBefore(deadline);
            assertThat(p.isAlive()).as("still running").isTrue();
            p.waitFor(50, TimeUnit.MILLISECONDS);
        }
        // what a terminal's Ctrl-C does: SIGINT to the JVM the launcher started
        ProcessHandle java = p.descendants().filter(h -> h.info().command().orElse("").endsWith("java")).findFirst()
                .orElseThrow();
        new ProcessBuilder("kill", "-INT", Long.toString(java.pid())).start().waitFor();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stops promptly").isTrue();
        assertThat(p.exitValue()).isEqualTo(130);
        assertThat(stdout()).contains("Stopped after");
        assertThat(stderr()).doesNotContain("Exception");
        // the series is valid and its last entry is the state where the run stopped
        List<PvdWriter.Entry> entries = PvdWriter.read(pvd);
        Path last = out.resolve(entries.get(entries.size() - 1).file());
        assertThat(VtiReader.read(last).values("C")).hasSize(128 * 128);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.filter(f -> f.getFileName().toString().contains(".tmp"))).isEmpty();
        }
    }

    @Test
    void sigtermToTheLauncherStopsTheRunAfterTheCurrentStepAndRecordsIt() throws Exception {
        Path out = tmp.resolve("out");
        Process p = start("run", ROOT.resolve("sample-projects/diffusion-2d.yaml").toString(), "--out", out.toString(),
                "--steps", "100000000", "--set", "output.every=200", "--threads", "1");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (countVti(out) < 2) {
            assertThat(Instant.now()).as("outputs appear").isBefore(deadline);
            assertThat(p.isAlive()).as("still running").isTrue();
            p.waitFor(50, TimeUnit.MILLISECONDS);
        }
        // what `kill PID`, a scheduler's cancel or a supervisor does: SIGTERM to the launcher (bash) itself
        new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("stops within seconds").isTrue();
        assertThat(p.exitValue()).as(stderr()).isEqualTo(143);
        assertThat(p.descendants().filter(ProcessHandle::isAlive)).as("no JVM left behind").isEmpty();
        assertThat(stdout()).contains("Stopped after");
        assertThat(RunStateFile.read(out).state()).isEqualTo(RunState.STOPPED);
        List<PvdWriter.Entry> entries = PvdWriter.read(out.resolve("diffusion-2d.pvd"));
        Path last = out.resolve(entries.get(entries.size() - 1).file());
        assertThat(VtiReader.read(last).values("C")).hasSize(128 * 128);
    }

    @Test
    void aRunKeepsItsOwnCopyOfTheJarsAndCopiesNobodyUsesAreRemoved() throws Exception {
        Path out = tmp.resolve("out");
        Process p = start("run", ROOT.resolve("sample-projects/diffusion-1d.yaml").toString(), "--out", out.toString(),
                "--steps", "100000000", "--set", "output.every=0", "--threads", "1", "-q");
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (!Files.exists(out.resolve("stagger-run.endpoint"))) {
                assertThat(Instant.now()).as("the run starts").isBefore(deadline);
                assertThat(p.isAlive()).as("still running: " + stderr()).isTrue();
                p.waitFor(50, TimeUnit.MILLISECONDS);
            }
            ProcessHandle java = p.descendants().filter(h -> h.info().command().orElse("").endsWith("java"))
                    .findFirst().orElseThrow();
            String cmdline = Files.readString(Path.of("/proc", Long.toString(java.pid()), "cmdline"));
            Path runs = ROOT.resolve(".stagger-run");
            // the run reads a copy that a rebuild of engine/target does not touch
            assertThat(cmdline).contains(runs.resolve("engine-").toString()).doesNotContain("engine/target");
            // the copy's folder name ends at the next path separator or argument boundary (NUL)
            Path used = runs.resolve(cmdline.substring(cmdline.indexOf(runs.toString()) + runs.toString().length() + 1)
                    .split("[/\\x00:]")[0]);
            Path stale = runs.resolve("engine-1");
            Files.createDirectories(stale);
            Files.writeString(stale.resolve("complete"), "");

            Process models = start("models");
            assertThat(models.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(models.exitValue()).isZero();
            assertThat(stale).as("a copy no process has open is removed").doesNotExist();
            assertThat(used.resolve("complete")).as("the running run's copy stays").exists();
        } finally {
            p.descendants().forEach(ProcessHandle::destroy);
            p.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static long countVti(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".vti")).count();
        }
    }
}
