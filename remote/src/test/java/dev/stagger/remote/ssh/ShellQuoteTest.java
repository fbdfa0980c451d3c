package dev.stagger.remote.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellQuoteTest {
    private static final List<String> HOSTILE = List.of("plain", "with space", "it's", "\"double\"", "$(touch PWNED)",
            "`touch PWNED`", "a; touch PWNED", "semi;colon", "new\nline", "back\\slash", "*", "~", "$HOME", "", "-n",
            "x=1", "!bang", "tab\there", "ünïcödé");

    @Test
    void everyArgumentComesBackAsDataThroughARealShell(@TempDir Path dir) throws Exception {
        // sh prints each argument on a line of its own, NUL-terminated; nothing may be executed
        String command = "printf '%s\\0' " + ShellQuote.command(HOSTILE);
        Process p = new ProcessBuilder("/bin/sh", "-c", command).directory(dir.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String[] parts = new String(out, java.nio.charset.StandardCharsets.UTF_8).split("\0", -1);
        assertThat(List.of(parts).subList(0, HOSTILE.size())).containsExactlyElementsOf(HOSTILE);
        assertThat(Files.exists(dir.resolve("PWNED"))).isFalse();
    }

    @Test
    void plainWordsStayReadable() {
        assertThat(ShellQuote.quote("sbatch")).isEqualTo("sbatch");
        assertThat(ShellQuote.quote("--parsable")).isEqualTo("--parsable");
        assertThat(ShellQuote.quote("/home/a b")).isEqualTo("'/home/a b'");
        assertThat(ShellQuote.quote("x=1")).isEqualTo("'x=1'");
    }

    @Test
    void workRootsKeepTheirLeadingVariableOrTilde() {
        assertThat(ShellQuote.path("~/stagger runs")).isEqualTo("\"$HOME\"/'stagger runs'");
        assertThat(ShellQuote.path("$SCRATCH/stagger")).isEqualTo("\"${SCRATCH}\"/stagger");
        assertThat(ShellQuote.path("${WORK}/x;y")).isEqualTo("\"${WORK}\"'/x;y'");
        assertThat(ShellQuote.path("/abs/$(x)")).isEqualTo("'/abs/$(x)'");
        assertThatThrownBy(() -> ShellQuote.path("${A$(x)}/y")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nulIsRefused() {
        assertThatThrownBy(() -> ShellQuote.quote("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }
}
