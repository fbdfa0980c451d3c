package dev.stagger.remote.cli.cluster;

import dev.stagger.remote.profile.ProfileNames;
import dev.stagger.remote.profile.ProfileStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** What the cluster subcommands share: their streams and the checks of a profile name. */
final class Commands {
    private Commands() {}

    /**
     * The root command's streams: picocli gives subcommands added after the streams were set
     * (as the remote module's are) System.out and System.err, which tests and the workbench's
     * console would not see.
     */
    static PrintWriter out(CommandSpec spec) {
        return spec.root().commandLine().getOut();
    }

    static PrintWriter err(CommandSpec spec) {
        return spec.root().commandLine().getErr();
    }

    /** False, with the reason printed, when {@code name} cannot be a profile name. */
    static boolean validName(String name, PrintWriter err) {
        Optional<String> problem = ProfileNames.problem(name);
        problem.ifPresent(message -> err.println("stagger: " + message));
        return problem.isEmpty();
    }

    /** False, with what there is instead, when profile {@code name} does not exist (the name must be valid). */
    static boolean exists(ProfileStore store, String name, PrintWriter err) {
        if (store.exists(name)) {
            return true;
        }
        err.println("stagger: no cluster profile named '" + name + "'" + others(store));
        return false;
    }

    private static String others(ProfileStore store) {
        List<String> names;
        try {
            names = store.list();
        } catch (IOException e) {
            return "";
        }
        return names.isEmpty() ? "; add one with: stagger cluster add NAME --host HOST"
                : "; the profiles are: " + String.join(", ", names);
    }
}
