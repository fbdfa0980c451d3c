package dev.stagger.remote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.live.LocalRunIndex;
import dev.stagger.engine.live.RunEndpoint;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.RunStateFile;
import dev.stagger.remote.config.StaggerDirs;
import dev.stagger.remote.ssh.Prompter;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `stagger runs` lists this machine's runs by their own records, and never calls a vanished run "running". */
class RunsCommandTest {

    @Test
    void localRunsShowWhatTheirStateFilesSay(@TempDir Path tmp) throws Exception {
        StaggerDirs dirs = new StaggerDirs(tmp.resolve("config"), tmp.resolve("state/stagger"), tmp.resolve("home"));
        LocalRunIndex index = new LocalRunIndex(dirs.state().resolve("local-runs"));
        Path done = Files.createDirectories(tmp.resolve("done"));
        new RunStateFile(RunState.FINISHED, 100, 1.0, Instant.now(), "Done: 100 steps").write(done);
        index.record(done, "done", Instant.parse("2026-11-29T10:00:00Z"));
        Path vanished = Files.createDirectories(tmp.resolve("vanished"));
        new RunStateFile(RunState.RUNNING, 5, 0.1, Instant.now(), "").write(vanished);
        // an endpoint whose process is long gone (pid beyond any pid_max)
        new RunEndpoint("127.0.0.1", 1, "t", 1, 99_999_999L, Instant.now(), "vanished", vanished).write();
        index.record(vanished, "vanished", Instant.parse("2026-11-29T11:00:00Z"));
        Path removed = Files.createDirectories(tmp.resolve("removed"));
        index.record(removed, "removed", Instant.now());
        Files.delete(removed);

        StringWriter out = new StringWriter();
        try (ClusterContext context = new ClusterContext(dirs, Prompter.NONE)) {
            int exit = StaggerMain.execute(new String[] {"runs"}, new PrintWriter(out, true),
                    new PrintWriter(new StringWriter(), true), OutputStream.nullOutputStream(), context);
            assertThat(exit).isZero();
        }
        String listing = out.toString();
        assertThat(listing).contains(done + " ", "finished", "Done: 100 steps");
        assertThat(listing).contains(vanished.toString(), "unknown", "its process is gone");
        assertThat(listing).doesNotContain("removed").doesNotContain(" running ");
        assertThat(listing.indexOf(vanished.toString())).isLessThan(listing.indexOf(done.toString()));
    }
}
