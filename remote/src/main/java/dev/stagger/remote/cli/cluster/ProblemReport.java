package dev.stagger.remote.cli.cluster;

import dev.stagger.engine.project.Problem;
import dev.stagger.remote.profile.ProfileException;
import dev.stagger.remote.profile.ProfileKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Prints a profile's problems so the user can act on each: where it is, and what to do. */
final class ProblemReport {
    private ProblemReport() {}

    /** Problems of a file as it is on disk: each at {@code file:line:column}, then a count. */
    static void inFile(PrintWriter err, ProfileException e, Path file) {
        e.problems().forEach(err::println);
        err.println("stagger: " + count(e.problems()) + " in " + file);
    }

    /**
     * Problems of values given as options: a problem about a key that an option set is told under
     * that option ({@code stagger: --port: expected ...}); others (keys already in the file) by
     * their key, without a position, since they refer to the changed text nobody has seen.
     * Problems whose source is {@code file} itself point into the file as it is and print whole.
     */
    static void forOptions(PrintWriter err, ProfileException e, Collection<ProfileKey> given, Path file) {
        // in the profile's key order, as the options are listed: positions in a text nobody saw mean nothing
        List<Problem> problems = e.problems().stream().sorted(Comparator.comparingInt(
                (Problem p) -> keyOf(p.keyPath()).map(Enum::ordinal).orElse(Integer.MAX_VALUE))).toList();
        for (Problem p : problems) {
            Optional<ProfileKey> key = keyOf(p.keyPath());
            String option = key.filter(given::contains).map(ProfileOptions::optionFor).orElse(null);
            String hint = "";
            if (option == null && key.orElse(null) == ProfileKey.SLURM) {
                // the Slurm block is nobody's option: blame whichever option made it a problem
                option = given.contains(ProfileKey.LAUNCHER) ? "--launcher" : given.stream()
                        .filter(k -> k.parent().isPresent()).findFirst().map(ProfileOptions::optionFor).orElse(null);
                hint = file != null ? " (--unset slurm removes them)" : "";
            }
            if (option != null) {
                err.println("stagger: " + option + ": " + p.message() + hint);
            } else if (file != null && p.source().equals(file.toString())) {
                err.println(p);
            } else {
                String where = file == null ? "" : file + ": ";
                err.println("stagger: " + where + (p.keyPath().isEmpty() ? "" : p.keyPath() + ": ") + p.message());
            }
        }
    }

    static String count(List<Problem> problems) {
        return problems.size() + (problems.size() == 1 ? " problem" : " problems");
    }

    /** {@code setup[2]} and {@code slurm.extra[0]} are about {@code setup} and {@code slurm.extra}. */
    private static Optional<ProfileKey> keyOf(String path) {
        int bracket = path.indexOf('[');
        return ProfileKey.byPath(bracket < 0 ? path : path.substring(0, bracket));
    }
}
