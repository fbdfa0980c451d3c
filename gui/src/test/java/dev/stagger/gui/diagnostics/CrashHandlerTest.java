package dev.stagger.gui.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The handler logs, reports once while a report is on screen, and the report has what a bug report needs. */
class CrashHandlerTest {
    private final Path log = Path.of("/tmp/logs/workbench-0.log");

    @Test
    void theReportNamesTheThreadTheBuildTheLogAndTheTrace() {
        Thread t = new Thread(() -> {}, "stagger-run");
        CrashReport r = CrashReport.of(t, new IllegalStateException("no grid", new ArithmeticException("/ by zero")), log);
        assertThat(r.summary()).isEqualTo("IllegalStateException: no grid");
        assertThat(r.details()).startsWith("Uncaught java.lang.IllegalStateException on thread \"stagger-run\"\nStagger ")
                .contains("Log: " + log)
                .contains("java.lang.IllegalStateException: no grid\n\tat dev.stagger.gui.diagnostics.CrashHandlerTest.")
                .contains("Caused by: java.lang.ArithmeticException: / by zero");
    }

    @Test
    void oneDialogAtATimeTheRestOnlyLogged() {
        List<Runnable> queued = new ArrayList<>();
        Executor ui = queued::add; // the UI thread runs them when the test says so
        List<CrashReport> shown = new ArrayList<>();
        CrashHandler h = new CrashHandler(ui, () -> log, shown::add);
        h.uncaughtException(Thread.currentThread(), new RuntimeException("first"));
        h.uncaughtException(Thread.currentThread(), new RuntimeException("second, while the first is up"));
        assertThat(queued).hasSize(1);
        queued.remove(0).run();
        assertThat(shown).extracting(CrashReport::summary).containsExactly("RuntimeException: first");
        // closed: the next one shows again
        h.uncaughtException(Thread.currentThread(), new RuntimeException("third"));
        queued.remove(0).run();
        assertThat(shown).extracting(CrashReport::summary).containsExactly("RuntimeException: first",
                "RuntimeException: third");
    }

    @Test
    void withoutAToolkitTheFailureIsOnlyLogged() {
        CrashHandler h = new CrashHandler(r -> {
            throw new IllegalStateException("Toolkit not initialized");
        }, () -> null, r -> {
            throw new AssertionError("nothing to show it on");
        });
        h.uncaughtException(Thread.currentThread(), new RuntimeException("late"));
        // and the next one still tries (the flag was reset)
        List<CrashReport> shown = new ArrayList<>();
        new CrashHandler(Runnable::run, () -> null, shown::add).uncaughtException(Thread.currentThread(),
                new RuntimeException("x"));
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).details()).contains("Log: (no log file)");
    }
}
