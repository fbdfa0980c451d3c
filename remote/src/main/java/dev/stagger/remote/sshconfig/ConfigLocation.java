package dev.stagger.remote.sshconfig;

import java.nio.file.Path;

/** A line of an SSH configuration file, the place every error and every ignored directive points at. */
public record ConfigLocation(Path file, int line) {

    /** {@code file:line}, the form editors and terminals turn into a link. */
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
