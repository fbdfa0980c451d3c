package dev.stagger.remote.sshconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShellMatchExecTest {

    @BeforeEach
    void needsAShell() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh here");
    }

    @Test
    void theExitStatusDecides() throws Exception {
        MatchExecRunner shell = MatchExecRunner.shell(Duration.ofSeconds(5));
        assertThat(shell.succeeds("true")).isTrue();
        assertThat(shell.succeeds("exit 3")).isFalse();
        assertThat(shell.succeeds("test -d / && echo this output is discarded")).isTrue();
    }

    @Test
    void aCommandThatHangsIsStoppedAndReported() {
        MatchExecRunner shell = MatchExecRunner.shell(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThatThrownBy(() -> shell.succeeds("sleep 30")).isInstanceOf(IOException.class)
                .hasMessageContaining("did not finish within");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void theCurrentEnvironmentIsComplete() {
        SshEnvironment env = SshEnvironment.current();
        assertThat(env.localUser()).isNotBlank();
        assertThat(env.localHost()).isNotBlank();
        assertThat(env.localHostShort()).doesNotContain(".");
        assertThat(env.userConfig()).isEqualTo(env.home().resolve(".ssh").resolve("config"));
    }
}
