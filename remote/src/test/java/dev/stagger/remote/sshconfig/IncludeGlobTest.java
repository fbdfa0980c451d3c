package dev.stagger.remote.sshconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludeGlobTest {

    @Test
    void fnmatchRules() {
        assertThat(IncludeGlob.matches("*.conf", "a.conf")).isTrue();
        assertThat(IncludeGlob.matches("*.conf", "a.conf.bak")).isFalse();
        assertThat(IncludeGlob.matches("*", ".hidden")).as("a leading dot needs a dot").isFalse();
        assertThat(IncludeGlob.matches(".*", ".hidden")).isTrue();
        assertThat(IncludeGlob.matches("host?", "host1")).isTrue();
        assertThat(IncludeGlob.matches("[a-c]x", "bx")).isTrue();
        assertThat(IncludeGlob.matches("[!a-c]x", "bx")).isFalse();
        assertThat(IncludeGlob.matches("[]]x", "]x")).isTrue();
        assertThat(IncludeGlob.matches("[x", "[x")).as("an unclosed [ is literal").isTrue();
        assertThat(IncludeGlob.matches("a\\*", "a*")).isTrue();
        assertThat(IncludeGlob.matches("a\\*", "ab")).isFalse();
    }

    @Test
    void findsExistingFilesSortedThroughWildcardDirectories(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("one"));
        Files.createDirectories(dir.resolve("two"));
        Files.createDirectories(dir.resolve("two/sub.conf"));
        Files.writeString(dir.resolve("two/b.conf"), "");
        Files.writeString(dir.resolve("one/a.conf"), "");
        Files.writeString(dir.resolve("one/c.conf"), "");
        Files.writeString(dir.resolve("one/.d.conf"), "");
        Files.writeString(dir.resolve("one/e.txt"), "");

        assertThat(IncludeGlob.expand(dir + "/*/*.conf")).containsExactly(dir.resolve("one/a.conf"),
                dir.resolve("one/c.conf"), dir.resolve("two/b.conf"));
        assertThat(IncludeGlob.expand(dir + "/one/e.txt")).containsExactly(dir.resolve("one/e.txt"));
        assertThat(IncludeGlob.expand(dir + "/one/missing")).isEmpty();
        assertThat(IncludeGlob.expand(dir + "/none/*")).isEmpty();
    }
}
