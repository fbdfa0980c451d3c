package dev.stagger.engine.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void half(java.nio.channels.FileChannel channel) throws IOException {
        channel.write(ByteBuffer.wrap("half of the new".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBodyFailingWithAnIoErrorLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path target = Files.writeString(dir.resolve("run.pvd"), "old complete content");

        assertThatThrownBy(() -> AtomicFile.write(target, channel -> {
            half(channel);
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot write " + target)
                .hasMessageContaining("disk full");

        assertThat(target).hasContent("old complete content");
        assertThat(names()).containsExactly("run.pvd");
    }

    @Test
    void aBodyFailingWithAnUncheckedErrorLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path target = Files.writeString(dir.resolve("run.vti"), "old");

        assertThatThrownBy(() -> AtomicFile.write(target, channel -> {
            half(channel);
            throw new IllegalStateException("field went away");
        })).isInstanceOf(IllegalStateException.class).hasMessage("field went away");

        assertThat(target).hasContent("old");
        assertThat(names()).containsExactly("run.vti");
    }

    @Test
    void aParentThatIsARegularFileIsReportedWithThePath() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain"), "x");
        Path target = notADirectory.resolve("run_000000.vti");
        Grid grid = Grid.of(new double[] {0}, new double[] {1}, new int[] {3});
        Field c = Field.create("C", grid, new Location[] {Location.CENTER}, 1, Precision.F32);

        assertThatThrownBy(() -> VtkImageWriter.write(target, grid, List.of(c), 0, 0))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot write " + target)
                .hasMessageContaining("temporary file in " + notADirectory);
        assertThat(names()).containsExactly("plain");
    }

    @Test
    void aFailedRenameRemovesTheFullyWrittenTemporaryFile() throws Exception {
        // a non-empty directory in the target's place: writing succeeds, replacing it cannot
        Path target = Files.createDirectories(dir.resolve("run_000001.vti"));
        Files.writeString(target.resolve("keep"), "x");
        Grid grid = Grid.of(new double[] {0}, new double[] {1}, new int[] {3});
        Field c = Field.create("C", grid, new Location[] {Location.CENTER}, 1, Precision.F64);

        assertThatThrownBy(() -> VtkImageWriter.write(target, grid, List.of(c), 1, 0.1))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot write " + target);
        assertThat(names()).containsExactly("run_000001.vti");
        assertThat(target.resolve("keep")).hasContent("x");
    }

    @Test
    void aSuccessfulWriteReplacesTheOldFileAndLeavesNothingElse() throws Exception {
        Path target = Files.writeString(dir.resolve("run.pvd"), "old");

        AtomicFile.write(target, channel -> channel.write(ByteBuffer.wrap("new".getBytes(StandardCharsets.UTF_8))));

        assertThat(target).hasContent("new");
        assertThat(names()).containsExactly("run.pvd");
    }
}
