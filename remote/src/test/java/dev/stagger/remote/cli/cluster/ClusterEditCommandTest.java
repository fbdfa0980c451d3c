package dev.stagger.remote.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stagger cluster edit}: in place with options, or the whole file in an editor. */
class ClusterEditCommandTest {
    private static final String HAND_WRITTEN = """
            # the big machine; ask Jo before changing the account
            format: 1
            host: hpc1          # alias in ~/.ssh/config
            launcher: slurm
            slurm:
              account: proj123  # until March
              time: "00:30:00"
            user: alice
            """;

    @TempDir
    Path tmp;

    private ClusterCli cli;
    private Path file;

    @BeforeEach
    void setUp() throws Exception {
        cli = new ClusterCli(tmp);
        file = cli.profile("hpc1");
        Files.createDirectories(file.getParent());
        Files.writeString(file, HAND_WRITTEN);
    }

    @Test
    void changesValuesInPlaceKeepingComments() throws Exception {
        ClusterCli.Result r = cli.run("cluster", "edit", "hpc1", "--port", "2222", "--time", "02:00:00",
                "--account", "proj456", "--unset", "user");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("Changed cluster profile 'hpc1' (" + file + "): port, slurm.account,"
                + " slurm.time, user removed\n");
        assertThat(Files.readString(file)).isEqualTo("""
                # the big machine; ask Jo before changing the account
                format: 1
                host: hpc1          # alias in ~/.ssh/config
                launcher: slurm
                slurm:
                  account: proj456  # until March
                  time: "02:00:00"
                port: 2222
                """);
    }

    @Test
    void unsetsBySectionAndByPlainSlurmKeyNames() throws Exception {
        assertThat(cli.run("cluster", "edit", "hpc1", "--unset", "time").exit()).isZero();
        assertThat(Files.readString(file)).doesNotContain("time:").contains("account: proj123");
        ClusterCli.Result r = cli.run("cluster", "edit", "hpc1", "--unset", "slurm", "--launcher", "direct");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(file)).doesNotContain("slurm").contains("launcher: direct\nuser: alice\n");
    }

    @Test
    void badValuesChangeNothing() throws Exception {
        ClusterCli.Result r = cli.run("cluster", "edit", "hpc1", "--port", "0", "--mpi-starter", "srunn");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("""
                stagger: --port: expected a whole number from 1 to 65535, got 0
                stagger: --mpi-starter: expected mpirun or srun, got "srunn"
                stagger: nothing was changed in %s
                """.formatted(file));
        assertThat(Files.readString(file)).isEqualTo(HAND_WRITTEN);
        ClusterCli.Result direct = cli.run("cluster", "edit", "hpc1", "--launcher", "direct");
        assertThat(direct.exit()).isEqualTo(2);
        assertThat(direct.err()).startsWith("stagger: --launcher: Slurm settings are used only with launcher: slurm;"
                + " set it, or remove the slurm block (--unset slurm removes them)\n");
        assertThat(Files.readString(file)).isEqualTo(HAND_WRITTEN);
    }

    @Test
    void aFileThatIsNotYamlIsReportedWhereItBreaks() throws Exception {
        Files.writeString(file, "format: 1\nhost: [hpc1\n");
        ClusterCli.Result r = cli.run("cluster", "edit", "hpc1", "--user", "bob");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith(file + ":3:1: invalid YAML: ")
                .endsWith("stagger: nothing was changed in " + file + "\n");
        assertThat(Files.readString(file)).isEqualTo("format: 1\nhost: [hpc1\n");
    }

    @Test
    void refusesUnknownAndRequiredKeysAndContradictions() {
        ClusterCli.Result unknown = cli.run("cluster", "edit", "hpc1", "--unset", "pasword");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("stagger: --unset pasword: no such key; keys: ssh_config, user,");
        assertThat(cli.run("cluster", "edit", "hpc1", "--unset", "host").err())
                .isEqualTo("stagger: --unset host: a profile needs its host; change it with --host\n");
        assertThat(cli.run("cluster", "edit", "hpc1", "--unset", "user", "--user", "bob").err())
                .isEqualTo("stagger: --unset user and a value for it at once; choose one\n");
        assertThat(cli.run("cluster", "edit", "nope", "--user", "bob").err())
                .isEqualTo("stagger: no cluster profile named 'nope'; the profiles are: hpc1\n");
    }

    @Test
    void withNoOptionsOpensTheEditorAndChecksTheResult() throws Exception {
        List<Path> opened = new ArrayList<>();
        cli.editor(f -> {
            opened.add(f);
            Files.writeString(f, Files.readString(f).replace("user: alice", "user: bob"));
            return 0;
        });
        ClusterCli.Result r = cli.run("cluster", "edit", "hpc1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(opened).containsExactly(file);
        assertThat(r.out()).isEqualTo("Cluster profile 'hpc1' is valid (" + file + ").\n");
        cli.editor(f -> 0);
        assertThat(cli.run("cluster", "edit", "hpc1").out()).isEqualTo("No changes to cluster profile 'hpc1'.\n");
    }

    @Test
    void anInvalidEditIsReportedAndKeptInTheFile() throws Exception {
        String broken = HAND_WRITTEN.replace("user: alice", "user: alice\nprot: 22");
        cli.editor(f -> {
            Files.writeString(f, broken);
            return 0;
        });
        ClusterCli.Result r = cli.run("cluster", "edit", "hpc1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith(file + ":9:1: prot: unknown key 'prot'; did you mean 'port'?")
                .contains("stagger: 1 problem in " + file + "\n")
                .endsWith("stagger: your changes are kept in the file; fix them with: stagger cluster edit hpc1\n");
        assertThat(Files.readString(file)).isEqualTo(broken);
    }

    @Test
    void anEditorThatFailsLeavesTheFileUnchecked() {
        cli.editor(f -> 1);
        ClusterCli.Result failed = cli.run("cluster", "edit", "hpc1");
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.err()).isEqualTo("stagger: the editor exited with code 1; " + file + " was not checked\n");
        cli.editor(f -> {
            throw new java.io.IOException("Cannot run program \"nano\": error=2, No such file or directory");
        });
        ClusterCli.Result missing = cli.run("cluster", "edit", "hpc1");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("stagger: set VISUAL or EDITOR to the editor you use");
    }
}
