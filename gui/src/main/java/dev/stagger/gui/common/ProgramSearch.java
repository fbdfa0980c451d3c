package dev.stagger.gui.common;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds programs the way a shell does: the first executable of that name on {@code PATH}. */
public final class ProgramSearch {
    private ProgramSearch() {}

    public static Optional<Path> onPath(String program) {
        return onPath(program, System.getenv("PATH"));
    }

    /** Searches {@code path} (a {@code PATH}-style list) for {@code program}. */
    public static Optional<Path> onPath(String program, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String d : path.split(File.pathSeparator)) {
            if (d.isEmpty()) {
                continue; // an empty entry would mean the working directory: never search there
            }
            Path candidate = Path.of(d, program);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
