package dev.stagger.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expressions that used to end in a StackOverflowError trace or a run full of NaN, through the
 * {@code ./stagger} launcher as a user types it: a real JVM with its real main-thread stack.
 */
class ExpressionProblemsIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private record Result(int exit, String out, String err) {}

    private Result stagger(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("stagger").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(tmp.toFile())
                .redirectOutput(tmp.resolve("stdout.txt").toFile())
                .redirectError(tmp.resolve("stderr.txt").toFile())
                .start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(tmp.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    private Path project(String name, String initial, String xLow) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, "format: 1\ntitle: t\ngrid: {origin: [-2, -2], extent: [4, 4], cells: [32, 32]}\n"
                + "model: {name: diffusion}\nfields:\n  C:\n    initial: \"" + initial + "\"\n    boundary:\n"
                + "      x-low: {type: dirichlet, value: \"" + xLow + "\"}\nrun: {steps: 2}\n");
        return file;
    }

    @Test
    void deepExpressionsAreOneLocatedLineAndExitTwo() throws Exception {
        Path parens = project("parens.yaml", "(".repeat(1000) + "x" + ")".repeat(1000), "0");
        Result r = stagger("validate", parens.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("parens.yaml:7:271: fields.C.initial: expression nested deeper than 256 levels;"
                + " simplify it").doesNotContain("StackOverflow").doesNotContain("\tat ");

        Path calls = project("calls.yaml", "1", "sin(".repeat(5000) + "y" + ")".repeat(5000));
        r = stagger("run", calls.toString(), "--out", tmp.resolve("never").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("calls.yaml:9:1064: fields.C.boundary.x-low.value: expression nested deeper than"
                + " 256 levels; simplify it").doesNotContain("StackOverflow").doesNotContain("\tat ");
        assertThat(tmp.resolve("never")).doesNotExist();
    }

    @Test
    void valuesThatAreNotFiniteStopTheRunBeforeItStarts() throws Exception {
        Path file = project("inf.yaml", "exp(1000)", "log(0)");
        Result r = stagger("run", file.toString(), "--out", tmp.resolve("never").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("inf.yaml:7:15: fields.C.initial: not a finite number (value: Infinity)")
                .contains("inf.yaml:9:40: fields.C.boundary.x-low.value: not a finite number (value: -Infinity)")
                .contains("2 problems").doesNotContain("\tat ");
        assertThat(tmp.resolve("never")).doesNotExist();
    }

    @Test
    void aSumOfSevenThousandTermsRuns() throws Exception {
        Path file = project("long.yaml", "exp(-x^2 - y^2)" + " + 1e-4*x*y".repeat(6999), "0");
        Result r = stagger("run", file.toString(), "--out", tmp.resolve("out").toString(), "-q");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Done: 2 steps");
    }
}
