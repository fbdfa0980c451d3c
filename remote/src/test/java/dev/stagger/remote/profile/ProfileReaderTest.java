package dev.stagger.remote.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.project.Problem;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileReaderTest {
    /** The documented example, every key set. */
    static final String FULL = """
            format: 1
            host: hpc1                    # an alias resolved through the SSH config
            ssh_config: ~/.ssh/config
            user: alice
            port: 22
            identity_file: ~/.ssh/id_ed25519
            known_hosts: ~/.ssh/known_hosts
            proxy_jump: gw1,alice@gw2:2222
            launcher: slurm
            mpi_starter: srun
            slurm:
              partition: debug
              account: proj123
              qos: normal
              time: "01:00:00"
              nodes: 2
              tasks_per_node: 4
              gpus_per_node: 1
              extra: ["--mail-type=END"]
            setup:
              - module load openmpi/4.1
            workdir: $SCRATCH/stagger
            java: /opt/jdk17/bin/java
            mpirun: mpirun
            """;

    static ClusterProfile parse(String yaml) throws ProfileException {
        return ProfileReader.parse(yaml, "hpc1.yaml", "hpc1");
    }

    /** Every problem as printed: {@code hpc1.yaml:3:7: port: ...}. */
    static List<String> problems(String yaml) {
        try {
            parse(yaml);
        } catch (ProfileException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("expected problems, the profile was accepted");
    }

    @Test
    void readsEveryKey() throws ProfileException {
        ClusterProfile p = parse(FULL);
        assertThat(p.name()).isEqualTo("hpc1");
        assertThat(p.host()).isEqualTo("hpc1");
        assertThat(p.sshConfig()).isEqualTo("~/.ssh/config");
        assertThat(p.user()).isEqualTo("alice");
        assertThat(p.port()).isEqualTo(22);
        assertThat(p.identityFile()).isEqualTo("~/.ssh/id_ed25519");
        assertThat(p.knownHosts()).isEqualTo("~/.ssh/known_hosts");
        assertThat(p.proxyJump()).isEqualTo("gw1,alice@gw2:2222");
        assertThat(p.launcher()).isEqualTo(Launcher.SLURM);
        assertThat(p.mpiStarter()).isEqualTo(MpiStarter.SRUN);
        assertThat(p.slurm()).isEqualTo(new SlurmSettings("debug", "proj123", "normal", "01:00:00", 2, 4, 1,
                List.of("--mail-type=END")));
        assertThat(p.slurm().walltime()).contains(Duration.ofHours(1));
        assertThat(p.setup()).containsExactly("module load openmpi/4.1");
        assertThat(p.workdir()).isEqualTo("$SCRATCH/stagger");
        assertThat(p.java()).isEqualTo("/opt/jdk17/bin/java");
        assertThat(p.mpirun()).isEqualTo("mpirun");
    }

    @Test
    void appliesDefaultsToAMinimalProfile() throws ProfileException {
        ClusterProfile p = parse("format: 1\nhost: login.example.org\n");
        assertThat(p.sshConfig()).isEqualTo("~/.ssh/config");
        assertThat(p.user()).isNull();
        assertThat(p.port()).isNull();
        assertThat(p.proxyJump()).isNull();
        assertThat(p.launcher()).isEqualTo(Launcher.DIRECT);
        assertThat(p.mpiStarter()).isEqualTo(MpiStarter.MPIRUN);
        assertThat(p.slurm()).isNull();
        assertThat(p.setup()).isEmpty();
        assertThat(p.workdir()).isEqualTo("~/stagger");
        assertThat(p.java()).isEqualTo("java");
        assertThat(p.mpirun()).isEqualTo("mpirun");
    }

    @Test
    void slurmWithoutABlockHasTheDefaultSettings() throws ProfileException {
        assertThat(parse("format: 1\nhost: h\nlauncher: slurm\n").slurm()).isEqualTo(SlurmSettings.DEFAULTS);
        assertThat(parse("format: 1\nhost: h\nlauncher: slurm\nslurm:\n").slurm()).isEqualTo(SlurmSettings.DEFAULTS);
    }

    @Test
    void unknownKeysAreRejectedAtTheirLineAndColumnWithASuggestion() {
        assertThat(problems("format: 1\nhost: h\nprot: 22\nslurm:\n  partiton: x\nlauncher: slurm\n"))
                .containsExactly(
                        "hpc1.yaml:3:1: prot: unknown key 'prot'; did you mean 'port'? (keys here: format, host,"
                                + " ssh_config, user, port, identity_file, known_hosts, proxy_jump, launcher,"
                                + " mpi_starter, slurm, setup, workdir, java, mpirun)",
                        "hpc1.yaml:5:3: slurm.partiton: unknown key 'partiton'; did you mean 'partition'? (keys here:"
                                + " partition, account, qos, time, nodes, tasks_per_node, gpus_per_node, extra)");
    }

    @Test
    void secretsAreRefusedWithoutRepeatingThem() {
        List<String> problems = problems("format: 1\nhost: h\npassword: hunter2\nslurm:\n  token: abc123\n"
                + "launcher: slurm\nidentity_file: \"-----BEGIN OPENSSH PRIVATE KEY-----\"\n");
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith("hpc1.yaml:3:1: password: a profile never holds secrets: Stagger"
                + " asks for passwords, passphrases and codes when it connects");
        assertThat(problems.get(1)).startsWith("hpc1.yaml:5:3: slurm.token: a profile never holds secrets");
        assertThat(problems.get(2)).startsWith("hpc1.yaml:7:16: identity_file: expected the path of a file, never a"
                + " key itself");
        assertThat(String.join("\n", problems)).doesNotContain("hunter2").doesNotContain("abc123");
    }

    @Test
    void reportsEveryProblemAtOnceInFileOrder() {
        assertThat(problems("""
                format: 1
                host: alice@hpc1
                port: 70000
                user: [alice]
                launcher: SLURM
                slurm:
                  time: "25:00"
                  nodes: 0
                  gpus_per_node: -1
                  extra: ["-p debug", "--partition=x", "--ok"]
                setup:
                  - "module load a\\nrm -rf ~"
                workdir: ""
                known_hosts: known_hosts
                """)).containsExactly(
                "hpc1.yaml:2:7: host: write the user separately (user: NAME), and only the host here",
                "hpc1.yaml:3:7: port: expected a whole number from 1 to 65535, got 70000",
                "hpc1.yaml:4:7: user: expected a user name, got a list",
                "hpc1.yaml:5:11: launcher: expected direct or slurm, got \"SLURM\"",
                "hpc1.yaml:7:9: slurm.time: expected a walltime [D-]HH:MM:SS, such as 01:00:00 or 2-00:00:00,"
                        + " got \"25:00\"",
                "hpc1.yaml:8:10: slurm.nodes: expected a whole number >= 1, got 0",
                "hpc1.yaml:9:18: slurm.gpus_per_node: expected a whole number >= 0, got -1",
                "hpc1.yaml:10:11: slurm.extra[0]: expected an sbatch option starting with --, such as"
                        + " --mail-type=END, got \"-p debug\"",
                "hpc1.yaml:10:23: slurm.extra[1]: --partition has its own key: write slurm.partition instead",
                "hpc1.yaml:12:5: setup[0]: a setup line is one line: no line breaks, NUL or control characters",
                "hpc1.yaml:13:10: workdir: expected a folder, got an empty text",
                "hpc1.yaml:14:14: known_hosts: expected an absolute path or one starting with ~/, got \"known_hosts\"");
    }

    @Test
    void rulesBetweenKeysAreCheckedOnceEachKeyIsFine() {
        assertThat(problems("format: 1\nhost: h\nmpi_starter: srun\nslurm:\n  partition: debug\n")).containsExactly(
                "hpc1.yaml:3:14: mpi_starter: srun starts ranks inside a Slurm job: it needs launcher: slurm (or use"
                        + " mpi_starter: mpirun)",
                "hpc1.yaml:4:1: slurm: Slurm settings are used only with launcher: slurm; set it, or remove the slurm"
                        + " block");
        // other keys' problems do not hide them, a broken launcher does
        assertThat(problems("format: 1\nhost: h\nport: 0\nmpi_starter: srun\n")).hasSize(2);
        assertThat(problems("format: 1\nhost: h\nlauncher: pbs\nmpi_starter: srun\n")).containsExactly(
                "hpc1.yaml:3:11: launcher: expected direct or slurm, got \"pbs\"");
    }

    @Test
    void missingKeysDuplicatesAndANewerFormat() {
        assertThat(problems("user: a\n")).containsExactly("hpc1.yaml:1:1: format: missing required key 'format'",
                "hpc1.yaml:1:1: host: missing required key 'host'");
        assertThat(problems("format: 2\nhost: a\nhost: b\n")).containsExactly(
                "hpc1.yaml:1:9: format: this Stagger reads profile format 1; this file has format 2 (written by a"
                        + " newer Stagger?)",
                "hpc1.yaml:3:1: host: duplicate key 'host'; the first one is on line 2");
    }

    @Test
    void emptyFilesYamlMistakesAndBadNames() {
        assertThat(problems("# nothing yet\n")).containsExactly(
                "hpc1.yaml:1:1: the file is empty; a profile needs at least format: 1 and host: HOST");
        assertThat(problems("format: 1\nhost: [h\n")).singleElement().asString()
                .startsWith("hpc1.yaml:3:1: invalid YAML:");
        assertThat(problems("- format: 1\n")).singleElement().asString()
                .startsWith("hpc1.yaml:1:1: expected a mapping of format, host,");
        for (String bad : List.of("", "-x", ".hidden", "a b", "../etc", "x".repeat(65), "hpc1/x")) {
            try {
                ProfileReader.parse("format: 1\nhost: h\n", "f.yaml", bad);
                throw new AssertionError("accepted the name '" + bad + "'");
            } catch (ProfileException e) {
                assertThat(e.getMessage()).startsWith("f.yaml: ");
            }
        }
    }

    @Test
    void jumpHostsAndWalltimesInTheirSeveralForms() throws ProfileException {
        for (String jump : List.of("none", "gw", "alice@gw:2222", "gw1,bob@gw2", "[fe80::1]:22", "ssh://a@gw:22")) {
            assertThat(parse("format: 1\nhost: h\nproxy_jump: \"" + jump + "\"\n").proxyJump()).isEqualTo(jump);
        }
        assertThat(problems("format: 1\nhost: h\nproxy_jump: gw,\n")).singleElement().asString()
                .contains("jump host \"\": empty");
        assertThat(problems("format: 1\nhost: h\nproxy_jump: gw:99999\n")).singleElement().asString()
                .contains("expected a port from 1 to 65535, got 99999");
        for (String time : List.of("01:00:00", "1:00:00", "2-00:00:00", "100:00:00", "0-23:59:59")) {
            ClusterProfile p = parse("format: 1\nhost: h\nlauncher: slurm\nslurm:\n  time: " + time + "\n");
            assertThat(p.slurm().walltime()).as(time).isPresent();
        }
        assertThat(parse("format: 1\nhost: h\nlauncher: slurm\nslurm:\n  time: 2-01:30:00\n").slurm().walltime())
                .contains(Duration.ofHours(49).plusMinutes(30));
        for (String time : List.of("1:00", "60", "2-24:00:00", "00:00:00", "01:60:00")) {
            assertThat(problems("format: 1\nhost: h\nlauncher: slurm\nslurm:\n  time: \"" + time + "\"\n"))
                    .as(time).singleElement().asString().contains("slurm.time:");
        }
    }
}
