package dev.stagger.remote.cli.cluster;

import dev.stagger.engine.cli.StaggerCli;
import dev.stagger.remote.profile.ProfileEdits;
import dev.stagger.remote.profile.ProfileException;
import dev.stagger.remote.profile.ProfileKey;
import dev.stagger.remote.profile.ProfileStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code stagger cluster edit NAME [options]}: changes the values given in place, keeping the
 * file's comments and layout; with no options, opens the file in the user's editor and checks it
 * afterwards (an invalid result stays in the file, so no typing is lost).
 */
@Command(name = "edit", description = "Change a cluster profile: the values given as options (comments in the file"
        + " are kept), or with no options the whole file in $VISUAL or $EDITOR (else vi), checked afterwards.")
public final class ClusterEditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    ProfileCommandContext cluster;

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "NAME", description = "the profile's name")
    String name;

    @Option(names = "--host", paramLabel = "ALIAS", description = "an alias in the SSH config, or a host name")
    String host;

    @Mixin
    ProfileOptions options;

    @Option(names = "--unset", paramLabel = "KEY",
            description = "remove a key (user, port, slurm.time, slurm, setup, ...) so its default applies; repeatable")
    List<String> unset = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = Commands.err(spec);
        ProfileStore store = cluster.profiles();
        if (!Commands.validName(name, err) || !Commands.exists(store, name, err)) {
            return StaggerCli.EXIT_USAGE;
        }
        Map<ProfileKey, Object> given = options.given();
        if (host == null && given.isEmpty() && unset.isEmpty()) {
            return inEditor(store.file(name));
        }
        Set<ProfileKey> removed = new LinkedHashSet<>();
        for (String key : unset) {
            Optional<ProfileKey> k = unsettable(key, err);
            if (k.isEmpty()) {
                return StaggerCli.EXIT_USAGE;
            }
            removed.add(k.get());
        }
        for (ProfileKey k : removed) {
            if (given.containsKey(k) || (k == ProfileKey.SLURM && given.keySet().stream().anyMatch(g -> g.parent()
                    .isPresent()))) {
                err.println("stagger: --unset " + k.path() + " and a value for it at once; choose one");
                return StaggerCli.EXIT_USAGE;
            }
        }
        ProfileEdits edits = ProfileOptions.edits(host, given);
        removed.forEach(edits::unset);
        List<ProfileKey> set = new ArrayList<>(given.keySet());
        if (host != null) {
            set.add(ProfileKey.HOST);
        }
        return inPlace(store, edits, set, removed);
    }

    private int inPlace(ProfileStore store, ProfileEdits edits, List<ProfileKey> set, Set<ProfileKey> removed) {
        PrintWriter err = Commands.err(spec);
        Path file = store.file(name);
        try {
            store.update(name, edits);
        } catch (ProfileException e) {
            ProblemReport.forOptions(err, e, set, file);
            err.println("stagger: nothing was changed in " + file);
            return StaggerCli.EXIT_USAGE;
        } catch (IOException e) {
            err.println("stagger: " + e.getMessage());
            return StaggerCli.EXIT_FAILED;
        }
        PrintWriter out = Commands.out(spec);
        List<String> changes = new ArrayList<>(set.stream().map(ProfileKey::path).toList());
        removed.forEach(k -> changes.add(k.path() + " removed"));
        out.println("Changed cluster profile '" + name + "' (" + file + "): " + String.join(", ", changes));
        return StaggerCli.EXIT_OK;
    }

    private int inEditor(Path file) {
        PrintWriter err = Commands.err(spec);
        PrintWriter out = Commands.out(spec);
        String before;
        int exit;
        try {
            before = Files.readString(file);
            exit = cluster.editor().edit(file);
        } catch (IOException e) {
            err.println("stagger: cannot open the editor on " + file + ": " + e.getMessage());
            err.println("stagger: set VISUAL or EDITOR to the editor you use");
            return StaggerCli.EXIT_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("stagger: interrupted while the editor was open; " + file + " was not checked");
            return StaggerCli.EXIT_FAILED;
        }
        if (exit != 0) {
            err.println("stagger: the editor exited with code " + exit + "; " + file + " was not checked");
            return StaggerCli.EXIT_FAILED;
        }
        try {
            cluster.profiles().load(name);
        } catch (ProfileException e) {
            ProblemReport.inFile(err, e, file);
            err.println("stagger: your changes are kept in the file; fix them with: stagger cluster edit " + name);
            return StaggerCli.EXIT_USAGE;
        }
        boolean changed;
        try {
            changed = !Files.readString(file).equals(before);
        } catch (IOException e) {
            changed = true;
        }
        out.println(changed ? "Cluster profile '" + name + "' is valid (" + file + ")."
                : "No changes to cluster profile '" + name + "'.");
        return StaggerCli.EXIT_OK;
    }

    /** The key {@code --unset} names: {@code port}, {@code identity-file}, {@code slurm.time} or just {@code time}. */
    private static Optional<ProfileKey> unsettable(String given, PrintWriter err) {
        String path = given.strip().replace('-', '_');
        Optional<ProfileKey> key = ProfileKey.byPath(path).or(() -> ProfileKey.byPath("slurm." + path));
        if (key.isEmpty()) {
            List<String> names = java.util.Arrays.stream(ProfileKey.values()).filter(k -> k != ProfileKey.FORMAT
                    && k != ProfileKey.HOST).map(ProfileKey::path).toList();
            err.println("stagger: --unset " + given + ": no such key; keys: " + String.join(", ", names));
        } else if (key.get() == ProfileKey.FORMAT || key.get() == ProfileKey.HOST) {
            err.println("stagger: --unset " + given + ": a profile needs its " + key.get().path()
                    + (key.get() == ProfileKey.HOST ? "; change it with --host" : ""));
            return Optional.empty();
        }
        return key;
    }
}
