package dev.stagger.remote.profile;

import dev.stagger.engine.yaml.UserFile;
import dev.stagger.remote.config.StaggerDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The user's cluster profiles: one {@code NAME.yaml} per profile in one folder
 * ({@link StaggerDirs#clusters()}). Writes are atomic (a crash leaves the old file or the new one)
 * and a rewritten file keeps its permissions; a profile that is a symbolic link (dotfiles kept
 * elsewhere) is written through the link rather than replaced by a plain file.
 */
public final class ProfileStore {
    private static final String EXTENSION = ".yaml";

    private final Path directory;

    public ProfileStore(Path directory) {
        this.directory = directory;
    }

    public static ProfileStore of(StaggerDirs dirs) {
        return new ProfileStore(dirs.clusters());
    }

    public Path directory() {
        return directory;
    }

    /** The file of profile {@code name}, whether it exists or not. */
    public Path file(String name) {
        if (!ProfileNames.isValid(name)) {
            throw new IllegalArgumentException(ProfileNames.problem(name).orElseThrow());
        }
        return directory.resolve(name + EXTENSION);
    }

    /** The names of the profiles, sorted; files whose names cannot be profile names are left out. */
    public List<String> list() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(EXTENSION))
                    .map(f -> f.substring(0, f.length() - EXTENSION.length())).filter(ProfileNames::isValid)
                    .filter(name -> Files.isRegularFile(file(name))).sorted().toList();
        }
    }

    /** True when a profile of this name exists (false for names that cannot be profile names). */
    public boolean exists(String name) {
        return ProfileNames.isValid(name) && Files.isRegularFile(file(name));
    }

    /** Reads and checks profile {@code name}. */
    public ClusterProfile load(String name) throws ProfileException {
        checkName(name);
        if (!exists(name)) {
            throw ProfileException.of(name, "no cluster profile of that name in " + directory);
        }
        return ProfileReader.read(file(name), name);
    }

    /**
     * Writes {@code profile} as a fresh, commented file, replacing any file of that name (its
     * comments too: to change values in place use {@link #update}). Invalid profiles are refused
     * with their problems; nothing is written then.
     */
    public Path save(ClusterProfile profile) throws ProfileException, IOException {
        checkName(profile.name());
        Path file = file(profile.name());
        String text = ProfileWriter.toYaml(profile);
        ProfileReader.parse(text, profile.name() + " (as it would be written)", profile.name());
        write(file, text);
        return file;
    }

    /**
     * Applies {@code edits} to profile {@code name}'s file in place (comments and layout kept) and
     * writes it when the result is a valid profile; else nothing is written and the problems say
     * why, naming the keys (their positions are in the changed text).
     */
    public ClusterProfile update(String name, ProfileEdits edits) throws ProfileException, IOException {
        checkName(name);
        if (!exists(name)) {
            throw ProfileException.of(name, "no cluster profile of that name in " + directory);
        }
        Path file = file(name);
        String changed = edits.applyTo(ProfileReader.readText(file), file.toString());
        ClusterProfile profile = ProfileReader.parse(changed, file + " (with the changes)", name);
        write(file, changed);
        return profile;
    }

    /** Removes profile {@code name}'s file; false when there was none. */
    public boolean remove(String name) throws IOException, ProfileException {
        checkName(name);
        return Files.deleteIfExists(file(name));
    }

    private static void checkName(String name) throws ProfileException {
        Optional<String> problem = ProfileNames.problem(name);
        if (problem.isPresent()) {
            throw ProfileException.of(name == null ? "" : ProfileNames.printable(name), problem.get());
        }
    }

    private static void write(Path file, String text) throws IOException {
        UserFile.write(file, text);
    }
}
