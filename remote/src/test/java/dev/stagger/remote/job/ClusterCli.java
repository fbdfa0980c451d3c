package dev.stagger.remote.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.remote.cli.ClusterContext;
import dev.stagger.remote.cli.StaggerMain;
import dev.stagger.remote.ssh.ShellQuote;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line as the cluster-run ITs use it: {@code StaggerMain} in this JVM with a context
 * of the test's own (profiles and registry in temp folders), plus waiting for runs.
 */
public final class ClusterCli {
    public static final Path ROOT = projectRoot();
    public static final Path SAMPLE = ROOT.resolve("sample-projects/diffusion-2d.yaml");
    public static final Duration WAIT = Duration.ofSeconds(120);

    private final ClusterContext context;

    public ClusterCli(ClusterContext context) {
        this.context = context;
    }

    /** What a command printed (the raw output of {@code logs} appended to stdout) and its exit code. */
    public record Result(int exit, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        int exit = StaggerMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), raw, context);
        return new Result(exit, out + raw.toString(StandardCharsets.UTF_8), err.toString());
    }

    public static void ok(Result r) {
        assertThat(r.exit()).as(r.all()).isZero();
    }

    /** {@code run --on PROFILE --detach ARGS}: the run id it printed as its last line. */
    public RunId submit(String profile, String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--on", profile, "--detach"));
        all.addAll(Arrays.asList(args));
        Result r = run(all.toArray(new String[0]));
        ok(r);
        return lastLineId(r);
    }

    public static RunId lastLineId(Result r) {
        List<String> lines = r.out().lines().toList();
        RunId id = RunId.parse(lines.get(lines.size() - 1).strip());
        assertThat(id).as(r.out()).isNotNull();
        return id;
    }

    /** Waits until the run is running and its live server has written its endpoint. */
    public static void awaitLive(ClusterRuns runs, RunId id) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            RunStatus s = runs.status(id);
            assertThat(s.state().isOver()).as(s.describe()).isFalse();
            if (s.state() == RunStatus.State.RUNNING && runs.connection().exec("test -s "
                    + ShellQuote.quote(runs.runDirectory(id) + "/stagger-run.endpoint"), null, Duration.ofSeconds(30)).ok()) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError(id + " did not start within " + WAIT);
    }

    /** The run's state once it has ended, or the last one seen after {@link #WAIT}. */
    public static RunStatus awaitEnd(ClusterRuns runs, RunId id) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        RunStatus s = runs.status(id);
        while (!s.state().isOver() && System.nanoTime() < deadline) {
            Thread.sleep(300);
            s = runs.status(id);
        }
        return s;
    }

    private static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("dev/cluster/start.sh"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("run from inside the Stagger checkout");
        }
        return p;
    }
}
