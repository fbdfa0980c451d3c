package dev.stagger.remote.cli;

import dev.stagger.engine.cli.StaggerCli;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The command line on the user's machine: the engine's commands ({@code run}, {@code attach}, ...)
 * plus the cluster commands of this module. On a cluster node the engine's own
 * {@link StaggerCli} runs instead: it needs no SSH.
 */
public final class StaggerMain {
    private StaggerMain() {}

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = StaggerCli.create(out, err);
        return cli.execute(args);
    }
}
