package dev.stagger.engine.live;

import dev.stagger.engine.output.AtomicFile;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The runs started on this machine, for {@code stagger runs}: one small file per output folder in
 * {@code $XDG_STATE_HOME/stagger/local-runs/}. Only an index: each run's own endpoint and state
 * files say how it stands. Writing it never fails a run.
 */
public final class LocalRunIndex {
    private final Path folder;

    public LocalRunIndex(Path folder) {
        this.folder = folder;
    }

    /** The index of this user, after the XDG base directory spec. */
    public static LocalRunIndex forUser(Map<String, String> env, Path home) {
        String state = env.get("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() && Path.of(state).isAbsolute() ? Path.of(state)
                : home.resolve(".local/state");
        return new LocalRunIndex(base.resolve("stagger/local-runs"));
    }

    /** One run as recorded when it started. */
    public record Entry(Path directory, String name, Instant started) {}

    /** Records a run's output folder; a failure to write is ignored (the run matters more). */
    public void record(Path directory, String name, Instant started) {
        try {
            Path absolute = directory.toAbsolutePath().normalize();
            Properties p = new Properties();
            p.setProperty("directory", absolute.toString());
            p.setProperty("name", name);
            p.setProperty("started", started.toString());
            StringWriter text = new StringWriter();
            p.store(text, "a Stagger run on this machine");
            Files.createDirectories(folder);
            AtomicFile.write(folder.resolve(key(absolute) + ".properties"), text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // only the list of runs misses this one
        }
    }

    /** Every recorded run whose folder still exists, newest first. */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return entries;
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> f.toString().endsWith(".properties")).forEach(f -> {
                try {
                    Properties p = new Properties();
                    p.load(new StringReader(Files.readString(f, StandardCharsets.UTF_8)));
                    Path dir = Path.of(p.getProperty("directory"));
                    if (Files.isDirectory(dir)) {
                        entries.add(new Entry(dir, p.getProperty("name", dir.getFileName().toString()),
                                Instant.parse(p.getProperty("started"))));
                    }
                } catch (IOException | RuntimeException e) {
                    // a damaged index entry hides one run from the list, nothing else
                }
            });
        } catch (IOException e) {
            return entries;
        }
        entries.sort((a, b) -> b.started().compareTo(a.started()));
        return entries;
    }

    private static String key(Path directory) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(directory.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
