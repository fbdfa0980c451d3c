package dev.stagger.engine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * What is wrong with a path given as the project, said as what it is: a folder, a device such as
 * /dev/null or a link to nothing is not "no such project file", and the user needs to know which.
 */
final class ProjectFileCheck {
    private ProjectFileCheck() {}

    /** Null for a regular file (through links), else why it is not one. */
    static String problem(Path file) {
        if (Files.isRegularFile(file)) {
            return null;
        }
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            String target;
            try {
                target = Files.readSymbolicLink(file).toString();
            } catch (IOException e) {
                target = "a path that cannot be read";
            }
            return "a symbolic link to " + target + ", which does not exist";
        }
        if (Files.isDirectory(file)) {
            return "a folder, not a project file; give the project's .yaml file";
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.exists(file)) {
            return "not a regular file (a device, pipe or socket), so not a project file";
        }
        return "no such project file";
    }
}
