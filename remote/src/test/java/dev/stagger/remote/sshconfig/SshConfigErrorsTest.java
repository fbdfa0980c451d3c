package dev.stagger.remote.sshconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed files fail when loaded, with file:line and what to do, in matching blocks or not (as OpenSSH). */
class SshConfigErrorsTest {
    @TempDir
    Path tempDir;
    ConfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(tempDir);
    }

    private void assertLoadFails(String expected, String... lines) {
        Path config = fx.config(lines);
        assertThatThrownBy(fx::load).as(String.join(" / ", lines)).isInstanceOf(SshConfigException.class)
                .hasMessageContaining(config + ":" + expected)
                .satisfies(e -> assertThat(((SshConfigException) e).location()).isPresent());
    }

    @Test
    void badValuesNameTheFileAndLine() {
        assertLoadFails("3: Port 'abc' is not a port; write a number from 1 to 65535",
                "Host never-used", "  HostName x", "  Port abc");
        assertLoadFails("2: BatchMode 'maybe' is not valid; write yes or no", "Host *", "  BatchMode maybe");
        assertLoadFails("1: StrictHostKeyChecking 'sometimes' is not valid", "StrictHostKeyChecking sometimes");
        assertLoadFails("1: ConnectTimeout '5 minutes' is not a time", "ConnectTimeout \"5 minutes\"");
        assertLoadFails("1: ServerAliveCountMax '-1' is not a whole number", "ServerAliveCountMax -1");
        assertLoadFails("1: HostName takes one value but has 2", "HostName a b");
        assertLoadFails("1: UserKnownHostsFile 'none' must stand alone", "UserKnownHostsFile none ~/.ssh/kh");
        assertLoadFails("1: IdentityAgent '$1x-y' is not a variable name", "IdentityAgent $1x-y");
        assertLoadFails("1: IdentityAgent '${HOME/x' opens ${ without a closing }", "IdentityAgent ${HOME/x");
    }

    @Test
    void badSyntaxNamesTheFileAndLine() {
        assertLoadFails("2: a double quote is not closed", "Host a", "  IdentityFile \"~/.ssh/id");
        assertLoadFails("2: no value after \"HostName\"", "Host a", "  HostName");
        assertLoadFails("1: no value after \"Port\" (only a comment)", "Port # nothing");
        assertLoadFails("1: the line does not start with a keyword", "\"Host\" a");
        assertLoadFails("1: Host has an empty argument", "Host a \"\"");
    }

    @Test
    void badProxyJumpNamesTheFileAndLine() {
        assertLoadFails("2: ProxyJump 'gw:99999': '99999' in 'gw:99999' is not a port (1 to 65535); write "
                + "[user@]host[:port] or ssh://[user@]host[:port], several separated by commas",
                "Host a", "  ProxyJump gw:99999");
        assertLoadFails("1: ProxyJump 'a,,b'", "ProxyJump a,,b");
    }

    @Test
    void connectionAttemptsMustBePositive() throws Exception {
        fx.config("ConnectionAttempts 0");
        assertThatThrownBy(() -> fx.resolve("a")).hasMessageContaining("config:1: ConnectionAttempts must be at "
                + "least 1");
    }

    @Test
    void aConfigOthersCanWriteIsRefused() throws Exception {
        Path config = fx.config("Host a", "  Port 2200");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--rw-"));
        assertThatThrownBy(fx::load).hasMessage("Bad permissions on " + config + ": it is writable by group or "
                + "others, so OpenSSH refuses it and so do we; run: chmod go-w " + config);
    }

    @Test
    void anUnreadableConfigIsAnErrorSayingWhatToDo() throws Exception {
        assumeFalse(fx.uid() == 0, "root reads any file");
        Path config = fx.config("Host a");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("-w-------"));
        assertThatThrownBy(fx::load).hasMessageContaining("Cannot read " + config + ": permission denied");
    }

    @Test
    void aDirectoryInPlaceOfTheConfigIsAnError() throws Exception {
        Files.createDirectories(fx.ssh.resolve("config"));
        assertThatThrownBy(fx::load).isInstanceOf(SshConfigException.class).hasMessageContaining("Cannot read");
    }

    @Test
    void aMissingFileIsAnEmptyConfiguration() throws Exception {
        assertThat(SshConfig.load(fx.ssh.resolve("nothing-here"), fx.env()).resolve("a").hostName())
                .isEqualTo("a");
    }
}
