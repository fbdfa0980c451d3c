package dev.stagger.remote.cli.cluster;

import dev.stagger.engine.cli.StaggerCli;
import dev.stagger.remote.cli.ClusterCommand;
import dev.stagger.remote.config.StaggerDirs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The command line as StaggerMain wires the cluster commands (the engine's commands plus
 * {@code cluster}, streams set on every subcommand), on folders under a test's temporary folder
 * ({@code $XDG_CONFIG_HOME} = {@code tmp/config}) and with a scripted editor.
 */
final class ClusterCli {
    record Result(int exit, String out, String err) {}

    private final StaggerDirs dirs;
    private FileEditor editor = file -> {
        throw new AssertionError("no editor expected");
    };

    ClusterCli(Path tmp) {
        dirs = new StaggerDirs(tmp.resolve("config/stagger"), tmp.resolve("state/stagger"), tmp.resolve("home"));
    }

    ClusterCli editor(FileEditor value) {
        editor = value;
        return this;
    }

    StaggerDirs dirs() {
        return dirs;
    }

    Path profile(String name) {
        return dirs.clusters().resolve(name + ".yaml");
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        CommandLine cli = StaggerCli.create(o, e);
        cli.addSubcommand(new ClusterCommand(dirs, editor));
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.setOut(o);
            sub.setErr(e);
        }
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
