package dev.stagger.remote.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** In-place changes: the value changes, everything else in the file stays as the user wrote it. */
class ProfileEditsTest {
    static final String COMMENTED = """
            # my cluster, see the wiki page
            format: 1
            host: hpc1   # the alias in ~/.ssh/config

            # jobs
            launcher: slurm
            slurm:
              partition: debug    # the fast queue
              time: "00:30:00"
            setup:   # modules
              - module load openmpi/4.1   # the MPI we built with
              - module load jdk
            workdir: ~/stagger
            """;

    private static String apply(String text, ProfileEdits edits) throws ProfileException {
        String result = edits.applyTo(text, "p.yaml");
        ProfileReader.parse(result, "p.yaml", "p");
        return result;
    }

    @Test
    void replacesAScalarKeepingCommentsAndLayout() throws ProfileException {
        // (a comment after a value keeps its column where there is room)
        String result = apply(COMMENTED, new ProfileEdits().set(ProfileKey.HOST, "hpc2")
                .set(ProfileKey.SLURM_PARTITION, "long").set(ProfileKey.SLURM_TIME, "02:00:00"));
        assertThat(result).isEqualTo(COMMENTED.replace("host: hpc1   #", "host: hpc2   #")
                .replace("partition: debug    #", "partition: long     #").replace("\"00:30:00\"", "\"02:00:00\""));
    }

    @Test
    void addsMissingKeysAfterTheClosestKeyBeforeThemInTheDocumentedOrder() throws ProfileException {
        String result = apply(COMMENTED, new ProfileEdits().set(ProfileKey.PORT, "2222")
                .set(ProfileKey.SLURM_NODES, "2").set(ProfileKey.SLURM_ACCOUNT, "p1").set(ProfileKey.MPIRUN, "srun"));
        assertThat(result).isEqualTo("""
                # my cluster, see the wiki page
                format: 1
                host: hpc1   # the alias in ~/.ssh/config
                port: 2222

                # jobs
                launcher: slurm
                slurm:
                  partition: debug    # the fast queue
                  account: p1
                  time: "00:30:00"
                  nodes: 2
                setup:   # modules
                  - module load openmpi/4.1   # the MPI we built with
                  - module load jdk
                workdir: ~/stagger
                mpirun: srun
                """);
        // none of the keys before it is there: after the last entry
        assertThat(apply("host: h\nformat: 1\n", new ProfileEdits().unset(ProfileKey.HOST)
                .set(ProfileKey.HOST, "g"))).isEqualTo("format: 1\nhost: g\n");
    }

    @Test
    void addsAMissingSectionWithItsKey() throws ProfileException {
        String text = "format: 1\nhost: h   # login\n";
        assertThat(apply(text, new ProfileEdits().set(ProfileKey.LAUNCHER, "slurm")
                .set(ProfileKey.SLURM_EXTRA, List.of("--mail-type=END", "--x=a b"))))
                .isEqualTo(text + "launcher: slurm\nslurm:\n  extra: [--mail-type=END, --x=a b]\n");
        assertThat(apply("format: 1\nhost: h\nlauncher: slurm\nslurm:   # later\n",
                new ProfileEdits().set(ProfileKey.SLURM_QOS, "low")))
                .isEqualTo("format: 1\nhost: h\nlauncher: slurm\nslurm:   # later\n  qos: low\n");
    }

    @Test
    void replacesABlockListItemByItemAndAFlowListOnItsLine() throws ProfileException {
        String result = apply(COMMENTED, new ProfileEdits().set(ProfileKey.SETUP, List.of("module load a", "b: c")));
        assertThat(result).isEqualTo(COMMENTED.replace("""
                  - module load openmpi/4.1   # the MPI we built with
                  - module load jdk
                """, """
                  - module load a
                  - "b: c"
                """));
        String flow = "format: 1\nhost: h\nsetup: [one]  # short\n";
        assertThat(apply(flow, new ProfileEdits().set(ProfileKey.SETUP, List.of("x", "y"))))
                .isEqualTo("format: 1\nhost: h\nsetup: [x, y] # short\n"); // the comment keeps its column
        assertThat(apply(COMMENTED, new ProfileEdits().set(ProfileKey.SETUP, List.of())))
                .isEqualTo(COMMENTED.replace("""
                        setup:   # modules
                          - module load openmpi/4.1   # the MPI we built with
                          - module load jdk
                        """, "setup: []   # modules\n"));
    }

    @Test
    void fillsInAnEmptyValue() throws ProfileException {
        assertThat(apply("format: 1\nhost: h\nuser:   # who\nsetup:\n", new ProfileEdits().set(ProfileKey.USER, "bob")
                .set(ProfileKey.SETUP, List.of("module load x"))))
                .isEqualTo("format: 1\nhost: h\nuser: bob   # who\nsetup:\n  - module load x\n");
    }

    @Test
    void removesKeysWithTheirLinesAndAnEmptiedSection() throws ProfileException {
        String result = apply(COMMENTED, new ProfileEdits().unset(ProfileKey.SETUP).unset(ProfileKey.SLURM_TIME));
        assertThat(result).isEqualTo(COMMENTED.replace("""
                  time: "00:30:00"
                setup:   # modules
                  - module load openmpi/4.1   # the MPI we built with
                  - module load jdk
                """, ""));
        String withoutSlurm = apply(result, new ProfileEdits().unset(ProfileKey.SLURM_PARTITION)
                .set(ProfileKey.LAUNCHER, "direct"));
        assertThat(withoutSlurm).doesNotContain("slurm:").contains("launcher: direct\nworkdir:");
        assertThat(apply(COMMENTED, new ProfileEdits().unset(ProfileKey.PORT))).isEqualTo(COMMENTED);
    }

    @Test
    void editsAFlowSection() throws ProfileException {
        String text = "format: 1\nhost: h\nlauncher: slurm\nslurm: {partition: debug, nodes: 2}\n";
        assertThat(apply(text, new ProfileEdits().set(ProfileKey.SLURM_NODES, "4").set(ProfileKey.SLURM_QOS, "hi")))
                .endsWith("slurm: {partition: debug, nodes: 4, qos: hi}\n");
        assertThat(apply(text, new ProfileEdits().unset(ProfileKey.SLURM_PARTITION)))
                .endsWith("slurm: {nodes: 2}\n");
        assertThat(apply(text, new ProfileEdits().unset(ProfileKey.SLURM_NODES)))
                .endsWith("slurm: {partition: debug}\n");
    }

    @Test
    void keepsWindowsLineEndings() throws ProfileException {
        String text = "format: 1\r\nhost: h\r\nport: 22\r\n";
        assertThat(apply(text, new ProfileEdits().set(ProfileKey.USER, "u").unset(ProfileKey.PORT)))
                .isEqualTo("format: 1\r\nhost: h\r\nuser: u\r\n");
    }

    @Test
    void startsAnEmptyFile() throws ProfileException {
        assertThat(apply("# to do\n", new ProfileEdits().set(ProfileKey.FORMAT, "1").set(ProfileKey.HOST, "h")))
                .isEqualTo("# to do\nformat: 1\nhost: h\n");
    }

    @Test
    void writesValuesSoTheyReadBackAsGiven() throws ProfileException {
        String result = apply("format: 1\nhost: h\n", new ProfileEdits().set(ProfileKey.USER, "007")
                .set(ProfileKey.WORKDIR, "#scratch").set(ProfileKey.JAVA, "yes"));
        assertThat(result).isEqualTo("format: 1\nhost: h\nuser: \"007\"\nworkdir: \"#scratch\"\njava: \"yes\"\n");
        // a bad number stays text, so the reader says what was given
        assertThatThrownBy(() -> apply("format: 1\nhost: h\n", new ProfileEdits().set(ProfileKey.PORT, "2a")))
                .hasMessage("p.yaml:3:7: port: expected a whole number from 1 to 65535, got the text \"2a\"");
    }

    @Test
    void refusesFilesWithAliases() {
        String text = "format: 1\nhost: &h hpc1\nuser: *h\n";
        assertThatThrownBy(() -> new ProfileEdits().set(ProfileKey.PORT, "22").applyTo(text, "p.yaml"))
                .isInstanceOf(ProfileException.class).hasMessageContaining("anchors and aliases");
    }
}
