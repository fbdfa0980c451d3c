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
    void aFolderThatCannotBeWrittenMeansNoLogFileNotAFailure() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        assertThat(WorkbenchLog.install(notAFolder.resolve("logs"))).isNull();
        assertThat(WorkbenchLog.current()).isNull();
    }
}
