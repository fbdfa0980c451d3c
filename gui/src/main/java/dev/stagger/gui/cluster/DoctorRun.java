package dev.stagger.gui.cluster;

import dev.stagger.remote.cli.ClusterContext;
import dev.stagger.remote.doctor.Check;
import dev.stagger.remote.doctor.Doctor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The cluster doctor as the profile editor runs it: each check as it completes, one line with its
 * outcome and, below it, the fix; whether any problem is one Stagger can fix itself (deploy
 * {@code mpi.jar} or a Java runtime). Runs on a background thread (it connects).
 */
final class DoctorRun {
    private final List<Check> checks = new ArrayList<>();

    /** Runs the doctor on {@code cluster}, applying the fixes Stagger can make when {@code fix}; each check goes to {@code each}. */
    List<Check> run(ClusterContext context, String cluster, boolean fix, Consumer<String> each) throws IOException {
        checks.clear();
        return new Doctor(context.runs(cluster)).run(fix, ClusterContext.localMpiJars(),
                context.dirs().cache().resolve("runtimes"), c -> {
                    checks.add(c);
                    each.accept(line(c));
                });
    }

    /** True when a check failed or warned and Stagger can fix it. */
    boolean canFix() {
        return checks.stream().anyMatch(c -> c.fixable() && c.outcome() != Check.Outcome.OK);
    }

    /** One check as the list shows it. */
    static String line(Check c) {
        String mark = switch (c.outcome()) {
            case OK -> "✓";
            case WARNING -> "!";
            case FAILED -> "✗";
            case SKIPPED -> "–";
        };
        String text = mark + " " + c.name() + ": " + c.detail();
        if (c.fix() != null && c.outcome() != Check.Outcome.OK) {
            text += "\n    fix" + (c.fixable() ? " (Stagger can do it: Apply fixes)" : "") + ": " + c.fix();
        }
        return text;
    }

    /** The summary line under the list. */
    static String summary(List<Check> checks) {
        long failed = checks.stream().filter(c -> c.outcome() == Check.Outcome.FAILED).count();
        long warned = checks.stream().filter(c -> c.outcome() == Check.Outcome.WARNING).count();
        if (failed == 0) {
            return "All " + checks.size() + " checks passed" + (warned == 0 ? "." : String.format(Locale.ROOT,
                    " (%d warning%s: runs work, see above).", warned, warned == 1 ? "" : "s"));
        }
        return String.format(Locale.ROOT, "%d failed, %d warning%s.", failed, warned, warned == 1 ? "" : "s");
    }
}
