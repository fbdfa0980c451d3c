package dev.stagger.gui.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.remote.doctor.Check;
import dev.stagger.remote.profile.ClusterProfile;
import dev.stagger.remote.profile.Launcher;
import dev.stagger.remote.profile.ProfileException;
import dev.stagger.remote.profile.ProfileKey;
import dev.stagger.remote.profile.ProfileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile editor's logic on real profile files, and the doctor's checklist as the editor shows it. */
class ProfileFormTest {
    @TempDir
    Path dir;

    @Test
    void aNewProfileIsCheckedByTheProfileReaderAndWritten() throws Exception {
        ProfileStore store = new ProfileStore(dir);
        ProfileForm form = ProfileForm.create(store, "login.hpc.example");
        assertThat(form.name()).isEqualTo("login.hpc.example");
        form.name("hpc");
        form.set(ProfileKey.PORT, "twenty-two");
        assertThat(form.problems()).singleElement().asString().startsWith("port:");
        form.set(ProfileKey.PORT, "2222");
        form.set(ProfileKey.LAUNCHER, "slurm");
        form.set(ProfileKey.SLURM_PARTITION, "gpu");
        assertThat(form.problems()).isEmpty();
        form.save();
        ClusterProfile p = store.load("hpc");
        assertThat(p.host()).isEqualTo("login.hpc.example");
        assertThat(p.port()).isEqualTo(2222);
        assertThat(p.launcher()).isEqualTo(Launcher.SLURM);
        assertThat(p.slurm().partition()).isEqualTo("gpu");

        ProfileForm twice = ProfileForm.create(store, "hpc");
        assertThat(twice.problems()).anySatisfy(s -> assertThat(s).contains("exists already"));
        twice.name("bad name");
        assertThat(twice.problems()).anySatisfy(s -> assertThat(s).startsWith("name:"));
        assertThatThrownBy(twice::save).isInstanceOf(ProfileException.class);
    }

    @Test
    void anEditChangesOnlyWhatChangedAndKeepsTheFilesComments() throws Exception {
        ProfileStore store = new ProfileStore(dir);
        Files.writeString(store.file("hpc"), """
                # our group's cluster: ask Jo before changing the partition
                format: 1
                host: login.hpc.example   # the login node
                launcher: slurm
                slurm:
                  partition: normal
                """);
        ProfileForm form = ProfileForm.edit(store, "hpc");
        assertThat(form.isNew()).isFalse();
        assertThat(form.value(ProfileKey.SLURM_PARTITION)).isEqualTo("normal");
        assertThatThrownBy(() -> form.name("other")).isInstanceOf(IllegalStateException.class);
        form.set(ProfileKey.SLURM_PARTITION, "gpu");
        form.set(ProfileKey.USER, "jo");
        form.save();
        String text = Files.readString(store.file("hpc"));
        assertThat(text).contains("# our group's cluster: ask Jo before changing the partition")
                .contains("host: login.hpc.example   # the login node").contains("partition: gpu").contains("user: jo");
        ProfileForm again = ProfileForm.edit(store, "hpc");
        again.set(ProfileKey.USER, "");
        again.save();
        assertThat(store.load("hpc").user()).as("emptied: the default applies again").isNull();
    }

    @Test
    void theDoctorsChecklistShowsEachFixAndSaysWhatStaggerCanFix() {
        Check ok = new Check("Java", Check.Outcome.OK, "Java 17", null, false);
        Check mpi = new Check("MPI Java bindings", Check.Outcome.FAILED, "no mpi.jar", "deploy it", true);
        Check warn = new Check("sacct", Check.Outcome.WARNING, "accounting is off", "ask your admins", false);
        assertThat(DoctorRun.line(ok)).isEqualTo("✓ Java: Java 17");
        assertThat(DoctorRun.line(mpi)).isEqualTo("✗ MPI Java bindings: no mpi.jar\n    fix (Stagger can do it: Apply"
                + " fixes): deploy it");
        assertThat(DoctorRun.line(warn)).contains("! sacct").contains("fix: ask your admins");
        assertThat(DoctorRun.summary(List.of(ok, mpi, warn))).isEqualTo("1 failed, 1 warning.");
        assertThat(DoctorRun.summary(List.of(ok, warn))).startsWith("All 2 checks passed (1 warning");
        assertThat(DoctorRun.summary(List.of(ok))).isEqualTo("All 1 checks passed.");
    }
}
