package dev.stagger.remote.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
    @TempDir
    Path tmp;

    private ProfileStore store() {
        return new ProfileStore(tmp.resolve("clusters"));
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void savesListsLoadsAndRemoves() throws Exception {
        ProfileStore store = store();
        assertThat(store.list()).isEmpty();
        ClusterProfile b = ClusterProfile.builder("b-cluster", "login.b.org").port(2222).build();
        ClusterProfile a = ClusterProfile.builder("a.1", "a").launcher(Launcher.SLURM).build();
        assertThat(store.save(b)).isEqualTo(tmp.resolve("clusters/b-cluster.yaml"));
        store.save(a);
        Files.writeString(tmp.resolve("clusters/not a name.yaml"), "format: 1\nhost: x\n");
        Files.writeString(tmp.resolve("clusters/notes.txt"), "");
        assertThat(store.list()).containsExactly("a.1", "b-cluster");
        assertThat(store.load("b-cluster")).isEqualTo(b);
        assertThat(store.load("a.1")).isEqualTo(a);
        assertThat(store.exists("a.1")).isTrue();
        assertThat(store.exists("../a.1")).isFalse();
        assertThat(store.remove("a.1")).isTrue();
        assertThat(store.remove("a.1")).isFalse();
        assertThat(store.list()).containsExactly("b-cluster");
        try (var files = Files.list(tmp.resolve("clusters"))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.endsWith(".tmp"));
        }
    }

    @Test
    void refusesInvalidProfilesAndNamesWritingNothing() {
        ProfileStore store = store();
        ClusterProfile bad = ClusterProfile.builder("p", "h").port(0).mpiStarter(MpiStarter.SRUN).build();
        assertThatThrownBy(() -> store.save(bad)).isInstanceOf(ProfileException.class)
                .hasMessageContaining("port: expected a whole number from 1 to 65535, got 0");
        assertThat(store.exists("p")).isFalse();
        assertThatThrownBy(() -> store.load("../../etc/passwd")).isInstanceOf(ProfileException.class)
                .hasMessageContaining("cannot be a profile name");
        assertThatThrownBy(() -> store.load("nope")).isInstanceOf(ProfileException.class)
                .hasMessage("nope: no cluster profile of that name in " + tmp.resolve("clusters"));
    }

    @Test
    void updatesInPlaceKeepingCommentsAndPermissions() throws Exception {
        ProfileStore store = store();
        Path file = store.save(ClusterProfile.builder("p", "h").build());
        Files.writeString(file, Files.readString(file).replace("host: h\n", "host: h  # mine\n"));
        if (posix(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        ClusterProfile changed = store.update("p", new ProfileEdits().set(ProfileKey.USER, "alice"));
        assertThat(changed.user()).isEqualTo("alice");
        assertThat(Files.readString(file)).contains("host: h  # mine\nuser: alice\n");
        if (posix(file)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            store.save(changed.toBuilder().port(22).build());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void anInvalidUpdateChangesNothing() throws Exception {
        ProfileStore store = store();
        Path file = store.save(ClusterProfile.builder("p", "h").build());
        String before = Files.readString(file);
        assertThatThrownBy(() -> store.update("p", new ProfileEdits().set(ProfileKey.PORT, "99999")))
                .isInstanceOf(ProfileException.class).hasMessageContaining("port: expected a whole number");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void writesThroughASymbolicLink() throws Exception {
        Path dotfiles = Files.createDirectories(tmp.resolve("dotfiles"));
        Path real = dotfiles.resolve("p.yaml");
        Files.writeString(real, "format: 1\nhost: h\n");
        Files.createDirectories(tmp.resolve("clusters"));
        Path link = tmp.resolve("clusters/p.yaml");
        try {
            Files.createSymbolicLink(link, real);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            assumeTrue(false, "no symbolic links here");
        }
        store().update("p", new ProfileEdits().set(ProfileKey.PORT, "22"));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("format: 1\nhost: h\nport: 22\n");
        assertThat(store().list()).isEqualTo(List.of("p"));
    }
}
