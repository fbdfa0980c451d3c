package dev.stagger.remote.job;

import dev.stagger.engine.output.AtomicFile;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The local cache of cluster runs ({@code $XDG_STATE_HOME/stagger/runs/CLUSTER/NAME.properties}):
 * what was submitted from here, and the last state seen. Only a cache: a run id alone finds the run
 * again on its cluster, and {@code stagger runs --cluster NAME} rebuilds entries from the work root.
 */
public final class RunRegistry {
    private final Path folder;

    public RunRegistry(Path folder) {
        this.folder = folder;
    }

    /** One run as last seen. */
    public record Entry(RunId id, String runDirectory, String jobId, String launcher, Instant submitted, String project,
            String state, String detail, Instant seen) {}

    public void put(Entry e) throws IOException {
        Properties p = new Properties();
        p.setProperty("id", e.id().toString());
        p.setProperty("run_directory", e.runDirectory());
        set(p, "job_id", e.jobId());
        set(p, "launcher", e.launcher());
        p.setProperty("submitted", e.submitted().toString());
        set(p, "project", e.project());
        set(p, "state", e.state());
        set(p, "detail", e.detail());
        p.setProperty("seen", e.seen().toString());
        StringWriter text = new StringWriter();
        p.store(text, "Stagger cluster run (a cache of the run directory on the cluster)");
        Path file = file(e.id());
        Files.createDirectories(file.getParent());
        AtomicFile.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    public Entry get(RunId id) {
        Path file = file(id);
        return Files.isRegularFile(file) ? read(file) : null;
    }

    /** Every entry, newest first; unreadable files are skipped (a cache loses nothing by that). */
    public List<Entry> all() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return entries;
        }
        try (Stream<Path> files = Files.walk(folder, 2)) {
            files.filter(f -> f.getFileName().toString().endsWith(".properties")).forEach(f -> {
                Entry e = read(f);
                if (e != null) {
                    entries.add(e);
                }
            });
        }
        entries.sort(Comparator.comparing(Entry::submitted).reversed());
        return entries;
    }

    private Path file(RunId id) {
        return folder.resolve(id.cluster()).resolve(id.name() + ".properties");
    }

    private static Entry read(Path file) {
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            RunId id = RunId.parse(p.getProperty("id", ""));
            if (id == null) {
                return null;
            }
            return new Entry(id, p.getProperty("run_directory", ""), p.getProperty("job_id"), p.getProperty("launcher"),
                    Instant.parse(p.getProperty("submitted")), p.getProperty("project"), p.getProperty("state"),
                    p.getProperty("detail"), Instant.parse(p.getProperty("seen")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void set(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }
}
