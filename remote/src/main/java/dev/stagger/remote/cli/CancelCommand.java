package dev.stagger.remote.cli;

import dev.stagger.engine.cli.StaggerCli;
import dev.stagger.remote.job.RunId;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stagger cancel RUN}: a graceful stop through the run first, then the scheduler or a kill. */
@Command(name = "cancel", description = "Cancel a cluster run: graceful stop first (final output written), then scancel or kill.")
final class CancelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "the run id (CLUSTER/NAME)", converter = RunIds.class)
    RunId run;

    private final ClusterContext context;

    CancelCommand(ClusterContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        try {
            String result = context.runs(run).cancel(run, line -> {
                err.println("stagger: " + line);
                err.flush();
            });
            out.println(result);
            return StaggerCli.EXIT_OK;
        } catch (IOException e) {
            return Failures.report(err, e, run.cluster());
        }
    }
}
