package dev.stagger.remote.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileWriterTest {

    @Test
    void writesACommentedFileWithOnlyTheKeysThatAreSet() {
        ClusterProfile p = ClusterProfile.builder("hpc1", "hpc1").user("alice").launcher(Launcher.SLURM)
                .slurm(new SlurmSettings("debug", null, null, "01:00:00", 1, 4, 0, List.of("--mail-type=END")))
                .setup(List.of("module load openmpi/4.1")).build();
        assertThat(ProfileWriter.toYaml(p)).isEqualTo("""
                # Stagger cluster profile 'hpc1'.
                # No secrets belong here: passwords, passphrases and one-time codes are asked for
                # when Stagger connects. Check the profile with: stagger cluster doctor hpc1
                # Change it with: stagger cluster edit hpc1 (your comments are kept).
                format: 1
                host: hpc1
                # overrides of what the SSH config says
                user: alice
                launcher: slurm
                slurm:
                  partition: debug
                  time: "01:00:00"
                  tasks_per_node: 4
                  extra: [--mail-type=END]
                # shell lines run before the engine
                setup:
                  - module load openmpi/4.1
                workdir: ~/stagger
                """);
    }

    @Test
    void roundTripsEveryKey() throws ProfileException {
        ClusterProfile full = ProfileReaderTest.parse(ProfileReaderTest.FULL);
        assertThat(ProfileReader.parse(ProfileWriter.toYaml(full), "hpc1.yaml", "hpc1")).isEqualTo(full);
    }

    @Test
    void quotesWhatWouldNotReadBackAsTheSameText() throws ProfileException {
        ClusterProfile tricky = ClusterProfile.builder("odd", "h").user("123").launcher(Launcher.SLURM)
                .slurm(new SlurmSettings("a,b", "yes", null, "1:00:00", 1, null, 0,
                        List.of("--comment=a, b", "--mail-user=x@y [z]", "--x=#y")))
                .setup(List.of("export A=\"b c\" # note", "echo ${X}: done", "- dash", "true", "~", "'q'", "@at"))
                .workdir("~/stagger runs").java("java: 17").build();
        String yaml = ProfileWriter.toYaml(tricky);
        assertThat(yaml).contains("user: \"123\"", "account: \"yes\"", "time: \"1:00:00\"");
        assertThat(ProfileReader.parse(yaml, "odd.yaml", "odd")).isEqualTo(tricky);
    }
}
