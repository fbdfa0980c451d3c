package dev.stagger.gui.app;

import dev.stagger.engine.project.Project;
import dev.stagger.engine.run.RunPlanner.RunOverrides;
import dev.stagger.gui.document.ProjectDocument;
import java.nio.file.Path;

/**
 * What to run: the project as it is in the editor, its file (targets that start a process need it
 * saved), the run's name and the folder its output goes to.
 */
public record RunRequest(String name, Project project, Path projectFile, Path outputDir, RunOverrides overrides) {

    /** The default output folder of a project file: {@code <project>-output} next to it. */
    public static Path outputDirFor(Path projectFile) {
        String name = ProjectDocument.nameOf(projectFile);
        return projectFile.toAbsolutePath().resolveSibling(name + "-output");
    }
}
