package dev.stagger.gui.prefs;

import dev.stagger.engine.render.Colormap;
import dev.stagger.gui.common.ModelTimeUnit;
import dev.stagger.gui.common.Numbers;
import dev.stagger.gui.common.WorkbenchPrefs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Preferences dialog's state and rules, without the toolkit: loaded from the workbench's
 * preferences node and the launcher's {@link LaunchOptions} file, edited through its properties,
 * checked ({@link #problems()}, also as {@link #problemProperty()} for the dialog to show and to
 * disable OK with), and saved back by {@link #save()}.
 */
public final class PreferencesForm {
    public static final int MAX_RANKS = 1024;
    public static final int MAX_THREADS = 1024;

    private final Preferences prefs;
    private final Path launchFile;
    private final Function<String, Optional<Path>> onPath;
    private final LaunchOptions launchBefore;

    private final StringProperty mpirun = new SimpleStringProperty(this, "mpirun", "");
    private final IntegerProperty ranks = new SimpleIntegerProperty(this, "ranks");
    private final IntegerProperty threads = new SimpleIntegerProperty(this, "threads");
    private final StringProperty heap = new SimpleStringProperty(this, "heap", "");
    private final BooleanProperty g1 = new SimpleBooleanProperty(this, "g1");
    private final StringProperty theme = new SimpleStringProperty(this, "theme");
    private final ObjectProperty<Colormap> colormap = new SimpleObjectProperty<>(this, "colormap");
    private final IntegerProperty digits = new SimpleIntegerProperty(this, "digits");
    private final ObjectProperty<ModelTimeUnit> timeUnit = new SimpleObjectProperty<>(this, "timeUnit");
    private final StringProperty runsFolder = new SimpleStringProperty(this, "runsFolder", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    /**
     * @param prefs the workbench's preferences node
     * @param launchFile the launcher's file ({@link LaunchOptions#file()})
     * @param onPath finds a program on {@code PATH} ({@code ProgramSearch::onPath})
     */
    public PreferencesForm(Preferences prefs, Path launchFile, Function<String, Optional<Path>> onPath) {
        this.prefs = prefs;
        this.launchFile = launchFile;
        this.onPath = onPath;
        LaunchOptions launch;
        try {
            launch = LaunchOptions.read(launchFile);
        } catch (IOException e) {
            System.getLogger(PreferencesForm.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot read " + launchFile + "; showing the defaults", e);
            launch = LaunchOptions.DEFAULT;
        }
        launchBefore = launch;
        mpirun.set(prefs.get(WorkbenchPrefs.MPIRUN, ""));
        ranks.set(prefs.getInt(WorkbenchPrefs.MPI_RANKS, defaultRanks()));
        threads.set(prefs.getInt(WorkbenchPrefs.MPI_THREADS, 0));
        heap.set(launch.heap() == null ? "" : launch.heap());
        g1.set(launch.g1());
        theme.set(WorkbenchPrefs.theme(prefs));
        colormap.set(WorkbenchPrefs.colormap(prefs, Colormap.VIRIDIS));
        digits.set(WorkbenchPrefs.digits(prefs));
        timeUnit.set(WorkbenchPrefs.timeUnit(prefs));
        Path folder = WorkbenchPrefs.runsFolder(prefs);
        runsFolder.set(folder == null ? "" : folder.toString());
        Observable[] all = {mpirun, ranks, threads, heap, g1, theme, colormap, digits, timeUnit, runsFolder};
        for (Observable o : all) {
            o.addListener(x -> check());
        }
        check();
    }

    /** The rank count MPI runs start with when none was chosen: the cores, at least 2 and at most 4. */
    public static int defaultRanks() {
        return Math.max(2, Math.min(Runtime.getRuntime().availableProcessors(), 4));
    }

    /** The {@code mpirun} chosen; empty for the first on {@code PATH}. */
    public StringProperty mpirunProperty() {
        return mpirun;
    }

    public IntegerProperty ranksProperty() {
        return ranks;
    }

    /** Threads per rank; 0 for the cores divided among the ranks. */
    public IntegerProperty threadsProperty() {
        return threads;
    }

    /** The workbench's maximum heap ({@code 8g}); empty for the launcher's default. */
    public StringProperty heapProperty() {
        return heap;
    }

    public BooleanProperty g1Property() {
        return g1;
    }

    /** "LIGHT" or "DARK". */
    public StringProperty themeProperty() {
        return theme;
    }

    public ObjectProperty<Colormap> colormapProperty() {
        return colormap;
    }

    public IntegerProperty digitsProperty() {
        return digits;
    }

    /** The unit monitors show simulated time in; AUTO picks one per value. */
    public ObjectProperty<ModelTimeUnit> timeUnitProperty() {
        return timeUnit;
    }

    /** A sample of the time unit: how a few model times are shown with it. */
    public String timeSample() {
        ModelTimeUnit u = timeUnit.get() == null ? ModelTimeUnit.AUTO : timeUnit.get();
        return "t = " + u.format(90) + "    t = " + u.format(3.5 * 86_400) + "    t = " + u.format(2.5e6 * ModelTimeUnit.YEAR_SECONDS);
    }

    /** The folder runs' output folders go in; empty for next to the project file. */
    public StringProperty runsFolderProperty() {
        return runsFolder;
    }

    /** The first problem, or "" when the form can be saved. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Which {@code mpirun} MPI runs use, in words: the chosen one, else the one on {@code PATH}, else none. */
    public String mpirunInUse() {
        String chosen = mpirun.get().trim();
        if (!chosen.isEmpty()) {
            return "uses " + chosen;
        }
        return onPath.apply("mpirun").map(p -> "found on PATH: " + p)
                .orElse("none on PATH: MPI runs are offered once one is installed or chosen here");
    }

    /** A sample of the number format: how 1234.5678 and 0.000123456 are shown. */
    public String numberSample() {
        return Numbers.format(1234.56789, digits.get()) + "    " + Numbers.format(0.000123456789, digits.get()) + "    "
                + Numbers.format(6.02214076e23, digits.get());
    }

    /** Where the runs of {@code project} would go, as the dialog explains it. */
    public Path outputFolderOf(Path project) {
        return dev.stagger.gui.run.RunRequest.outputDirFor(project, folderOrNull());
    }

    private Path folderOrNull() {
        String f = runsFolder.get().trim();
        return f.isEmpty() ? null : Path.of(f);
    }

    /** Everything that keeps the form from being saved, in words. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        String chosen = mpirun.get().trim();
        if (!chosen.isEmpty()) {
            Path m = Path.of(chosen);
            if (!m.isAbsolute()) {
                p.add("mpirun: give its full path (or leave it empty for the one on PATH)");
            } else if (!Files.isExecutable(m) || Files.isDirectory(m)) {
                p.add("mpirun: " + chosen + " is not an executable file");
            }
        }
        if (ranks.get() < 1 || ranks.get() > MAX_RANKS) {
            p.add("MPI ranks: between 1 and " + MAX_RANKS);
        }
        if (threads.get() < 0 || threads.get() > MAX_THREADS) {
            p.add("threads per rank: between 1 and " + MAX_THREADS + ", or 0 for the cores divided among the ranks");
        }
        String h = heap.get().trim();
        if (!h.isEmpty() && !LaunchOptions.HEAP.matcher(h).matches()) {
            p.add("memory: a size such as 8g or 4096m (or empty for 75% of this computer's memory)");
        }
        if (digits.get() < WorkbenchPrefs.MIN_DIGITS || digits.get() > WorkbenchPrefs.MAX_DIGITS) {
            p.add("significant digits: between " + WorkbenchPrefs.MIN_DIGITS + " and " + WorkbenchPrefs.MAX_DIGITS);
        }
        Path folder = folderOrNull();
        if (folder != null && !folder.isAbsolute()) {
            p.add("runs folder: give a full path (or leave it empty for next to the project)");
        } else if (folder != null && Files.exists(folder) && !Files.isDirectory(folder)) {
            p.add("runs folder: " + folder + " is a file, not a folder");
        }
        if (!"LIGHT".equals(theme.get()) && !"DARK".equals(theme.get())) {
            p.add("theme: LIGHT or DARK");
        }
        if (colormap.get() == null) {
            p.add("colormap: choose one");
        }
        if (timeUnit.get() == null) {
            p.add("time unit: choose one (auto picks one per value)");
        }
        return p;
    }

    private void check() {
        List<String> p = problems();
        problem.set(p.isEmpty() ? "" : p.get(0));
    }

    /** What {@link #save()} did. */
    public record Saved(boolean restartNeeded) {}

    /**
     * Writes the preferences node and, when they changed, the launcher's file. Returns whether the
     * workbench must start again for all of it to apply (memory and collector).
     *
     * @throws IllegalStateException when {@link #problems()} is not empty
     */
    public Saved save() throws IOException {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new IllegalStateException(String.join("; ", p));
        }
        putOrRemove(WorkbenchPrefs.MPIRUN, mpirun.get().trim());
        prefs.putInt(WorkbenchPrefs.MPI_RANKS, ranks.get());
        prefs.putInt(WorkbenchPrefs.MPI_THREADS, threads.get());
        prefs.put(WorkbenchPrefs.THEME, theme.get());
        prefs.put(WorkbenchPrefs.COLORMAP, colormap.get().name());
        prefs.putInt(WorkbenchPrefs.DIGITS, digits.get());
        prefs.put(WorkbenchPrefs.TIME_UNIT, timeUnit.get().name());
        putOrRemove(WorkbenchPrefs.RUNS_FOLDER, runsFolder.get().trim());
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            throw new IOException("cannot store the preferences: " + e.getMessage(), e);
        }
        LaunchOptions now = new LaunchOptions(heap.get().trim().isEmpty() ? null : heap.get().trim(), g1.get());
        boolean restart = !now.equals(launchBefore);
        if (restart || (!Files.exists(launchFile) && !now.equals(LaunchOptions.DEFAULT))) {
            now.write(launchFile);
        }
        return new Saved(restart);
    }

    private void putOrRemove(String key, String value) {
        if (value.isEmpty()) {
            prefs.remove(key);
        } else {
            prefs.put(key, value);
        }
    }

    @Override
    public String toString() {
        return "PreferencesForm" + Objects.hash(mpirun.get(), ranks.get(), threads.get(), heap.get(), g1.get());
    }
}
