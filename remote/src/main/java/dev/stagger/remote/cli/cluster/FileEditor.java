package dev.stagger.remote.cli.cluster;

import java.io.IOException;
import java.nio.file.Path;

/** Lets the user edit a file and waits until they are done. */
@FunctionalInterface
public interface FileEditor {
    /** Opens {@code file} and returns the editor's exit code once it has closed. */
    int edit(Path file) throws IOException, InterruptedException;
}
