package dev.stagger.gui.diagnostics;

import dev.stagger.engine.cli.BuildInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the crash dialog shows and copies for an exception nobody caught: a one-line summary, the
 * thread, the build (with Java, JavaFX and the OS, as {@code --version} says them), the log file
 * and the stack trace with its causes. Toolkit-free.
 *
 * @param summary the exception's type and message, e.g. {@code IllegalStateException: no grid}
 * @param details everything, as it goes into a bug report
 */
public record CrashReport(String summary, String details) {
    /** Where to report a crash: the words the dialog shows under the details. */
    public static final String WHERE_TO_REPORT = "Please report it on Stagger's issue tracker, with these details"
            + " (Copy) and the log file named above attached. They show paths on this computer: read them before sending.";

    /** The report of {@code error}, thrown on {@code thread}, with the log in {@code logFile} (may be null). */
    public static CrashReport of(Thread thread, Throwable error, Path logFile) {
        String summary = error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage());
        List<String> lines = new ArrayList<>();
        lines.add("Uncaught " + error.getClass().getName() + " on thread \"" + thread.getName() + "\"");
        lines.addAll(BuildInfo.current().lines());
        lines.add("Log: " + (logFile == null ? "(no log file)" : logFile.toString()));
        lines.add("");
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        lines.add(trace.toString().stripTrailing());
        return new CrashReport(summary, String.join("\n", lines));
    }
}
