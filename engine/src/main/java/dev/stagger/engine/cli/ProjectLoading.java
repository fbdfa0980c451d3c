package dev.stagger.engine.cli;

import dev.stagger.engine.project.LoadedProject;
import dev.stagger.engine.project.Problem;
import dev.stagger.engine.project.ProjectException;
import dev.stagger.engine.project.ProjectReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Reads a project for a command, printing every problem the way a user can act on them. */
final class ProjectLoading {
    private ProjectLoading() {}

    /** The project, or null after printing why it cannot be used. */
    static LoadedProject load(Path file, List<String> overrides, PrintWriter err) {
        String notAFile = ProjectFileCheck.problem(file);
        if (notAFile != null) {
            err.println("stagger: " + file + ": " + notAFile);
            return null;
        }
        try {
            Verbose.note(err, "reading " + file.toAbsolutePath()
                    + (overrides.isEmpty() ? "" : " with " + String.join(", ", overrides)));
            return ProjectReader.read(file, overrides);
        } catch (ProjectException e) {
            report(file, e.problems(), err);
            return null;
        }
    }

    /** Prints each problem on its line, then how many there were and that nothing ran. */
    static void report(Path file, List<Problem> problems, PrintWriter err) {
        for (Problem problem : problems) {
            err.println(problem);
        }
        err.println("stagger: " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in "
                + file + "; nothing was run");
    }

    /** The project's short name: its file name without the extension. */
    static String name(Path file) {
        String base = file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
