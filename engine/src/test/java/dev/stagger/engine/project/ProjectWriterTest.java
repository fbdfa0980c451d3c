package dev.stagger.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Side;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectWriterTest {

    private static Project sample() {
        Map<BoundaryKey, BoundarySpec> sides = new LinkedHashMap<>();
        sides.put(new BoundaryKey(1, Side.LOW), new BoundarySpec(BoundaryType.DIRICHLET, "max(x, 0.5)"));
        sides.put(new BoundaryKey(1, Side.HIGH), new BoundarySpec(BoundaryType.NEUMANN, "-1.5"));
        return new Project("Diffusion: a test", "First line.\nSecond line with \"quotes\".\n",
                new GridSpec(new double[] {-2, 0.25}, new double[] {4, 1e-3}, new int[] {16, 8},
                        new boolean[] {true, false}, new int[] {2, 1}),
                new ModelSpec("diffusion", Map.of("chi", 0.5)),
                Map.of("C", new FieldSetup("-x^2 + 1", new BoundarySpec(BoundaryType.NEUMANN, "0"), sides)),
                new RunSpec(null, 2.5, 1.0e-9, 3, Precision.F32),
                new OutputSpec(5, List.of("C")));
    }

    @Test
    void readingWhatWasWrittenGivesAnEqualProject() throws Exception {
        Project project = sample();
        String yaml = ProjectWriter.toYaml(project);
        assertThat(ProjectReader.parse(yaml, "written.yaml", List.of()).project()).isEqualTo(project);
    }

    @Test
    void samplesSurviveARoundTrip(@TempDir Path dir) throws Exception {
        for (String name : List.of("diffusion-1d.yaml", "diffusion-2d.yaml", "diffusion-3d.yaml")) {
            Project project = ProjectReader.read(Path.of("..", "sample-projects", name)).project();
            Path copy = dir.resolve(name);
            ProjectWriter.write(project, copy);
            assertThat(ProjectReader.read(copy).project()).as(name).isEqualTo(project);
        }
    }

    @Test
    void writesTheDocumentedLayout() {
        assertThat(ProjectWriter.toYaml(sample())).isEqualTo("""
                format: 1
                title: "Diffusion: a test"
                description: |
                  First line.
                  Second line with "quotes".
                grid:
                  origin: [-2, 0.25]
                  extent: [4, 0.001]
                  cells: [16, 8]
                  periodic: [true, false]
                  ranks: [2, 1]
                model:
                  name: diffusion
                  parameters:
                    chi: 0.5
                fields:
                  C:
                    initial: "-x^2 + 1"
                    boundary:
                      all: {type: neumann, value: 0}
                      y-low: {type: dirichlet, value: "max(x, 0.5)"}
                      y-high: {type: neumann, value: -1.5}
                run:
                  end_time: 2.5
                  dt: 1.0E-9
                  threads: 3
                  precision: f32
                output:
                  every: 5
                  fields: [C]
                """);
    }

    @Test
    void replacesAnExistingFileWithoutLeavingTemporaries(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, "old");
        ProjectWriter.write(sample(), file);
        assertThat(Files.readString(file)).isEqualTo(ProjectWriter.toYaml(sample()));
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("p.yaml");
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileIntact(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, "old contents");
        // a target that is a non-empty directory cannot be replaced: the move fails after the
        // temporary file was written, which is the moment a crash or full disk would hit
        Path blocked = dir.resolve("blocked.yaml");
        Files.createDirectory(blocked);
        Files.writeString(blocked.resolve("inside"), "x");
        assertThatThrownBy(() -> ProjectWriter.write(sample(), blocked)).isInstanceOf(java.io.IOException.class);
        assertThat(Files.readString(blocked.resolve("inside"))).isEqualTo("x");
        assertThat(Files.readString(file)).isEqualTo("old contents");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("p.yaml", "blocked.yaml");
        }
        Path readOnlyDir = dir.resolve("ro");
        Files.createDirectory(readOnlyDir);
        Path kept = readOnlyDir.resolve("p.yaml");
        Files.writeString(kept, "old contents");
        if (readOnlyDir.toFile().setWritable(false) && !Files.isWritable(readOnlyDir)) {
            try {
                assertThatThrownBy(() -> ProjectWriter.write(sample(), kept)).isInstanceOf(java.io.IOException.class);
                assertThat(Files.readString(kept)).isEqualTo("old contents");
            } finally {
                readOnlyDir.toFile().setWritable(true);
            }
        }
    }
}
