package dev.stagger.gui.prefs;

import dev.stagger.remote.config.StaggerDirs;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How the workbench's own JVM starts: its maximum heap and whether it uses G1. Kept in
 * {@code $XDG_CONFIG_HOME/stagger/workbench.conf} (default {@code ~/.config/stagger/}) as
 * {@code key=value} lines, which the {@code stagger} launcher reads when it starts the workbench
 * (the command line keeps its own settings; {@code STAGGER_HEAP} still wins).
 *
 * @param heap the maximum heap as {@code -Xmx} takes it ({@code 8g}, {@code 4096m}); null: the
 *        launcher's default (75% of the memory)
 * @param g1 G1 instead of the parallel collector (shorter pauses for a window; slightly slower runs)
 */
public record LaunchOptions(String heap, boolean g1) {
    public static final String FILE_NAME = "workbench.conf";
    public static final LaunchOptions DEFAULT = new LaunchOptions(null, false);
    /** What the launchers accept (they check it again: the file is never run as code). */
    public static final Pattern HEAP = Pattern.compile("[1-9][0-9]{0,6}[mMgG]");

    /** The file of this user. */
    public static Path file() {
        return StaggerDirs.fromEnvironment().config().resolve(FILE_NAME);
    }

    /** The options in {@code file}; the defaults for a missing file, lines it does not know or values that are wrong. */
    public static LaunchOptions read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return DEFAULT;
        }
        String heap = null;
        boolean g1 = false;
        for (String line : Files.readAllLines(file)) {
            String l = line.strip();
            int eq = l.indexOf('=');
            if (l.startsWith("#") || eq < 0) {
                continue;
            }
            String key = l.substring(0, eq).strip();
            String value = l.substring(eq + 1).strip();
            if (key.equals("heap") && HEAP.matcher(value).matches()) {
                heap = value;
            } else if (key.equals("gc")) {
                g1 = value.equals("g1");
            }
        }
        return new LaunchOptions(heap, g1);
    }

    /** Writes the options to {@code file} (atomically; its folder is made when missing). */
    public void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# The workbench's JVM, written by Stagger's Edit > Preferences; the stagger launcher reads it");
        lines.add("# when it starts the workbench. STAGGER_HEAP in the environment wins over heap.");
        if (heap != null) {
            lines.add("heap=" + heap);
        }
        lines.add("gc=" + (g1 ? "g1" : "parallel"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".workbench", ".conf");
        try {
            Files.write(tmp, lines);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
