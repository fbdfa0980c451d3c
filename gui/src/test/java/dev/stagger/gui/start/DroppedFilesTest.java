package dev.stagger.gui.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A drop on the window opens the first project file among the files dropped. */
class DroppedFilesTest {
    @TempDir
    Path dir;

    @Test
    void theFirstYamlFileIsTheProjectOtherFilesAndFoldersAreNot() throws Exception {
        File picture = Files.createFile(dir.resolve("c.png")).toFile();
        File folder = Files.createDirectory(dir.resolve("runs.yaml")).toFile();
        File project = Files.createFile(dir.resolve("Heat.YML")).toFile();
        File second = Files.createFile(dir.resolve("other.yaml")).toFile();
        assertThat(DroppedFiles.project(List.of(picture, folder, project, second))).contains(project.toPath());
        assertThat(DroppedFiles.project(List.of(picture, folder))).isEmpty();
        assertThat(DroppedFiles.project(List.of(dir.resolve("gone.yaml").toFile()))).isEmpty();
        assertThat(DroppedFiles.project(null)).isEmpty();
    }
}
