package dev.stagger.gui.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.gui.testing.TestPrefs;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The "Run on …" dialog's logic without the toolkit: defaults, memory, problems, preview. */
class RunFormTest {
    private final Preferences prefs = TestPrefs.fresh();

    @AfterEach
    void drop() {
        TestPrefs.drop(prefs);
    }

    /** A target with a choice, a rank count and a rule about the two together. */
    private static final class Target implements RunTarget {
        List<String> profiles = List.of("hpc", "laptop");

        @Override
        public String displayName() {
            return "Somewhere";
        }

        @Override
        public List<RunSetting> settings() {
            return List.of(RunSetting.choice("cluster", "Cluster", profiles, profiles.get(0), "where"),
                    RunSetting.integer("ranks", "MPI ranks", 4, 1, 64, "how many"),
                    RunSetting.text("time", "Walltime", "", "HH:MM:SS"));
        }

        @Override
        public String problem(Map<String, String> s) {
            return s.get("cluster").equals("laptop") && Integer.parseInt(s.get("ranks")) > 8
                    ? "the laptop has 8 cores" : null;
        }

        @Override
        public String preview(RunRequest request) {
            return "#SBATCH --ntasks=" + request.setting("ranks", "?") + " on " + request.setting("cluster", "?");
        }

        @Override
        public RunJob start(RunRequest request) {
            throw new UnsupportedOperationException();
        }
    }

    private static Optional<RunRequest> request(Map<String, String> values) {
        return Optional.of(new RunRequest("p", null, null, null, dev.stagger.engine.run.RunPlanner.RunOverrides.NONE,
                values));
    }

    @Test
    void startsFromTheDefaultsAndShowsWhatItWouldRun() {
        RunForm form = new RunForm(new Target(), prefs, RunFormTest::request);
        assertThat(form.values()).containsEntry("cluster", "hpc").containsEntry("ranks", "4").containsEntry("time", "");
        assertThat(form.isValid()).isTrue();
        assertThat(form.preview()).isEqualTo("#SBATCH --ntasks=4 on hpc");
    }

    @Test
    void eachSettingChecksItsValueThenTheTargetChecksThemTogether() {
        RunForm form = new RunForm(new Target(), prefs, RunFormTest::request);
        form.set("ranks", "four");
        assertThat(form.problems()).containsExactly("MPI ranks must be a whole number, not 'four'");
        assertThat(form.preview()).startsWith("# MPI ranks must be");
        form.set("ranks", "0");
        assertThat(form.problems()).containsExactly("MPI ranks must be between 1 and 64");
        form.set("ranks", "16");
        form.set("cluster", "laptop");
        assertThat(form.problems()).containsExactly("the laptop has 8 cores");
        form.set("cluster", "mars");
        assertThat(form.problems()).containsExactly("Cluster: choose one of hpc, laptop");
        assertThatThrownBy(() -> form.set("nodes", "2")).hasMessageContaining("has no setting nodes");
    }

    @Test
    void theValuesOfTheLastRunComeBackAndAChoiceNoLongerOfferedFallsBack() {
        Target target = new Target();
        RunForm first = new RunForm(target, prefs, RunFormTest::request);
        first.set("ranks", "8");
        first.set("cluster", "laptop");
        first.remember();
        RunForm again = new RunForm(target, prefs, RunFormTest::request);
        assertThat(again.values()).containsEntry("ranks", "8").containsEntry("cluster", "laptop");
        target.profiles = List.of("hpc"); // the laptop profile was removed
        RunForm later = new RunForm(target, prefs, RunFormTest::request);
        assertThat(later.value("cluster")).isEqualTo("hpc");
        assertThat(later.value("ranks")).isEqualTo("8");
    }

    @Test
    void withoutASavedProjectThePreviewSaysSo() {
        RunForm form = new RunForm(new Target(), prefs, values -> Optional.empty());
        assertThat(form.preview()).isEqualTo("# open and save a project first");
    }
}
