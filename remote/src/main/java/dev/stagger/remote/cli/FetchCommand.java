package dev.stagger.remote.cli;

import dev.stagger.engine.cli.StaggerCli;
import dev.stagger.remote.job.ClusterRuns;
import dev.stagger.remote.job.RunId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stagger fetch RUN [DIR]}: the run's results over SFTP, resumable, checked by size and SHA-256. */
@Command(name = "fetch", description = "Copy a cluster run's results here (resumable; sizes and checksums verified).")
final class FetchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "the run id (CLUSTER/NAME)", converter = RunIds.class)
    RunId run;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DIR", description = "where to put them (default: ./NAME)")
    Path dir;

    private final ClusterContext context;

    FetchCommand(ClusterContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Path target = dir != null ? dir : Path.of(run.name());
        boolean bar = System.console() != null;
        try {
            List<ClusterRuns.RemoteFile> files = context.runs(run).fetch(run, target, line -> {
                if (bar) {
                    err.print("\r" + line + "\u001b[K");
                } else {
                    err.println(line);
                }
                err.flush();
            });
            if (bar) {
                err.println();
            }
            long bytes = files.stream().mapToLong(ClusterRuns.RemoteFile::size).sum();
            out.printf("Fetched %d files (%.1f MB) of %s into %s, each checked by SHA-256%n", files.size(), bytes / 1e6, run,
                    target);
            return StaggerCli.EXIT_OK;
        } catch (IOException e) {
            if (bar) {
                err.println();
            }
            Failures.report(err, e, run.cluster());
            err.println("stagger: what was copied is kept; run the same command again to resume");
            return StaggerCli.EXIT_FAILED;
        }
    }
}
