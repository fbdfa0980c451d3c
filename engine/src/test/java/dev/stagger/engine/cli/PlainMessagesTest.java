package dev.stagger.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages that name the reason, not only the place: bad project paths, unusable output folders, crowded cores. */
class PlainMessagesTest {
    @TempDir
    Path tmp;

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize().resolve("sample-projects/diffusion-1d.yaml");

    private String run(String... args) {
        StringWriter err = new StringWriter();
        StaggerCli.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        return err.toString();
    }

    @Test
    void aProjectThatIsNotAFileIsCalledWhatItIs() throws Exception {
        Path dangling = Files.createSymbolicLink(tmp.resolve("link.yaml"), tmp.resolve("gone.yaml"));
        assertThat(run("validate", tmp.toString())).isEqualTo("stagger: " + tmp
                + ": a folder, not a project file; give the project's .yaml file\n");
        assertThat(run("validate", "/dev/null")).isEqualTo(
                "stagger: /dev/null: not a regular file (a device, pipe or socket), so not a project file\n");
        assertThat(run("validate", dangling.toString())).isEqualTo("stagger: " + dangling + ": a symbolic link to "
                + tmp.resolve("gone.yaml") + ", which does not exist\n");
        assertThat(run("validate", tmp.resolve("none.yaml").toString())).isEqualTo("stagger: " + tmp.resolve("none.yaml")
                + ": no such project file\n");
    }

    @Test
    void anOutputFolderThatCannotBeMadeSaysWhy() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        assertThat(run("run", PROJECT.toString(), "--steps", "2", "--out", file.toString())).isEqualTo(
                "stagger: cannot use " + file + " as the output folder: " + file + ": it exists and is not a folder\n");
        Path under = file.resolve("out");
        assertThat(run("run", PROJECT.toString(), "--steps", "2", "--out", under.toString()))
                .isEqualTo("stagger: cannot use " + under + " as the output folder: " + under + ": Not a directory\n");
        assertThat(run("run", PROJECT.toString(), "--steps", "2", "--out", "/proc/stagger-out"))
                .isEqualTo("stagger: cannot use /proc/stagger-out as the output folder: /proc/stagger-out: its folder"
                        + " exists but takes no new entries (a system folder such as /proc or /sys?)\n");
    }

    @Test
    void moreThreadsThanCoresIsWarnedAbout() {
        assertThat(Oversubscription.warning(2, 1, 2)).isNull();
        assertThat(Oversubscription.warning(65, 1, 2)).isEqualTo("stagger: warning: 65 ranks x 1 thread(s) = 65 threads"
                + " on 2 cores; they take turns, and the job will likely be slower than with fewer --ranks or --threads");
    }

    @Test
    void mpirunsReportNamesTheRankAndWhy() throws Exception {
        MpiJobReport killed = new MpiJobReport();
        killed.write(("--------------------------------------------------------------------------\n"
                + "mpirun noticed that process rank 2 with PID 0 on node vm exited on signal 9 (Killed).\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(killed.failure()).isEqualTo("rank 2 on vm was killed by signal 9 (Killed)");

        MpiJobReport exited = new MpiJobReport();
        exited.write(("mpirun detected that one or more processes exited with non-zero status, thus causing\n"
                + "the job to be terminated. The first process to do so was:\n\n  Process name: [[19126,1],3]\n"
                + "  Exit code:    3\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(exited.failure()).isEqualTo("rank 3 exited with code 3");

        MpiJobReport own = new MpiJobReport();
        own.write(("stagger: rank 1 on vm failed: java.lang.IllegalStateException: boom\n"
                + "MPI_ABORT was invoked on rank 1 in communicator MPI_COMM_WORLD\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(own.failure()).isEqualTo("rank 1 on vm failed: java.lang.IllegalStateException: boom");
        assertThat(own.rankSaidSo()).isTrue();
        assertThat(killed.rankSaidSo()).isFalse();
        assertThat(new MpiJobReport().failure()).isNull();
    }
}
