package dev.stagger.gui.start;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a drop on the window opens: the first project file (.yaml or .yml) among the files dropped. */
public final class DroppedFiles {
    private DroppedFiles() {}

    public static Optional<Path> project(List<File> files) {
        if (files == null) {
            return Optional.empty();
        }
        return files.stream().map(File::toPath).filter(DroppedFiles::isProjectFile).findFirst();
    }

    static boolean isProjectFile(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && Files.isRegularFile(p);
    }
}
