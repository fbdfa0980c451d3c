package dev.stagger.remote.sshconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshConfigIncludeTest {
    @TempDir
    Path tempDir;
    ConfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(tempDir);
    }

    @Test
    void relativeIncludesAreTakenFromDotSshAndGlobsAreSorted() throws Exception {
        fx.write("conf.d/20-b.conf", "Host *", "  User from-b", "  Port 2200");
        fx.write("conf.d/10-a.conf", "Host *", "  User from-a");
        fx.write("conf.d/notes.txt", "Host *", "  Port 1");
        fx.config("Include conf.d/*.conf");

        ResolvedHost host = fx.resolve("x");
        assertThat(host.user()).isEqualTo("from-a");
        assertThat(host.port()).isEqualTo(2200);
    }

    @Test
    void absoluteAndHomePathsAndSeveralPerLine() throws Exception {
        Path absolute = fx.write("elsewhere/abs.conf", "Port 2200");
        fx.write("home.conf", "User home");
        fx.config("Include " + absolute + " ~/.ssh/home.conf ~/.ssh/missing/*.conf");

        ResolvedHost host = fx.resolve("x");
        assertThat(host.port()).isEqualTo(2200);
        assertThat(host.user()).isEqualTo("home");
    }

    @Test
    void anIncludeInsideAHostBlockAppliesOnlyWhenTheBlockMatches() throws Exception {
        fx.write("work.conf", "User worker", "Port 2200");
        fx.config(
                "Host work",
                "  Include work.conf",
                "Host *",
                "  User everyone");

        assertThat(fx.resolve("work").user()).isEqualTo("worker");
        assertThat(fx.resolve("work").port()).isEqualTo(2200);
        assertThat(fx.resolve("home").user()).isEqualTo("everyone");
        assertThat(fx.resolve("home").port()).isEqualTo(22);
    }

    @Test
    void hostLinesOfAnIncludedFileEndWithIt() throws Exception {
        fx.write("inc.conf", "Port 2200", "Host never", "  Port 1");
        fx.config(
                "Host a",
                "  Include inc.conf",
                "  User still-in-a",
                "Host b",
                "  Include inc.conf",
                "  User still-in-b");

        ResolvedHost a = fx.resolve("a");
        assertThat(a.port()).isEqualTo(2200);
        assertThat(a.user()).isEqualTo("still-in-a");
        assertThat(fx.resolve("c").port()).as("an included Host cannot switch on a block").isEqualTo(22);
        assertThat(fx.resolve("never").port()).isEqualTo(22);
    }

    @Test
    void includePathsMayUseTokensAndVariables() throws Exception {
        fx.variables.put("SITE", "site1");
        fx.write("hosts/cluster.conf", "HostName login.cluster.example.org");
        fx.write("site1.conf", "Port 2200");
        fx.config("Include hosts/%n.conf ${SITE}.conf");

        assertThat(fx.resolve("cluster").hostName()).isEqualTo("login.cluster.example.org");
        assertThat(fx.resolve("cluster").port()).isEqualTo(2200);
        assertThat(fx.resolve("other").hostName()).isEqualTo("other");
    }

    @Test
    void nestedIncludesWork() throws Exception {
        fx.write("one.conf", "Include two.conf");
        fx.write("two.conf", "Host *", "  Include three.conf");
        fx.write("three.conf", "User deep");
        fx.config("Include one.conf");
        assertThat(fx.resolve("x").user()).isEqualTo("deep");
    }

    @Test
    void includeLoopsAreReportedWhenLoading() {
        fx.write("a.conf", "Include b.conf");
        fx.write("b.conf", "Host x", "  Include a.conf");
        fx.config("Host *", "Include a.conf");

        assertThatThrownBy(fx::load).isInstanceOf(SshConfigException.class)
                .hasMessageContaining("b.conf:2: Include loop");

        fx.config("Include config");
        assertThatThrownBy(fx::load).hasMessageContaining("config:1: Include loop");
    }

    @Test
    void includesNestedMoreThanSixteenDeepAreRefused() {
        for (int i = 1; i <= 17; i++) {
            fx.write("level" + i + ".conf", "Include level" + (i + 1) + ".conf");
        }
        fx.write("level18.conf", "Port 2200");
        fx.config("Include level1.conf");
        assertThatThrownBy(fx::load).hasMessageContaining("level16.conf:1: Includes nest deeper than 16 files");
    }

    @Test
    void sixteenLevelsAreFine() throws Exception {
        for (int i = 1; i <= 15; i++) {
            fx.write("level" + i + ".conf", "Include level" + (i + 1) + ".conf");
        }
        fx.write("level16.conf", "Port 2200");
        fx.config("Include level1.conf");
        assertThat(fx.resolve("x").port()).isEqualTo(2200);
    }

    @Test
    void errorsInIncludedFilesNameThatFileEvenInBlocksThatDoNotMatch() {
        fx.write("bad.conf", "Host y", "  Port twenty");
        fx.config("Host never-matches", "  Include bad.conf");
        assertThatThrownBy(fx::load).hasMessageContaining("bad.conf:2: Port 'twenty' is not a port");
    }

    @Test
    void anIncludedFileOthersCanWriteIsRefused() throws Exception {
        Path shared = fx.write("shared.conf", "Match exec \"anything\"");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));
        fx.config("Include shared.conf");
        assertThatThrownBy(fx::load).hasMessageContaining("Bad permissions on " + shared)
                .hasMessageContaining("chmod go-w");
    }

    @Test
    void matchFinalInAnIncludedFileAsksForTheFinalPass() throws Exception {
        // at the top: an Include after "Host c" would belong to that block, which the final pass (matching
        // Host lines against c.example.org) leaves off
        fx.write("final.conf", "Match final host *.example.org", "  User final");
        fx.config("Include final.conf", "Host c", "  HostName c.example.org");
        assertThat(fx.resolve("c").user()).isEqualTo("final");
    }
}
