package dev.stagger.remote.cli;

import dev.stagger.engine.cli.StaggerCli;
import dev.stagger.remote.doctor.Check;
import dev.stagger.remote.doctor.Doctor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stagger cluster doctor NAME [--fix]}: the checklist, with a fix for each failure. */
@Command(name = "doctor", description = "Check everything a cluster run needs; --fix does what Stagger can do itself.")
public final class DoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "the cluster profile")
    String name;

    @Option(names = "--fix", description = "deploy the engine bundle and an mpi.jar for the cluster's Open MPI where missing")
    boolean fix;

    private final ClusterContext context;

    public DoctorCommand(ClusterContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.println("Checking cluster " + name + "...");
        out.flush();
        List<Check> checks;
        try {
            checks = new Doctor(context.runs(name)).run(fix, ClusterContext.localMpiJars(), context.dirs().cache().resolve("runtimes"),
                    c -> print(out, c));
        } catch (IOException e) {
            out.println("  FAILED   login: " + e.getMessage());
            return Failures.report(err, e, name);
        }
        long failed = checks.stream().filter(c -> c.outcome() == Check.Outcome.FAILED).count();
        long fixable = checks.stream().filter(Check::fixable).count();
        out.println(failed == 0 ? "All checks passed." : failed + " check(s) failed"
                + (fixable > 0 ? "; " + fixable + " of them Stagger can fix: stagger cluster doctor " + name + " --fix" : "") + ".");
        return failed == 0 ? StaggerCli.EXIT_OK : StaggerCli.EXIT_FAILED;
    }

    private static void print(PrintWriter out, Check c) {
        String mark = switch (c.outcome()) {
            case OK -> "  ok       ";
            case WARNING -> "  warning  ";
            case FAILED -> "  FAILED   ";
            case SKIPPED -> "  skipped  ";
        };
        out.println(mark + c.name() + ": " + c.detail());
        if (c.fix() != null) {
            out.println("           fix: " + c.fix());
        }
        out.flush();
    }
}
