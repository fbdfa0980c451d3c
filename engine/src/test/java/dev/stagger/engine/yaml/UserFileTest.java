package dev.stagger.engine.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing a user's file keeps its mode and links, and a snapshot notices changes made by others. */
class UserFileTest {
    @TempDir
    Path dir;

    @Test
    void keepsTheFilesPermissionsAndLeavesNoTemporaryFile() throws Exception {
        Path file = Files.writeString(dir.resolve("p.yaml"), "a: 1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        UserFile.write(file, "a: 2\n");
        assertThat(Files.readString(file)).isEqualTo("a: 2\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        UserFile.write(file, "a: 3\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw-r--");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("p.yaml");
        }
    }

    @Test
    void writesThroughASymbolicLink() throws Exception {
        Path real = Files.writeString(dir.resolve("real.yaml"), "a: 1\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), real);
        UserFile.write(link, "a: 2\n");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("a: 2\n");
    }

    @Test
    void aSnapshotTellsWhetherTheFileChangedOnDisk() throws Exception {
        Path file = Files.writeString(dir.resolve("p.yaml"), "a: 1\n");
        UserFile.Snapshot snapshot = UserFile.read(file);
        assertThat(snapshot.text()).isEqualTo("a: 1\n");
        assertThat(snapshot.changedOnDisk()).isFalse();
        // the same length and the same modification time: only the content tells
        long modified = Files.getLastModifiedTime(file).toMillis();
        Files.writeString(file, "a: 2\n");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(modified));
        assertThat(snapshot.changedOnDisk()).isTrue();
        UserFile.Snapshot written = UserFile.write(file, "a: 3\n");
        assertThat(written.changedOnDisk()).isFalse();
        Files.delete(file);
        assertThat(written.changedOnDisk()).isTrue();
    }
}
