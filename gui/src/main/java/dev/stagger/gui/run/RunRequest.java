package dev.stagger.gui.run;

import dev.stagger.engine.project.Project;
import dev.stagger.engine.run.RunPlanner.RunOverrides;
import dev.stagger.gui.document.ProjectDocument;
import java.nio.file.Path;
import java.util.Map;

/**
 * What to run: the project as it is in the editor, its file (targets that start a process need it
 * saved), the run's name, the folder its output goes to, and the answers to the target's
 * {@link RunTarget#settings()} (keyed by {@link RunSetting#key()}).
 */
public record RunRequest(String name, Project project, Path projectFile, Path outputDir, RunOverrides overrides,
        Map<String, String> settings) {

    public RunRequest {
        settings = Map.copyOf(settings);
    }

    public RunRequest(String name, Project project, Path projectFile, Path outputDir, RunOverrides overrides) {
        this(name, project, projectFile, outputDir, overrides, Map.of());
    }

    /** The answer to setting {@code key}, or {@code fallback} when it was not given or left empty. */
    public String setting(String key, String fallback) {
        String v = settings.get(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /** The default output folder of a project file: {@code <project>-output} next to it. */
    public static Path outputDirFor(Path projectFile) {
        return outputDirFor(projectFile, null);
    }

    /**
     * The output folder of a project file by the rule of Edit > Preferences: {@code <project>-output}
     * in {@code runsFolder}, or next to the project file when that is null.
     */
    public static Path outputDirFor(Path projectFile, Path runsFolder) {
        String name = ProjectDocument.nameOf(projectFile);
        return runsFolder == null ? projectFile.toAbsolutePath().resolveSibling(name + "-output")
                : runsFolder.toAbsolutePath().resolve(name + "-output");
    }
}
