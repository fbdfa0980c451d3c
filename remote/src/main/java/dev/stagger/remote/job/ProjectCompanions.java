package dev.stagger.remote.job;

import dev.stagger.engine.project.ProjectException;
import dev.stagger.engine.project.ProjectReader;
import dev.stagger.remote.ssh.SshException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a project needs beside itself on the cluster: today its model file
 * ({@code model: {file: ./my-model.yaml}}), uploaded into the run directory at the same relative
 * path, so the engine there resolves it exactly as here. A path outside the project's folder would
 * not resolve the same way there: it is refused with what to do.
 */
public final class ProjectCompanions {
    /** One file to upload: its path relative to the run directory, and where it is here. */
    public record Companion(String relativePath, Path local) {}

    private ProjectCompanions() {}

    public static List<Companion> of(Path projectFile) throws IOException {
        String file;
        try {
            file = ProjectReader.read(projectFile).project().model().file();
        } catch (ProjectException e) {
            throw new SshException(e.getMessage(), e);
        }
        List<Companion> companions = new ArrayList<>();
        if (file == null || file.isBlank()) {
            return companions;
        }
        Path given = Path.of(file).normalize();
        if (given.isAbsolute() || given.startsWith("..")) {
            throw new SshException("the model file " + file + " of " + projectFile + " lies outside the project's folder;"
                    + " a cluster run uploads the project and the files beside it: copy the model next to the project"
                    + " and name it model: {file: ./" + given.getFileName() + "}");
        }
        Path local = projectFile.toAbsolutePath().getParent().resolve(given);
        if (!Files.isRegularFile(local)) {
            throw new SshException("the model file " + file + " of " + projectFile + " does not exist (" + local + ")");
        }
        companions.add(new Companion(given.toString().replace('\\', '/'), local));
        return companions;
    }
}
