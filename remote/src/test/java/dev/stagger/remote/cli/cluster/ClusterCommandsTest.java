package dev.stagger.remote.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stagger cluster add|list|show|remove}, in process, on a temporary config folder. */
class ClusterCommandsTest {
    @TempDir
    Path tmp;

    private ClusterCli cli;

    @BeforeEach
    void setUp() {
        cli = new ClusterCli(tmp);
    }

    private static void assertNoTrace(ClusterCli.Result r) {
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void addWritesAReadableProfileAndSaysWhatToDoNext() throws Exception {
        ClusterCli.Result r = cli.run("cluster", "add", "hpc1", "--host", "hpc1", "--user", "alice", "--launcher",
                "slurm", "--mpi-starter", "srun", "--partition", "debug", "--time", "01:00:00", "--sbatch-option",
                "--mail-type=END", "--setup", "module load openmpi/4.1", "--setup", "module load jdk/17",
                "--workdir", "$SCRATCH/stagger");
        assertThat(r.exit()).as(r.err()).isZero();
        Path file = cli.profile("hpc1");
        assertThat(file).startsWith(tmp.resolve("config/stagger/clusters"));
        assertThat(r.out()).isEqualTo("Wrote cluster profile 'hpc1': " + file + "\n"
                + "Check it with: stagger cluster doctor hpc1\n");
        assertThat(Files.readString(file)).startsWith("# Stagger cluster profile 'hpc1'.").endsWith("""
                format: 1
                host: hpc1
                # overrides of what the SSH config says
                user: alice
                launcher: slurm
                mpi_starter: srun
                slurm:
                  partition: debug
                  time: "01:00:00"
                  extra: [--mail-type=END]
                # shell lines run before the engine
                setup:
                  - module load openmpi/4.1
                  - module load jdk/17
                workdir: $SCRATCH/stagger
                """);
    }

    @Test
    void addRefusesAnExistingNameUnlessForced() {
        assertThat(cli.run("cluster", "add", "hpc1", "--host", "a").exit()).isZero();
        ClusterCli.Result again = cli.run("cluster", "add", "hpc1", "--host", "b");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("stagger: a cluster profile named 'hpc1' exists already")
                .contains("--force");
        ClusterCli.Result forced = cli.run("cluster", "add", "hpc1", "--host", "b", "--force");
        assertThat(forced.exit()).isZero();
        assertThat(forced.out()).startsWith("Replaced cluster profile 'hpc1'");
        assertThat(cli.run("cluster", "show", "hpc1").out()).contains("  host                  b\n");
    }

    @Test
    void addReportsBadValuesUnderTheirOptionsAndWritesNothing() {
        ClusterCli.Result r = cli.run("cluster", "add", "hpc1", "--host", "alice@hpc1", "--port", "70000",
                "--mpi-starter", "srun", "--nodes", "two", "--sbatch-option=-p x", "--identity-file", "id_rsa");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("""
                stagger: --host: write the user separately (user: NAME), and only the host here
                stagger: --port: expected a whole number from 1 to 65535, got 70000
                stagger: --identity-file: expected an absolute path or one starting with ~/, got "id_rsa"
                stagger: --nodes: expected a whole number >= 1, got the text "two"
                stagger: --sbatch-option: expected an sbatch option starting with --, such as --mail-type=END, got "-p x"
                stagger: nothing was written
                """);
        assertThat(cli.profile("hpc1")).doesNotExist();
        ClusterCli.Result rules = cli.run("cluster", "add", "hpc1", "--host", "h", "--mpi-starter", "srun",
                "--partition", "debug");
        assertThat(rules.err()).contains("stagger: --mpi-starter: srun starts ranks inside a Slurm job",
                "stagger: --partition: Slurm settings are used only with launcher: slurm");
        assertNoTrace(rules);
    }

    @Test
    void addRefusesBadNamesAndMissingHosts() {
        ClusterCli.Result name = cli.run("cluster", "add", "../x", "--host", "h");
        assertThat(name.exit()).isEqualTo(2);
        assertThat(name.err()).startsWith("stagger: '../x' cannot be a profile name");
        ClusterCli.Result host = cli.run("cluster", "add", "x");
        assertThat(host.exit()).isEqualTo(2);
        assertThat(host.err()).contains("Missing required option: '--host=ALIAS'");
    }

    @Test
    void listShowsATableAndSaysWhereProfilesLive() throws Exception {
        ClusterCli.Result empty = cli.run("cluster", "list");
        assertThat(empty.exit()).isZero();
        assertThat(empty.out()).contains("No cluster profiles yet").contains("stagger cluster add NAME --host HOST");
        cli.run("cluster", "add", "hpc1", "--host", "login.hpc1.org", "--launcher", "slurm");
        cli.run("cluster", "add", "box", "--host", "box", "--workdir", "/data/stagger");
        Files.writeString(cli.profile("broken"), "format: 1\nhost: h\nprot: 1\n");
        ClusterCli.Result r = cli.run("cluster", "list");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("""
                NAME    HOST            LAUNCHER  WORKDIR
                box     box             direct    /data/stagger
                broken  (invalid)
                hpc1    login.hpc1.org  slurm     ~/stagger

                Profile 'broken' has problems; see them with: stagger cluster show broken
                Profiles live in %s
                """.formatted(cli.dirs().clusters()));
    }

    @Test
    void showPrintsEveryValueInEffectAndTheFile() {
        cli.run("cluster", "add", "hpc1", "--host", "hpc1", "--port", "2222", "--launcher", "slurm", "--qos", "low");
        ClusterCli.Result r = cli.run("cluster", "show", "hpc1");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("""
                Cluster profile 'hpc1' (%s)
                  host                  hpc1
                  ssh_config            ~/.ssh/config
                  user                  (from the SSH config)
                  port                  2222
                  identity_file         (from the SSH config)
                  known_hosts           (from the SSH config)
                  proxy_jump            (from the SSH config)
                  launcher              slurm
                  mpi_starter           mpirun
                  slurm.partition       (not set)
                  slurm.account         (not set)
                  slurm.qos             low
                  slurm.time            (not set)
                  slurm.nodes           1
                  slurm.tasks_per_node  (from the run's ranks)
                  slurm.gpus_per_node   0
                  slurm.extra           (none)
                  setup                 (none)
                  workdir               ~/stagger
                  java                  java
                  mpirun                mpirun
                """.formatted(cli.profile("hpc1")));
    }

    @Test
    void showNamesTheProblemsOfABrokenFileAndMissingProfiles() throws Exception {
        cli.run("cluster", "add", "ok", "--host", "h");
        Files.writeString(cli.profile("bad"), "format: 1\nhost: h\nport: 0\npassword: x\n");
        ClusterCli.Result r = cli.run("cluster", "show", "bad");
        assertThat(r.exit()).isEqualTo(2);
        Path file = cli.profile("bad");
        assertThat(r.err()).startsWith(file + ":3:7: port: expected a whole number from 1 to 65535, got 0\n"
                + file + ":4:1: password: a profile never holds secrets")
                .contains("stagger: 2 problems in " + file + "\n")
                .endsWith("stagger: fix it with: stagger cluster edit bad\n");
        ClusterCli.Result missing = cli.run("cluster", "show", "nope");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("stagger: no cluster profile named 'nope'; the profiles are: bad, ok\n");
    }

    @Test
    void removeDeletesOnlyTheProfile() throws Exception {
        cli.run("cluster", "add", "hpc1", "--host", "h");
        Files.createDirectories(cli.dirs().runs());
        Path run = Files.writeString(cli.dirs().runs().resolve("hpc1-run.json"), "{}");
        ClusterCli.Result r = cli.run("cluster", "remove", "hpc1");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Removed cluster profile 'hpc1'").contains("stay in the run registry");
        assertThat(cli.profile("hpc1")).doesNotExist();
        assertThat(run).exists();
        ClusterCli.Result again = cli.run("cluster", "remove", "hpc1");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("no cluster profile named 'hpc1'; add one with:");
    }

    @Test
    void clusterAloneAsksForASubcommand() {
        ClusterCli.Result r = cli.run("cluster");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required subcommand").contains("add").contains("remove");
        ClusterCli.Result help = cli.run("cluster", "add", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--sbatch-option=OPT").contains("--tasks-per-node=N");
    }
}
