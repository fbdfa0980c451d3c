package dev.stagger.remote.cli;

import dev.stagger.engine.cli.StaggerCli;
import dev.stagger.remote.job.ClusterRuns;
import dev.stagger.remote.job.RunId;
import dev.stagger.remote.job.RunStatus;
import dev.stagger.remote.ssh.ShellQuote;
import dev.stagger.remote.ssh.SshException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stagger logs RUN [--follow]}: the run's log (stdout and stderr of its job), tailed by byte
 * offset, so that after a dropped connection it goes on from the last byte shown: no gap, no repeat.
 */
@Command(name = "logs", description = "Show a cluster run's log; --follow keeps it coming until the run ends.")
final class LogsCommand implements Callable<Integer> {
    private static final long POLL_MILLIS = 1_000;
    private static final long MAX_BACKOFF_MILLIS = 60_000;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "the run id (CLUSTER/NAME)", converter = RunIds.class)
    RunId run;

    @Option(names = {"-f", "--follow"}, description = "keep showing new lines until the run ends (Ctrl-C to leave)")
    boolean follow;

    private final ClusterContext context;
    private final OutputStream out;

    LogsCommand(ClusterContext context, OutputStream out) {
        this.context = context;
        this.out = out;
    }

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        // the offset is what was shown: a transfer cut short has shown part of what it fetched
        Shown shown = new Shown(out);
        boolean found = false;
        long backoff = POLL_MILLIS;
        long lastStatus = 0;
        try {
            while (true) {
                try {
                    ClusterRuns runs = context.runs(run);
                    runs.copyLog(run, shown.count, shown);
                    if (!found) {
                        // no log yet may be a run that has not started, or no run at all
                        if (shown.count == 0 && !exists(runs)) {
                            err.println("stagger: cluster " + run.cluster() + " has no run " + run.name() + " (no folder "
                                    + runs.runDirectory(run) + " there); `stagger runs --cluster " + run.cluster()
                                    + "` lists its runs");
                            return StaggerCli.EXIT_FAILED;
                        }
                        found = true;
                    }
                    if (!follow) {
                        return StaggerCli.EXIT_OK;
                    }
                    backoff = POLL_MILLIS;
                    if (System.nanoTime() - lastStatus > 5_000_000_000L) {
                        lastStatus = System.nanoTime();
                        RunStatus status = runs.status(run);
                        if (status.state().isOver()) {
                            runs.copyLog(run, shown.count, shown);
                            err.println("stagger: run " + run + " " + status.describe());
                            return StaggerCli.EXIT_OK;
                        }
                    }
                } catch (SshException.Unreachable e) {
                    if (!follow) {
                        return Failures.report(err, e, run.cluster());
                    }
                    err.println("stagger: " + e.getMessage() + "; trying again in " + backoff / 1000 + " s");
                    err.flush();
                    backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
                }
                Thread.sleep(backoff);
            }
        } catch (IOException e) {
            return Failures.report(err, e, run.cluster());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StaggerCli.EXIT_INTERRUPTED;
        } finally {
            if (out instanceof PrintStream p) {
                p.flush();
            }
        }
    }

    private boolean exists(ClusterRuns runs) throws SshException {
        return runs.connection().run("[ -d " + ShellQuote.quote(runs.runDirectory(run)) + " ] && echo yes || echo no",
                Duration.ofSeconds(60), "looking for the run " + run).strip().equals("yes");
    }

    /** The output, counting the bytes that reached it. */
    private static final class Shown extends FilterOutputStream {
        long count;

        Shown(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
