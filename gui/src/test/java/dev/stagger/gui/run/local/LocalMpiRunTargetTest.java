package dev.stagger.gui.run.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.project.ProjectReader;
import dev.stagger.engine.run.RunPlanner.RunOverrides;
import dev.stagger.gui.common.WorkbenchPrefs;
import dev.stagger.gui.run.RunRequest;
import dev.stagger.gui.run.RunSetting;
import dev.stagger.gui.testing.TestPrefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MPI target follows Edit > Preferences at each run: the mpirun chosen, the ranks it starts at, threads per rank. */
class LocalMpiRunTargetTest {
    private final Preferences prefs = TestPrefs.fresh();
    @TempDir
    Path dir;

    @AfterEach
    void drop() {
        TestPrefs.drop(prefs);
    }

    @Test
    void preferencesChangeTheNextRunsCommand() throws Exception {
        Path project = TestPrefs.samples().resolve("diffusion-1d.yaml");
        RunRequest request = new RunRequest("diffusion-1d", ProjectReader.read(project).project(), project,
                dir.resolve("out"), RunOverrides.NONE, Map.of());
        LocalMpiRunTarget t = new LocalMpiRunTarget(dir.resolve("stagger"), Path.of("/usr/bin/mpirun"), 2, prefs,
                Runnable::run, Runnable::run, Clock.systemUTC());
        RunSetting ranks = t.settings().get(0);
        assertThat(ranks.defaultValue()).isEqualTo("2");
        assertThat(ranks.help()).contains("/usr/bin/mpirun");
        assertThat(t.preview(request)).endsWith("--ranks 2 -q").doesNotContain("--threads");

        Path chosen = Files.writeString(dir.resolve("mpirun"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(chosen, PosixFilePermissions.fromString("rwx------"));
        prefs.put(WorkbenchPrefs.MPIRUN, chosen.toString());
        prefs.putInt(WorkbenchPrefs.MPI_RANKS, 6);
        prefs.putInt(WorkbenchPrefs.MPI_THREADS, 3);
        ranks = t.settings().get(0);
        assertThat(ranks.defaultValue()).isEqualTo("6");
        assertThat(ranks.help()).contains(chosen.toString());
        assertThat(t.mpirun()).isEqualTo(chosen);
        assertThat(t.preview(request)).endsWith("--ranks 6 --threads 3 -q");
        // a chosen mpirun that went away: the one found on PATH again
        Files.delete(chosen);
        assertThat(t.mpirun()).isEqualTo(Path.of("/usr/bin/mpirun"));
    }
}
