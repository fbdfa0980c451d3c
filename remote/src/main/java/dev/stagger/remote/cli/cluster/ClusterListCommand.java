package dev.stagger.remote.cli.cluster;

import dev.stagger.engine.cli.StaggerCli;
import dev.stagger.remote.profile.ClusterProfile;
import dev.stagger.remote.profile.ProfileException;
import dev.stagger.remote.profile.ProfileStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code stagger cluster list}: one line per profile, broken ones included (and said to be). */
@Command(name = "list", description = "List the cluster profiles.")
public final class ClusterListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    ProfileCommandContext cluster;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() {
        PrintWriter out = Commands.out(spec);
        ProfileStore store = cluster.profiles();
        List<String> names;
        try {
            names = store.list();
        } catch (IOException e) {
            Commands.err(spec).println("stagger: cannot list " + store.directory() + ": " + e.getMessage());
            return StaggerCli.EXIT_FAILED;
        }
        if (names.isEmpty()) {
            out.println("No cluster profiles yet (they go in " + store.directory() + ").");
            out.println("Add one with: stagger cluster add NAME --host HOST");
            return StaggerCli.EXIT_OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "HOST", "LAUNCHER", "WORKDIR"});
        List<String> invalid = new ArrayList<>();
        for (String name : names) {
            try {
                ClusterProfile p = store.load(name);
                rows.add(new String[] {name, p.host(), p.launcher().label(), p.workdir()});
            } catch (ProfileException e) {
                // one broken file must not hide the others
                rows.add(new String[] {name, "(invalid)", "", ""});
                invalid.add(name);
            }
        }
        printTable(out, rows);
        out.println();
        for (String name : invalid) {
            out.println("Profile '" + name + "' has problems; see them with: stagger cluster show " + name);
        }
        out.println("Profiles live in " + store.directory());
        return StaggerCli.EXIT_OK;
    }

    private static void printTable(PrintWriter out, List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(c == row.length - 1 ? row[c] : String.format("%-" + (widths[c] + 2) + "s", row[c]));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
