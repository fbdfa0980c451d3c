package dev.stagger.remote.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.remote.cli.ClusterContext;
import dev.stagger.remote.cli.StaggerMain;
import dev.stagger.remote.config.StaggerDirs;
import dev.stagger.remote.ssh.Prompter;
import dev.stagger.remote.testcluster.LoopbackCluster;
import dev.stagger.remote.testcluster.LoopbackClusterExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import dev.stagger.remote.job.ClusterCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code stagger logs RUN --follow} while the connection to the login node is cut, twice: once
 * while a few lines at a time come, once in the middle of a long transfer. The follow picks the
 * connection up again and goes on from the last byte it showed; when the run ends, the bytes it
 * showed are the run's whole log, byte for byte: nothing missing, nothing twice. Then plain
 * {@code logs} of the finished run, and {@code logs} of a run or cluster that does not exist.
 *
 * <p>The engine runs {@code --quiet} in a job, so its own output comes at its start and its end
 * only. What fills the log while the run goes on is the profile's setup line (where a site's
 * {@code module load} would print): numbered ticks, a burst of a million numbered lines (a transfer
 * long enough to be cut), more ticks; then the engine starts. Everything is written before the
 * engine's summary, so the log is complete when the run is over.
 */
@ExtendWith(LoopbackClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FollowLogsIT {
    private static final String WORK_ROOT = "~/stagger-it-" + ProcessHandle.current().pid() + "/follow";
    private static final int TICKS = 40;
    private static final int BURST_LINES = 1_000_000;
    /** Only in the job script (which sets run_dir): the setup lines also prefix the doctor's and submit's commands. */
    private static final String SETUP = "if [ -n \"${run_dir:-}\" ]; then"
            + " for i in $(seq 1 " + TICKS / 2 + "); do echo \"tick $i\"; sleep 0.25; done;"
            + " seq -f 'burst line %07.0f' 1 " + BURST_LINES + ";"
            + " for i in $(seq " + (TICKS / 2 + 1) + " " + TICKS + "); do echo \"tick $i\"; sleep 0.25; done; fi";

    private Path tmp;
    private StaggerDirs dirs;
    private ClusterContext context;
    private LoopbackCluster cluster;
    private RunId followed;
    private byte[] wholeLog;

    @BeforeAll
    void profile(LoopbackCluster cluster) throws IOException {
        this.cluster = cluster;
        System.setProperty("stagger.engine.dir", ClusterCli.ROOT.resolve("engine/target").toString());
        tmp = Files.createTempDirectory("stagger-follow-it");
        dirs = new StaggerDirs(tmp.resolve("config"), tmp.resolve("state"), tmp.resolve("home"));
        context = new ClusterContext(dirs, Prompter.NONE);
        ClusterCli.ok(cli("cluster", "add", "follow", "--host", "login", "--ssh-config", cluster.sshConfig().toString(),
                "--workdir", WORK_ROOT, "--setup", SETUP));
        Result doctor = cli("cluster", "doctor", "follow", "--fix");
        assertThat(doctor.exit()).as(doctor.all()).isZero();
        assertThat(doctor.out()).contains("engine bundle", "All checks passed");
    }

    @AfterAll
    void cleanUp() throws IOException {
        if (context != null) {
            context.close();
        }
        if (cluster != null) {
            cluster.runAsUser("rm -rf " + WORK_ROOT + "; rmdir ~/stagger-it-" + ProcessHandle.current().pid()
                    + " 2>/dev/null; true");
        }
        if (tmp != null) {
            try (Stream<Path> files = Files.walk(tmp)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void followingALogAcrossTwoCutsShowsEveryByteOnce() throws Exception {
        followed = submit("follow", "--set", "run.steps=200", ClusterCli.SAMPLE.toString());
        ClusterRuns runs = context.runs(followed);

        // the follow has a connection of its own, as another `stagger logs` process would
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        StringWriter followOut = new StringWriter();
        StringWriter followErr = new StringWriter();
        AtomicInteger exit = new AtomicInteger(Integer.MIN_VALUE);
        ClusterContext own = new ClusterContext(dirs, Prompter.NONE);
        Thread follower = new Thread(() -> exit.set(StaggerMain.execute(new String[] {"logs", followed.toString(),
                "--follow"}, new PrintWriter(followOut, true), new PrintWriter(followErr, true), shown, own)),
                "logs-follow");
        try {
            follower.start();

            // a cut while the ticks come (most likely between two polls)
            await("the first ticks", follower, followErr, () -> contains(shown, "tick 3\n"));
            assertThat(cluster.cutLoginConnections()).as("sshd processes killed").isPositive();

            // a cut in the middle of a transfer: part of the burst shown, the rest still to come
            await("the burst", follower, followErr, () -> shown.size() > 1_000_000);
            int cutAt = shown.size();
            assertThat(cluster.cutLoginConnections()).as("sshd processes killed").isPositive();
            System.out.printf("FollowLogsIT: second cut after %d bytes had been shown%n", cutAt);

            follower.join(ClusterCli.WAIT.toMillis());
            assertThat(follower.isAlive()).as("the follow still runs: " + followErr).isFalse();
        } finally {
            if (follower.isAlive()) {
                follower.interrupt();
                follower.join(10_000);
            }
            own.close();
        }
        System.out.println("FollowLogsIT: the follow said: " + followErr.toString().strip().replace("\n", "\n  "));
        assertThat(exit.get()).as(followErr.toString()).isZero();
        assertThat(followErr.toString()).contains("run " + followed + " finished");
        assertThat(runs.status(followed).state()).isEqualTo(RunStatus.State.FINISHED);

        ByteArrayOutputStream oneGo = new ByteArrayOutputStream();
        long size = runs.copyLog(followed, 0, oneGo);
        wholeLog = oneGo.toByteArray();
        assertThat(size).isEqualTo(wholeLog.length);
        String text = new String(wholeLog, StandardCharsets.UTF_8);
        assertThat(text).contains("tick " + TICKS + "\n", "Done: 200 steps");

        byte[] got = shown.toByteArray();
        assertSameBytes(got, wholeLog);
        // the same, line by line: every tick and every burst line once, in order
        String seen = new String(got, StandardCharsets.UTF_8);
        assertThat(seen.lines().filter(l -> l.startsWith("tick ")).toList())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, TICKS).mapToObj(i -> "tick " + i).toList());
        List<String> burst = seen.lines().filter(l -> l.startsWith("burst line ")).toList();
        assertThat(burst).hasSize(BURST_LINES);
        for (int i = 0; i < burst.size(); i++) {
            if (!burst.get(i).equals(String.format("burst line %07d", i + 1))) {
                throw new AssertionError("burst line " + (i + 1) + " is '" + burst.get(i) + "'");
            }
        }
    }

    @Test
    @Order(2)
    void logsOfAFinishedRunShowTheWholeLog() {
        assertThat(wholeLog).as("the run and log of the first test").isNotNull();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int exit = StaggerMain.execute(new String[] {"logs", followed.toString()}, new PrintWriter(new StringWriter(),
                true), new PrintWriter(err, true), raw, context);
        assertThat(exit).as(err.toString()).isZero();
        assertSameBytes(raw.toByteArray(), wholeLog);
    }

    @Test
    @Order(3)
    void logsOfARunThatDoesNotExistFailWithAMessage() throws Exception {
        // a cluster that has no such run: said so, not an empty log with exit 0, and --follow does not wait forever
        for (List<String> args : List.of(List.of("logs", "follow/no-such-run"),
                List.of("logs", "follow/no-such-run", "--follow"))) {
            Result r = cliWithin(Duration.ofSeconds(60), args.toArray(new String[0]));
            assertThat(r.exit()).as(args + ": " + r.all()).isNotZero();
            assertThat(r.err()).as(args + ": " + r.all()).contains("no-such-run");
            assertThat(r.all()).doesNotContain("Exception", "\tat ");
        }
        // no profile of that name
        Result r = cli("logs", "cluster/no-such-run");
        assertThat(r.exit()).as(r.all()).isNotZero();
        assertThat(r.err()).contains("no cluster profile named 'cluster'");
        assertThat(r.all()).doesNotContain("Exception", "\tat ");
    }

    // ---- helpers

    private Result cli(String... args) {
        return new ClusterCli(context).run(args);
    }

    private RunId submit(String profile, String... args) {
        return new ClusterCli(context).submit(profile, args);
    }

    /** {@link #cli} in a thread of its own, failing if it has not returned within {@code limit}. */
    private Result cliWithin(Duration limit, String... args) throws InterruptedException {
        Result[] result = new Result[1];
        Thread t = new Thread(() -> result[0] = cli(args), "cli");
        t.start();
        t.join(limit.toMillis());
        if (t.isAlive()) {
            t.interrupt();
            t.join(10_000);
            throw new AssertionError(Arrays.toString(args) + " did not return within " + limit);
        }
        return result[0];
    }

    private static boolean contains(ByteArrayOutputStream bytes, String text) {
        return bytes.toString(StandardCharsets.UTF_8).contains(text);
    }

    /** Waits for {@code condition} while the follow goes on; fails at once if the follow ended. */
    private static void await(String what, Thread follower, StringWriter followErr, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + ClusterCli.WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (!follower.isAlive()) {
                throw new AssertionError("the follow ended before " + what + " came: " + followErr);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not come within " + ClusterCli.WAIT + "; the follow said: " + followErr);
            }
            Thread.sleep(5);
        }
    }

    /** Equal bytes; else where they part, with the text around it (the arrays are megabytes). */
    private static void assertSameBytes(byte[] actual, byte[] expected) {
        int at = Arrays.mismatch(actual, expected);
        if (at < 0) {
            return;
        }
        throw new AssertionError("the log shown (" + actual.length + " bytes) and the whole log (" + expected.length
                + " bytes) differ from byte " + at + ":\n  shown: " + around(actual, at) + "\n  whole: "
                + around(expected, at));
    }

    private static String around(byte[] bytes, int at) {
        int from = Math.max(0, at - 60);
        int to = Math.min(bytes.length, at + 60);
        return "..." + new String(bytes, from, to - from, StandardCharsets.UTF_8).replace("\n", "\\n") + "...";
    }

}
