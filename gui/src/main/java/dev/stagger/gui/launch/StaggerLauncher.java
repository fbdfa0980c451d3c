package dev.stagger.gui.launch;

import dev.stagger.gui.shell.WorkbenchLauncher;
import dev.stagger.remote.cli.StaggerMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The main class of the installed application (the jpackage launcher, {@code /opt/stagger/bin/stagger}):
 * {@code stagger} opens the workbench, {@code stagger FILE.yaml} opens it with that project, and
 * {@code stagger run|validate|edit|cluster ...} is the command line. Without a display the
 * workbench is not tried: the user is told which commands work instead, never shown a trace.
 */
public final class StaggerLauncher {
    /** What to do with the arguments. */
    public sealed interface Decision {
        /** The workbench, opening {@code project} (null: the start page). */
        record Workbench(Path project) implements Decision {}

        /** The command line with these arguments. */
        record CommandLine(List<String> args) implements Decision {}

        /** Nothing to start: print {@code message} on stderr and exit with {@code exitCode}. */
        record Refuse(String message, int exitCode) implements Decision {}
    }

    private StaggerLauncher() {}

    public static void main(String[] args) {
        Decision decision = decide(List.of(args), System.getenv(), Files::isRegularFile);
        if (decision instanceof Decision.Workbench w) {
            if (w.project() != null) {
                System.setProperty("stagger.open", w.project().toString());
            }
            WorkbenchLauncher.main(new String[0]);
        } else if (decision instanceof Decision.CommandLine c) {
            StaggerMain.main(c.args().toArray(String[]::new));
        } else if (decision instanceof Decision.Refuse r) {
            System.err.println(r.message());
            if (r.exitCode() == 0) {
                StaggerMain.main(new String[] {"--help"});
            }
            System.exit(r.exitCode());
        }
    }

    /** The decision for {@code args}, given the environment (for the display) and which paths are files. */
    public static Decision decide(List<String> args, Map<String, String> env, Predicate<Path> isFile) {
        boolean display = !env.getOrDefault("DISPLAY", "").isEmpty() || !env.getOrDefault("WAYLAND_DISPLAY", "").isEmpty();
        if (args.isEmpty()) {
            return display ? new Decision.Workbench(null)
                    : new Decision.Refuse("stagger: the workbench needs a display and none is set (DISPLAY is empty);"
                            + " the command line works without one:", 0);
        }
        String first = args.get(0);
        if (args.size() == 1 && (first.endsWith(".yaml") || first.endsWith(".yml"))) {
            Path file = Path.of(first);
            if (!isFile.test(file)) {
                return new Decision.Refuse("stagger: " + first + ": no such project file (to open a project in the"
                        + " workbench: stagger FILE.yaml)", 2);
            }
            if (!display) {
                return new Decision.Refuse("stagger: opening " + first + " needs the workbench, which needs a display,"
                        + " and none is set (DISPLAY is empty); on the command line: stagger validate|run|edit " + first,
                        2);
            }
            return new Decision.Workbench(file.toAbsolutePath().normalize());
        }
        return new Decision.CommandLine(List.copyOf(args));
    }
}
