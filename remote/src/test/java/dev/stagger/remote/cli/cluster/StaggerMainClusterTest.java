package dev.stagger.remote.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.remote.cli.ClusterContext;
import dev.stagger.remote.cli.StaggerMain;
import dev.stagger.remote.config.StaggerDirs;
import dev.stagger.remote.ssh.Prompter;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster commands are part of the real command line, and use its folders ({@code $XDG_CONFIG_HOME}). */
class StaggerMainClusterTest {
    @TempDir
    Path tmp;

    private record Result(int exit, String out, String err) {}

    private Result stagger(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        StaggerDirs dirs = new StaggerDirs(tmp.resolve("config/stagger"), tmp.resolve("state/stagger"),
                tmp.resolve("home"));
        try (ClusterContext context = new ClusterContext(dirs, Prompter.NONE)) {
            int exit = StaggerMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true),
                    OutputStream.nullOutputStream(), context);
            return new Result(exit, out.toString(), err.toString());
        }
    }

    @Test
    void addListShowAndRemoveThroughTheCommandLine() {
        Result add = stagger("cluster", "add", "hpc1", "--host", "login.hpc1.org", "--launcher", "slurm");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains(tmp.resolve("config/stagger/clusters/hpc1.yaml").toString());
        assertThat(stagger("cluster", "list").out()).contains("hpc1  login.hpc1.org  slurm     ~/stagger");
        assertThat(stagger("cluster", "show", "hpc1").out()).contains("  launcher              slurm");
        Result bad = stagger("cluster", "edit", "hpc1", "--port", "x");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).startsWith("stagger: --port: expected a whole number");
        assertThat(stagger("cluster", "remove", "hpc1").exit()).isZero();
        assertThat(stagger("cluster", "list").out()).contains("No cluster profiles yet");
    }
}
