package dev.stagger.gui.diagnostics;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The uncaught-exception handler of every thread of the workbench (the FX thread's included): logs
 * the exception with its stack trace and hands a {@link CrashReport} to the UI thread, where the
 * crash dialog shows it. While one report is on screen further ones are only logged, so a failure
 * repeated on every pulse opens one dialog, not hundreds. Toolkit-free.
 */
public final class CrashHandler implements Thread.UncaughtExceptionHandler {
    private static final System.Logger LOG = System.getLogger(CrashHandler.class.getName());
    private final Executor ui;
    private final Supplier<Path> logFile;
    private final Consumer<CrashReport> show;
    private final AtomicBoolean showing = new AtomicBoolean();

    /**
     * @param ui the UI thread's executor ({@code Platform::runLater})
     * @param logFile the log file to name in the report
     * @param show shows a report (on the UI thread) and returns when it is closed
     */
    public CrashHandler(Executor ui, Supplier<Path> logFile, Consumer<CrashReport> show) {
        this.ui = ui;
        this.logFile = logFile;
        this.show = show;
    }

    /** Makes this the handler of every thread that has none of its own. */
    public void install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.log(System.Logger.Level.ERROR, "uncaught exception on thread " + thread.getName(), error);
        WorkbenchLog.flush();
        if (!showing.compareAndSet(false, true)) {
            return;
        }
        CrashReport report = CrashReport.of(thread, error, logFile.get());
        try {
            ui.execute(() -> {
                try {
                    show.accept(report);
                } finally {
                    showing.set(false);
                }
            });
        } catch (RuntimeException toolkitGone) {
            showing.set(false);
            LOG.log(System.Logger.Level.DEBUG, "no UI to show the crash report on", toolkitGone);
        }
    }
}
