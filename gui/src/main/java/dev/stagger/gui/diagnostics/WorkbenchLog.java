package dev.stagger.gui.diagnostics;

import dev.stagger.remote.config.StaggerDirs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The workbench's log file. The code logs through {@link System.Logger} (whose backend is
 * java.util.logging); this puts a rotating file under it: {@code workbench-0.log} is the newest,
 * up to {@link #COUNT} files of {@link #LIMIT_BYTES} each, in {@code $XDG_STATE_HOME/stagger/logs/}
 * (default {@code ~/.local/state/stagger/logs/}), or in the folder the system property
 * {@code stagger.logs} names.
 */
public final class WorkbenchLog {
    /** Bytes per file before it rotates. */
    public static final int LIMIT_BYTES = 1 << 20;
    /** Files kept: the current one and the older ones. */
    public static final int COUNT = 5;
    /** The base name of the files: {@code workbench-0.log}, {@code workbench-1.log}, ... */
    public static final String PATTERN = "workbench-%g.log";

    /** Stagger's own loggers: their detail (FINE) goes to the file, not to the terminal. */
    private static final Logger STAGGER = Logger.getLogger("dev.stagger");
    private static Path installedIn;
    private static Handler handler;

    private WorkbenchLog() {}

    /** Where the log goes unless {@code stagger.logs} says otherwise. */
    public static Path defaultDir() {
        String override = System.getProperty("stagger.logs");
        return override != null ? Path.of(override) : StaggerDirs.fromEnvironment().state().resolve("logs");
    }

    /** The file being written now; null before {@link #install}. */
    public static synchronized Path current() {
        return installedIn == null ? null : installedIn.resolve(PATTERN.replace("%g", "0"));
    }

    /**
     * Starts logging to a rotating file in {@code dir} (once per JVM; a second call returns the
     * first folder). Returns the folder, or null when it cannot be written (the workbench then runs
     * without a log file, which it says in its own log on the terminal).
     */
    public static synchronized Path install(Path dir) {
        if (installedIn != null) {
            return installedIn;
        }
        try {
            Files.createDirectories(dir);
            FileHandler file = new FileHandler(dir.resolve(PATTERN).toString(), LIMIT_BYTES, COUNT, true);
            file.setFormatter(new LineFormatter());
            file.setLevel(Level.ALL);
            file.setEncoding("UTF-8");
            STAGGER.setLevel(Level.FINE);
            STAGGER.addHandler(file);
            // the file has it all: the terminal the workbench was started from stays quiet
            STAGGER.setUseParentHandlers(false);
            handler = file;
            installedIn = dir;
            System.getLogger(WorkbenchLog.class.getName()).log(System.Logger.Level.INFO,
                    "Stagger workbench started; Java " + Runtime.version() + ", log in " + dir);
            return dir;
        } catch (IOException | SecurityException e) {
            System.getLogger(WorkbenchLog.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot write the workbench log in " + dir + ": " + e.getMessage());
            return null;
        }
    }

    /** Writes what is buffered to the file (before a crash dialog names it). */
    public static synchronized void flush() {
        if (handler != null) {
            handler.flush();
        }
    }

    /** Stops logging to the file (tests; the file handler is closed so its lock goes). */
    static synchronized void uninstall() {
        if (handler != null) {
            STAGGER.removeHandler(handler);
            STAGGER.setUseParentHandlers(true);
            handler.close();
        }
        handler = null;
        installedIn = null;
    }

    /** One line per record, with the time, level and logger; the stack trace after it. */
    static final class LineFormatter extends Formatter {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
                .withZone(ZoneId.systemDefault());

        @Override
        public String format(LogRecord r) {
            StringBuilder s = new StringBuilder();
            s.append(TIME.format(Instant.ofEpochMilli(r.getMillis()))).append(' ').append(r.getLevel().getName())
                    .append(' ').append(r.getLoggerName()).append(" [").append(Thread.currentThread().getName())
                    .append("]: ").append(formatMessage(r)).append(System.lineSeparator());
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                s.append(trace);
            }
            return s.toString();
        }
    }
}
