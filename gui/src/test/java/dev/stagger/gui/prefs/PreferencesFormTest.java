package dev.stagger.gui.prefs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.engine.render.Colormap;
import dev.stagger.gui.common.ModelTimeUnit;
import dev.stagger.gui.common.WorkbenchPrefs;
import dev.stagger.gui.run.RunRequest;
import dev.stagger.gui.testing.TestPrefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Preferences dialog's rules: what it loads, what it refuses, what it writes and where. */
class PreferencesFormTest {
    private final Preferences prefs = TestPrefs.fresh();
    @TempDir
    Path dir;

    @AfterEach
    void drop() {
        TestPrefs.drop(prefs);
    }

    private PreferencesForm form(Optional<Path> mpirunOnPath) {
        return new PreferencesForm(prefs, dir.resolve("config/stagger/workbench.conf"), name -> mpirunOnPath);
    }

    @Test
    void startsFromTheDefaultsAndSaysWhichMpirunIsUsed() {
        PreferencesForm f = form(Optional.of(Path.of("/usr/bin/mpirun")));
        assertThat(f.ranksProperty().get()).isEqualTo(PreferencesForm.defaultRanks());
        assertThat(f.threadsProperty().get()).isZero();
        assertThat(f.heapProperty().get()).isEmpty();
        assertThat(f.g1Property().get()).isFalse();
        assertThat(f.themeProperty().get()).isEqualTo("LIGHT");
        assertThat(f.colormapProperty().get()).isEqualTo(Colormap.VIRIDIS);
        assertThat(f.digitsProperty().get()).isEqualTo(4);
        assertThat(f.timeUnitProperty().get()).isEqualTo(ModelTimeUnit.AUTO);
        assertThat(f.timeSample()).isEqualTo("t = 1.5 min    t = 3.5 d    t = 2.5 Myr");
        assertThat(f.problemProperty().get()).isEmpty();
        assertThat(f.mpirunInUse()).isEqualTo("found on PATH: /usr/bin/mpirun");
        assertThat(form(Optional.empty()).mpirunInUse()).startsWith("none on PATH");
        f.mpirunProperty().set("/opt/ompi/bin/mpirun");
        assertThat(f.mpirunInUse()).isEqualTo("uses /opt/ompi/bin/mpirun");
    }

    @Test
    void refusesWhatCannotWorkAndSaysWhy() throws Exception {
        PreferencesForm f = form(Optional.empty());
        f.mpirunProperty().set("mpirun");
        assertThat(f.problemProperty().get()).startsWith("mpirun: give its full path");
        Path notExecutable = Files.writeString(dir.resolve("mpirun"), "#!/bin/sh\n");
        f.mpirunProperty().set(notExecutable.toString());
        assertThat(f.problemProperty().get()).isEqualTo("mpirun: " + notExecutable + " is not an executable file");
        Files.setPosixFilePermissions(notExecutable, PosixFilePermissions.fromString("rwx------"));
        // (the property follows the fields; the file itself changed here, so ask again)
        assertThat(f.problems()).isEmpty();
        f.ranksProperty().set(0);
        assertThat(f.problems()).containsExactly("MPI ranks: between 1 and 1024");
        f.ranksProperty().set(4);
        f.heapProperty().set("8 GB");
        assertThat(f.problemProperty().get()).startsWith("memory: a size such as 8g");
        f.heapProperty().set("8g");
        f.runsFolderProperty().set("relative/runs");
        assertThat(f.problemProperty().get()).startsWith("runs folder: give a full path");
        f.runsFolderProperty().set(notExecutable.toString());
        assertThat(f.problemProperty().get()).isEqualTo("runs folder: " + notExecutable + " is a file, not a folder");
        assertThatThrownBy(f::save).isInstanceOf(IllegalStateException.class);
        assertThat(prefs.keys()).isEmpty();
    }

    @Test
    void savesTheNodeTheFeaturesReadAndTheLaunchersFile() throws Exception {
        PreferencesForm f = form(Optional.empty());
        Path mpirun = Files.writeString(dir.resolve("mpirun"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(mpirun, PosixFilePermissions.fromString("rwx------"));
        f.mpirunProperty().set(mpirun.toString());
        f.ranksProperty().set(6);
        f.threadsProperty().set(2);
        f.themeProperty().set("DARK");
        f.colormapProperty().set(Colormap.TURBO);
        f.digitsProperty().set(6);
        f.timeUnitProperty().set(ModelTimeUnit.YEARS);
        assertThat(f.timeSample()).isEqualTo("t = 2.85193e-06 yr    t = 0.00958248 yr    t = 2.5e+06 yr");
        f.runsFolderProperty().set(dir.resolve("runs").toString());
        // nothing about the JVM changed: no restart, no file
        assertThat(f.save().restartNeeded()).isFalse();
        Path conf = dir.resolve("config/stagger/workbench.conf");
        assertThat(conf).doesNotExist();
        // the keys the local MPI target, the monitor, the numbers and the run requests read
        assertThat(prefs.get(WorkbenchPrefs.MPIRUN, null)).isEqualTo(mpirun.toString());
        assertThat(prefs.getInt("mpi.ranks", -1)).isEqualTo(6);
        assertThat(prefs.getInt(WorkbenchPrefs.MPI_THREADS, -1)).isEqualTo(2);
        assertThat(WorkbenchPrefs.theme(prefs)).isEqualTo("DARK");
        assertThat(WorkbenchPrefs.colormap(prefs, Colormap.VIRIDIS)).isEqualTo(Colormap.TURBO);
        assertThat(WorkbenchPrefs.digits(prefs)).isEqualTo(6);
        assertThat(WorkbenchPrefs.timeUnit(prefs)).isEqualTo(ModelTimeUnit.YEARS);
        assertThat(WorkbenchPrefs.runsFolder(prefs)).isEqualTo(dir.resolve("runs"));
        assertThat(RunRequest.outputDirFor(Path.of("/home/u/p/diffusion-2d.yaml"), WorkbenchPrefs.runsFolder(prefs)))
                .isEqualTo(dir.resolve("runs/diffusion-2d-output"));
        assertThat(f.outputFolderOf(Path.of("/home/u/p/diffusion-2d.yaml"))).isEqualTo(dir.resolve("runs/diffusion-2d-output"));

        // memory and G1: written for the launcher, and a restart is needed
        f.heapProperty().set("12g");
        f.g1Property().set(true);
        assertThat(f.save().restartNeeded()).isTrue();
        assertThat(Files.readAllLines(conf)).contains("heap=12g", "gc=g1");
        assertThat(LaunchOptions.read(conf)).isEqualTo(new LaunchOptions("12g", true));

        // a new form reads it all back; emptied fields fall back to the defaults
        PreferencesForm again = form(Optional.empty());
        assertThat(again.heapProperty().get()).isEqualTo("12g");
        assertThat(again.g1Property().get()).isTrue();
        assertThat(again.ranksProperty().get()).isEqualTo(6);
        assertThat(again.colormapProperty().get()).isEqualTo(Colormap.TURBO);
        assertThat(again.timeUnitProperty().get()).isEqualTo(ModelTimeUnit.YEARS);
        again.runsFolderProperty().set("");
        again.mpirunProperty().set("");
        again.heapProperty().set("");
        assertThat(again.save().restartNeeded()).isTrue();
        assertThat(prefs.get(WorkbenchPrefs.MPIRUN, null)).isNull();
        assertThat(WorkbenchPrefs.runsFolder(prefs)).isNull();
        assertThat(LaunchOptions.read(conf)).isEqualTo(new LaunchOptions(null, true));
        assertThat(RunRequest.outputDirFor(Path.of("/home/u/p/diffusion-2d.yaml"), null))
                .isEqualTo(Path.of("/home/u/p/diffusion-2d-output"));
    }

    @Test
    void theLaunchersFileIgnoresWhatItDoesNotKnow() throws Exception {
        Path conf = Files.writeString(dir.resolve("workbench.conf"),
                "# comment\nheap=$(rm -rf ~)\ngc=g1\nother=1\nnot a line\n");
        assertThat(LaunchOptions.read(conf)).isEqualTo(new LaunchOptions(null, true));
        assertThat(LaunchOptions.read(dir.resolve("none.conf"))).isEqualTo(LaunchOptions.DEFAULT);
        assertThat(form(Optional.empty()).numberSample()).isEqualTo("1235    0.0001235    6.022e+23");
    }
}
