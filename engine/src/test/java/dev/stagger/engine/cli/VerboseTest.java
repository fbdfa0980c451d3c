package dev.stagger.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --verbose: the same errors with their causes, and the steps of a run as they happen; off again after. */
class VerboseTest {
    @TempDir
    Path tmp;

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize().resolve("sample-projects/diffusion-1d.yaml");

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        StaggerCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void anErrorSaysItsCauseChainOnlyWhenVerbose() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        String plain = run("run", PROJECT.toString(), "--steps", "2", "--out", file.toString())[1];
        assertThat(plain).isEqualTo("stagger: cannot use " + file + " as the output folder: " + file
                + ": it exists and is not a folder\n");
        String verbose = run("run", "--verbose", PROJECT.toString(), "--steps", "2", "--out", file.toString())[1];
        assertThat(verbose).startsWith("stagger: reading " + PROJECT + "\n")
                .contains("stagger: cannot use " + file + " as the output folder: " + file + ": it exists and is not a folder\n"
                        + "stagger:   error: java.nio.file.FileAlreadyExistsException: " + file + "\n");
        // verbose was for that command only
        assertThat(Verbose.on()).isFalse();
        assertThat(run("run", PROJECT.toString(), "--steps", "2", "--out", file.toString())[1]).isEqualTo(plain);
    }

    @Test
    void aVerboseRunSaysWhatItPlannedAndAProgressLinePerHundredth() {
        Path out = tmp.resolve("out");
        String[] r = run("--verbose", "run", PROJECT.toString(), "--steps", "200", "--threads", "1", "--out", out.toString());
        assertThat(r[1]).contains("stagger: planned 1 rank, 1 thread(s) each, time step ")
                .contains(", output to " + out.toAbsolutePath());
        assertThat(r[1].lines().filter(l -> l.contains("step ") && l.contains("ETA")).count()).isGreaterThan(50);
        String[] quiet = run("run", PROJECT.toString(), "--steps", "200", "--threads", "1", "--out", tmp.resolve("o2").toString());
        assertThat(quiet[1]).doesNotContain("planned").doesNotContain("reading");
        assertThat(quiet[1].lines().filter(l -> l.contains("ETA")).count()).isLessThanOrEqualTo(11);
    }

    @Test
    void theChainListsEveryCauseOnceAndOptionsAfterADoubleDashStay() {
        IOException e = new IOException("connect failed", new java.net.ConnectException("Connection refused"));
        assertThat(Verbose.chain(e)).containsExactly("error: java.io.IOException: connect failed",
                "caused by: java.net.ConnectException: Connection refused");
        String[] args = {"run", "p.yaml", "--", "--verbose"};
        assertThat(Verbose.strip(args)).isSameAs(args);
        assertThat(Verbose.on()).isFalse();
        StringWriter w = new StringWriter();
        Verbose.causes(new PrintWriter(w, true), e);
        assertThat(w.toString()).isEmpty();
    }
}
