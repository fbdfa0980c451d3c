package dev.stagger.gui.start;

import dev.stagger.engine.project.LoadedProject;
import dev.stagger.engine.project.Project;
import dev.stagger.engine.project.ProjectException;
import dev.stagger.engine.project.ProjectReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Reads the sample projects for the start page's gallery. Toolkit-free; call it off the FX thread. */
public final class SampleGallery {
    private static final System.Logger LOG = System.getLogger(SampleGallery.class.getName());
    /** System property naming the sample folder explicitly (the launcher sets it). */
    public static final String PROPERTY = "stagger.samples";
    static final int THUMB_WIDTH = 176;
    static final int THUMB_HEIGHT = 132;

    private SampleGallery() {}

    /**
     * The sample folder: {@code -Dstagger.samples}, else {@code sample-projects/} in the working
     * directory or one of its parents.
     */
    public static Optional<Path> locate() {
        String explicit = System.getProperty(PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("sample-projects");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** One card per {@code *.yaml} in {@code folder}, by file name; unreadable ones carry their problem. */
    public static List<SampleCard> load(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        List<SampleCard> cards = new ArrayList<>();
        for (Path file : files) {
            cards.add(card(file));
        }
        return cards;
    }

    static SampleCard card(Path file) {
        try {
            LoadedProject loaded = ProjectReader.read(file);
            Project p = loaded.project();
            String description = p.description() == null ? "" : p.description().strip().replaceAll("\\s+", " ");
            Thumbnail thumb;
            try {
                thumb = Thumbnail.of(p, THUMB_WIDTH, THUMB_HEIGHT);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot draw the thumbnail of " + file, e);
                thumb = null;
            }
            return new SampleCard(file, p.title(), description, summary(p), thumb, null);
        } catch (ProjectException e) {
            return new SampleCard(file, file.getFileName().toString(), "", "", null,
                    e.problems().get(0).toString());
        }
    }

    public static String summary(Project p) {
        int[] cells = p.grid().cells();
        String grid = IntStream.of(cells).mapToObj(Integer::toString).collect(Collectors.joining(" × "));
        return p.model().name() + " · " + p.grid().dims() + "D · " + grid + " cells";
    }
}
