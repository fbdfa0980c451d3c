package dev.stagger.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.output.VtiReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --restart}, in process: what a damaged or foreign checkpoint gives, and a sound one. */
class RestartCliTest {
    private static final String PROJECT = """
            format: 1
            title: Rod
            grid:
              origin: [0]
              extent: [1]
              cells: [64]
            model:
              name: diffusion
              parameters:
                chi: 1.0
            fields:
              C:
                initial: exp(-((x - 0.5)/0.05)^2)
                boundary:
                  all: {type: dirichlet, value: 0}
            run:
              steps: 10
            output:
              every: 5
            """;

    @TempDir
    Path tmp;

    private Path project;
    private Path checkpoint;
    private Path manifest;

    private record Result(int exit, String out, String err) {}

    private static Result stagger(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StaggerCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    @BeforeEach
    void aRunWithACheckpointAtStep5() throws Exception {
        project = tmp.resolve("rod.yaml");
        Files.writeString(project, PROJECT);
        Result r = stagger("run", project.toString(), "--out", tmp.resolve("first").toString(), "--threads", "1",
                "--checkpoint-every", "5", "-q");
        assertThat(r.exit()).as(r.err()).isZero();
        checkpoint = tmp.resolve("first").resolve("rod_ckpt_000005");
        manifest = checkpoint.resolve("manifest.properties");
        assertThat(Files.readString(manifest)).containsPattern("\nmanifest_sha256 = [0-9a-f]{64}\n$");
    }

    private Result restart(Path projectFile, String... more) {
        String[] args = new String[6 + more.length];
        System.arraycopy(new String[] {"run", projectFile.toString(), "--out", tmp.resolve("again").toString(),
                "--restart", checkpoint.toString()}, 0, args, 0, 6);
        System.arraycopy(more, 0, args, 6, more.length);
        return stagger(args);
    }

    @Test
    void aSoundCheckpointContinuesBitForBit() throws Exception {
        Result r = restart(project, "--threads", "1", "-q");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("warning").doesNotContain("note");
        assertThat(VtiReader.read(tmp.resolve("again").resolve("rod_000010.vti")).values("C"))
                .containsExactly(VtiReader.read(tmp.resolve("first").resolve("rod_000010.vti")).values("C"));
    }

    @Test
    void oneChangedCharacterOfStepOrTimeFailsTheManifestChecksum() throws Exception {
        String text = Files.readString(manifest);
        for (String tampered : new String[] {text.replace("\nstep = 5\n", "\nstep = 4\n"),
                text.replaceFirst("\ntime = (\\d)", "\ntime = 9")}) {
            assertThat(tampered).isNotEqualTo(text);
            Files.writeString(manifest, tampered);
            Result r = restart(project, "-q");
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).contains("stagger: checkpoint " + checkpoint + " is damaged: " + manifest
                    + " fails its checksum: its content does not match its manifest_sha256");
            assertThat(r.err()).doesNotContain("writing output");
        }
    }

    @Test
    void aChangedProjectLineFailsTheChecksumButAnotherProjectNameOfTheSameSetupIsANote() throws Exception {
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.replace("\nproject = rod\n", "\nproject = rox\n"));
        Result r = restart(project, "-q");
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("fails its checksum");

        Files.writeString(manifest, text);
        Path other = tmp.resolve("other.yaml");
        Files.writeString(other, PROJECT);
        r = restart(other, "-q");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("stagger: note: checkpoint " + checkpoint + " was written by project rod, this is"
                + " other; allowed, as model, grid, fields and precision match");
    }

    @Test
    void aCheckpointOfAnotherGridOrPrecisionIsRefusedNamingWhatDiffers() throws Exception {
        Path cells = tmp.resolve("cells.yaml");
        Files.writeString(cells, PROJECT.replace("cells: [64]", "cells: [65]"));
        Result r = restart(cells, "-q");
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("cannot restart from checkpoint " + checkpoint + ": its grid has 64 cells, the "
                + "project's 65");

        Path moved = tmp.resolve("moved.yaml");
        Files.writeString(moved, PROJECT.replace("origin: [0]", "origin: [1]").replace("extent: [1]", "extent: [2]"));
        r = restart(moved, "-q");
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("its grid's origin is [0.0], the project's [1.0]")
                .contains("its grid's extent is [1.0], the project's [2.0]");

        r = restart(project, "--precision", "f32", "-q");
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("it holds f64 values and this run uses f32 (restart with --precision f64)");
    }

    @Test
    void aCheckpointAtOrPastTheLastStepHasNothingToDo() {
        for (String steps : new String[] {"5", "3"}) {
            Result r = restart(project, "--steps", steps, "-q");
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).contains("stagger: the checkpoint " + checkpoint + " is at step 5, at or past this "
                    + "run's last step " + steps + ": nothing to do; raise --steps (or the project's steps or end "
                    + "time) above 5 to continue it");
            assertThat(r.out()).doesNotContain("Done");
        }
    }

    @Test
    void aDamagedRankFileExits2WithoutBlamingTheOutput() throws Exception {
        Path rank = checkpoint.resolve("rank_0000.bin");
        byte[] bytes = Files.readAllBytes(rank);
        bytes[bytes.length / 2] ^= 1;
        Files.write(rank, bytes);
        Result r = restart(project, "-q");
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("checkpoint " + checkpoint + " is damaged: rank_0000.bin fails its checksum")
                .doesNotContain("writing output");
    }

    @Test
    void anOlderCheckpointWithoutManifestChecksumIsReadWithAWarning() throws Exception {
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.replaceAll("manifest_sha256 = .*\n", "")
                .replaceAll("(origin|extent) = .*\n", ""));
        Result r = restart(project, "--threads", "1", "-q");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("stagger: warning: checkpoint " + checkpoint + " has no manifest_sha256 (an older"
                + " Stagger wrote it): its step 5 and time ");
        assertThat(VtiReader.read(tmp.resolve("again").resolve("rod_000010.vti")).values("C"))
                .containsExactly(VtiReader.read(tmp.resolve("first").resolve("rod_000010.vti")).values("C"));
    }
}
