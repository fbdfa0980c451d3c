package dev.stagger.engine.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code stagger run|validate|models}. Exit codes: 0 success, 1 a failure while
 * running (I/O, the machine, a rank that died), 2 a mistake in the input (project file, options) or an
 * output folder another live run holds, 130 stopped by Ctrl-C (SIGINT), 143 by SIGTERM and 129 by
 * SIGHUP (the terminal closed), each after writing the state reached. {@code --verbose} anywhere on
 * the line (see {@link Verbose}): the cause chain of errors and what each step does.
 */
@Command(name = "stagger", mixinStandardHelpOptions = true, versionProvider = StaggerCli.Version.class,
        description = "Finite-difference simulations on staggered grids.%n"
                + "Run with no command to open the workbench (once it is installed).%n"
                + "--verbose (with any command): the cause of every error, and each step as it happens.",
        subcommands = {RunCommand.class, ValidateCommand.class, EditCommand.class, ModelsCommand.class, BackendsCommand.class,
            AttachCommand.class,
            PreviewCommand.class, RenderCommand.class, ControlCommands.Pause.class, ControlCommands.Resume.class, ControlCommands.Stop.class,
            ControlCommands.Checkpoint.class, CommandLine.HelpCommand.class})
public final class StaggerCli {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INTERRUPTED = 130;
    /** 128 + SIGTERM: the JVM's own status when a SIGTERM ends it, after the run stopped and wrote its state. */
    public static final int EXIT_TERMINATED = 143;
    /** 128 + SIGHUP: as for SIGTERM, when the terminal closes. */
    public static final int EXIT_HANGUP = 129;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        String[] rest = Verbose.strip(args);
        try {
            return create(out, err).execute(rest);
        } catch (StackOverflowError e) {
            // picocli hands only Exceptions to the handler; every input path has its own nesting
            // limit, so this is a bug, and still one line rather than a thousand-line trace
            return internalError(e, err);
        } finally {
            if (rest != args) {
                Verbose.off();
            }
        }
    }

    /**
     * The command line with its engine commands, for front ends that add their own (the remote
     * module adds the cluster commands) before executing it.
     */
    public static CommandLine create(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new StaggerCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> internalError(ex, err));
        return cli;
    }

    /** A bug, not a user mistake: one line, and the trace only when asked for. */
    private static int internalError(Throwable ex, PrintWriter err) {
        err.println("stagger: internal error: " + ex);
        if (System.getenv("STAGGER_DEBUG") != null || Verbose.on()) {
            ex.printStackTrace(err);
        } else {
            err.println("(run with --verbose to see where it happened, and please report it)");
        }
        err.flush();
        return EXIT_FAILED;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return BuildInfo.current().lines().toArray(String[]::new);
        }
    }
}
