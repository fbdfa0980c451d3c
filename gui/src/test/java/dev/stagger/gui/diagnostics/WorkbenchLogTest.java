package dev.stagger.gui.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log file: Stagger's loggers write to it, with the detail level and the stack trace. */
class WorkbenchLogTest {
    @TempDir
    Path dir;

    @AfterEach
    void uninstall() {
        WorkbenchLog.uninstall();
    }

    @Test
    void staggerLoggersWriteToTheRotatingFile() throws Exception {
        Path logs = dir.resolve("state/stagger/logs");
        assertThat(WorkbenchLog.install(logs)).isEqualTo(logs);
        assertThat(WorkbenchLog.current()).isEqualTo(logs.resolve("workbench-0.log"));
        System.Logger log = System.getLogger("dev.stagger.gui.test.Something");
        log.log(System.Logger.Level.DEBUG, "a detail only the file keeps");
        log.log(System.Logger.Level.WARNING, "it broke", new IllegalStateException("injected"));
        System.getLogger("org.elsewhere").log(System.Logger.Level.DEBUG, "not ours");
        WorkbenchLog.flush();
        String text = Files.readString(WorkbenchLog.current());
        assertThat(text).contains("Stagger workbench started")
                .contains("FINE dev.stagger.gui.test.Something [main]: a detail only the file keeps")
                .contains("WARNING dev.stagger.gui.test.Something [main]: it broke")
                .contains("java.lang.IllegalStateException: injected")
                .contains("at dev.stagger.gui.diagnostics.WorkbenchLogTest.")
                .doesNotContain("not ours");
        // a second install changes nothing: one file per workbench
        assertThat(WorkbenchLog.install(dir.resolve("other"))).isEqualTo(logs);
        assertThat(dir.resolve("other")).doesNotExist();
    }

    @Test
    void aFullFileRotatesAndAtMostCountFilesStay() throws Exception {
        Path logs = dir.resolve("logs");
        WorkbenchLog.install(logs);
        System.Logger log = System.getLogger("dev.stagger.gui.test.Chatty");
        String line = "x".repeat(1000);
        // 6.5 MiB through 1 MiB files: rotated five times, the oldest dropped
        for (int i = 0; i < 6_700; i++) {
            log.log(System.Logger.Level.INFO, i + " " + line);
        }
        WorkbenchLog.flush();
        try (var files = Files.list(logs)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".log")).sorted().toList())
                    .containsExactly("workbench-0.log", "workbench-1.log", "workbench-2.log", "workbench-3.log",
                            "workbench-4.log");
        }
        for (int g = 0; g < WorkbenchLog.COUNT; g++) {
            assertThat(Files.size(logs.resolve("workbench-" + g + ".log"))).isLessThanOrEqualTo(WorkbenchLog.LIMIT_BYTES + 2_000L);
        }
        assertThat(Files.readString(logs.resolve("workbench-0.log"))).contains("6699 x");
        assertThat(Files.readString(logs.resolve("workbench-4.log"))).doesNotContain(" 0 x");
    }

    @Test
    void aFolderThatCannotBeWrittenMeansNoLogFileNotAFailure() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        assertThat(WorkbenchLog.install(notAFolder.resolve("logs"))).isNull();
        assertThat(WorkbenchLog.current()).isNull();
    }
}
