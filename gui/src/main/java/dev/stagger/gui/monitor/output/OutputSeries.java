package dev.stagger.gui.monitor.output;

import dev.stagger.engine.output.PvdWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run's output time series as its folder holds it: the {@code .pvd} and the steps it lists, each
 * a {@code .vti} (one rank) or {@code .pvti} (several) resolved against the .pvd's folder. Read on
 * the monitor's background threads, never on the FX thread.
 */
public record OutputSeries(Path pvd, List<Step> steps) {
    /** The engine's step number in output names: {@code name_000120.vti}, {@code name_000120.pvti}. */
    private static final Pattern STEP = Pattern.compile("_(\\d+)\\.p?vti$");

    /** One listed output: its simulated time, step (-1 when the name does not say) and file. */
    public record Step(double time, long step, Path file) {
        public String label() {
            return (step >= 0 ? "step " + step + ", " : "") + String.format(Locale.ROOT, "t = %.6g", time);
        }
    }

    public OutputSeries {
        steps = List.copyOf(steps);
    }

    /**
     * The series in {@code folder}: {@code <name>.pvd} when there is one, else the folder's only (or
     * newest) .pvd. The message of the exception says what is missing, naming the folder.
     */
    static OutputSeries find(Path folder, String name) throws IOException {
        if (folder == null) {
            throw new IOException("no results to show: the run has no output folder");
        }
        if (name != null && !name.isBlank() && Files.isRegularFile(folder.resolve(name + ".pvd"))) {
            return read(folder.resolve(name + ".pvd"));
        }
        List<Path> found;
        try (Stream<Path> files = Files.list(folder)) {
            found = files.filter(p -> p.getFileName().toString().endsWith(".pvd") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(OutputSeries::modified).reversed()).toList();
        } catch (NoSuchFileException e) {
            throw new IOException("no results to show: the output folder " + folder + " does not exist");
        } catch (IOException e) {
            throw new IOException("cannot list the output folder " + folder + ": " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            throw new IOException("no results to show: " + folder + " holds no .pvd time series (no output was written)");
        }
        return read(found.get(0));
    }

    /** The series a .pvd lists, in its order; an empty or unreadable one is an exception naming it. */
    static OutputSeries read(Path pvd) throws IOException {
        List<PvdWriter.Entry> entries;
        try {
            entries = PvdWriter.read(pvd);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IOException(why.contains(pvd.toString()) ? why : "cannot read " + pvd + ": " + why, e);
        }
        if (entries.isEmpty()) {
            throw new IOException(pvd + " lists no output steps");
        }
        Path dir = pvd.toAbsolutePath().normalize().getParent();
        List<Step> steps = new ArrayList<>();
        for (PvdWriter.Entry e : entries) {
            if (e.file().isBlank()) {
                throw new IOException("cannot read " + pvd + ": an entry names no file");
            }
            Matcher m = STEP.matcher(e.file());
            long step = m.find() && m.group(1).length() < 19 ? Long.parseLong(m.group(1)) : -1;
            steps.add(new Step(e.time(), step, dir.resolve(e.file()).normalize()));
        }
        return new OutputSeries(pvd, steps);
    }

    /** The project's name as the series' file says it: {@code diffusion-2d} for {@code diffusion-2d.pvd}. */
    public String name() {
        String file = pvd.getFileName().toString();
        return file.substring(0, file.length() - ".pvd".length());
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }
}
