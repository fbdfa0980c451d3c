package dev.stagger.remote.cli.cluster;

import dev.stagger.engine.cli.StaggerCli;
import dev.stagger.remote.profile.ClusterProfile;
import dev.stagger.remote.profile.ProfileEdits;
import dev.stagger.remote.profile.ProfileException;
import dev.stagger.remote.profile.ProfileKey;
import dev.stagger.remote.profile.ProfileReader;
import dev.stagger.remote.profile.ProfileStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code stagger cluster add NAME --host HOST [options]}: writes a new profile. */
@Command(name = "add", description = "Add a cluster profile: how to reach a cluster and start runs on it.%n"
        + "Anything not given comes from the SSH config (user, port, keys, jump hosts) or has a default.")
public final class ClusterAddCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    ProfileCommandContext cluster;

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "NAME", description = "the profile's name (letters, digits, . _ -), e.g. hpc1")
    String name;

    @Option(names = "--host", required = true, paramLabel = "ALIAS",
            description = "an alias in the SSH config, or a host name")
    String host;

    @Mixin
    ProfileOptions options;

    @Option(names = "--force", description = "replace a profile of that name (its comments too)")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = Commands.out(spec);
        PrintWriter err = Commands.err(spec);
        if (!Commands.validName(name, err)) {
            return StaggerCli.EXIT_USAGE;
        }
        ProfileStore store = cluster.profiles();
        Path file = store.file(name);
        boolean replacing = store.exists(name);
        if (replacing && !force) {
            err.println("stagger: a cluster profile named '" + name + "' exists already (" + file + ")");
            err.println("stagger: change it with: stagger cluster edit " + name + " ..., or replace it with --force");
            return StaggerCli.EXIT_USAGE;
        }
        Map<ProfileKey, Object> given = options.given();
        List<ProfileKey> keys = new ArrayList<>(given.keySet());
        keys.add(ProfileKey.HOST);
        ClusterProfile profile;
        try {
            // the options become a profile text first, so they are checked by the very rules a file is
            ProfileEdits edits = ProfileOptions.edits(host, given);
            String text = edits.applyTo("format: " + ClusterProfile.FORMAT + "\n", "options");
            profile = ProfileReader.parse(text, "options", name);
        } catch (ProfileException e) {
            ProblemReport.forOptions(err, e, keys, null);
            err.println("stagger: nothing was written");
            return StaggerCli.EXIT_USAGE;
        }
        try {
            store.save(profile);
        } catch (ProfileException e) {
            ProblemReport.forOptions(err, e, keys, null);
            return StaggerCli.EXIT_USAGE;
        } catch (IOException e) {
            err.println("stagger: " + e.getMessage());
            return StaggerCli.EXIT_FAILED;
        }
        out.println((replacing ? "Replaced" : "Wrote") + " cluster profile '" + name + "': " + file);
        out.println("Check it with: stagger cluster doctor " + name);
        return StaggerCli.EXIT_OK;
    }
}
