package dev.stagger.remote.cli.cluster;

import dev.stagger.engine.cli.StaggerCli;
import dev.stagger.remote.profile.ProfileException;
import dev.stagger.remote.profile.ProfileStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code stagger cluster remove NAME}: deletes the profile's file; the registry of runs is left alone. */
@Command(name = "remove", description = "Remove a cluster profile. Runs started on it stay in the run registry.")
public final class ClusterRemoveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    ProfileCommandContext cluster;

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "NAME", description = "the profile's name")
    String name;

    @Override
    public Integer call() {
        PrintWriter err = Commands.err(spec);
        ProfileStore store = cluster.profiles();
        if (!Commands.validName(name, err) || !Commands.exists(store, name, err)) {
            return StaggerCli.EXIT_USAGE;
        }
        Path file = store.file(name);
        try {
            store.remove(name);
        } catch (IOException | ProfileException e) {
            err.println("stagger: cannot remove " + file + ": " + e.getMessage());
            return StaggerCli.EXIT_FAILED;
        }
        Commands.out(spec).println("Removed cluster profile '" + name + "' (" + file + ").");
        Commands.out(spec).println("Runs started on it stay in the run registry.");
        return StaggerCli.EXIT_OK;
    }
}
