package dev.stagger.remote.cli;

import dev.stagger.engine.cli.RunTarget;
import dev.stagger.engine.cli.StaggerCli;
import dev.stagger.engine.cli.Verbose;
import dev.stagger.remote.config.StaggerDirs;
import dev.stagger.remote.ssh.TerminalPrompter;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * The command line on the user's machine: the engine's commands ({@code run}, {@code attach}, ...)
 * plus the cluster commands of this module ({@code cluster}, {@code run --on}, {@code runs},
 * {@code logs}, {@code cancel}, {@code fetch}); run ids are accepted wherever a local run folder is.
 * On a cluster node the engine's own {@link StaggerCli} runs instead: it needs no SSH.
 */
public final class StaggerMain {
    private StaggerMain() {}

    public static void main(String[] args) {
        int exit;
        try (ClusterContext context = new ClusterContext(StaggerDirs.fromEnvironment(), TerminalPrompter.forThisProcess())) {
            exit = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                    new FileOutputStream(FileDescriptor.out), context);
        }
        System.exit(exit);
    }

    /** Runs the command line with the given streams and context; returns the exit code. */
    public static int execute(String[] given, PrintWriter out, PrintWriter err, OutputStream rawOut, ClusterContext context) {
        // --verbose anywhere on the line: the cause chain of every error and each step as it goes (engine's Verbose)
        String[] args = Verbose.strip(given);
        ClusterRunLocator locator = new ClusterRunLocator(context);
        RunTarget.register(locator);
        try {
            CommandLine cli = command(out, err, rawOut, context);
            if (args.length > 0 && args[0].equals("run")
                    && List.of(args).stream().anyMatch(a -> a.equals("--on") || a.startsWith("--on="))) {
                CommandLine clusterRun = withHelp(new CommandLine(new ClusterRunCommand(context)));
                clusterRun.setOut(out);
                clusterRun.setErr(err);
                clusterRun.setExecutionExceptionHandler(cli.getExecutionExceptionHandler());
                return clusterRun.execute(java.util.Arrays.copyOfRange(args, 1, args.length));
            }
            return cli.execute(args);
        } finally {
            RunTarget.unregister(locator);
            if (args != given) {
                Verbose.off();
            }
        }
    }

    private static CommandLine command(PrintWriter out, PrintWriter err, OutputStream rawOut, ClusterContext context) {
        CommandLine cli = StaggerCli.create(out, err);
        cli.addSubcommand("runs", new CommandLine(new RunsCommand(context)));
        cli.addSubcommand("logs", new CommandLine(new LogsCommand(context, rawOut)));
        cli.addSubcommand("cancel", new CommandLine(new CancelCommand(context)));
        cli.addSubcommand("fetch", new CommandLine(new FetchCommand(context)));
        CommandLine cluster = new CommandLine(new ClusterCommand(context.dirs()));
        cluster.addSubcommand("doctor", new CommandLine(new DoctorCommand(context)));
        cluster.addSubcommand("trust", new CommandLine(new TrustCommand(context)));
        cli.addSubcommand("cluster", cluster);
        cli.getSubcommands().get("run").getCommandSpec().usageMessage().footer(
                "%nOn a cluster: stagger run --on CLUSTER [--ranks N] [--threads N] [--nodes N] [--time HH:MM:SS]"
                + " [--set K=V ...] [--dry-run] [--detach] PROJECT   (stagger run --on X --help for more)");
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.setOut(out);
            sub.setErr(err);
            withHelp(sub);
        }
        return cli;
    }

    /** {@code --help} (and {@code --version}) on every command and subcommand, as on the top level. */
    private static CommandLine withHelp(CommandLine command) {
        if (command.getCommandSpec().optionsMap().get("--help") == null) {
            command.getCommandSpec().mixinStandardHelpOptions(true);
        }
        command.getSubcommands().values().forEach(StaggerMain::withHelp);
        return command;
    }

    /** {@code stagger attach RUN} in this process, with its context (after {@code run --on} submitted). */
    static int attach(String run, PrintWriter out, PrintWriter err, ClusterContext context) {
        return command(out, err, OutputStream.nullOutputStream(), context).execute("attach", run);
    }
}
