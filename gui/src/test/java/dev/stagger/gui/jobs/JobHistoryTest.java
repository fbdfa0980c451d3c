package dev.stagger.gui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.live.RunState;
import dev.stagger.gui.testing.TestPrefs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobHistoryTest {
    private final Preferences prefs = TestPrefs.fresh();

    @AfterEach
    void drop() {
        TestPrefs.drop(prefs);
    }

    private static JobHistory.Entry entry(int i, RunState end) {
        return new JobHistory.Entry("id-" + i, Path.of("/runs/r" + i + "-output"), "r" + i, "This computer", i % 2 == 0,
                Instant.parse("2026-01-01T10:00:00Z").plusSeconds(i), i % 3 == 0 ? null : Instant.parse("2026-01-01T10:00:01Z"),
                end, end == RunState.FAILED ? "lost" : null, "message " + i + " with = and \n", 12.5 + i);
    }

    @Test
    void entriesComeBackAsTheyWereSavedAndTheListIsBounded() {
        JobHistory h = new JobHistory(prefs.node("jobs"));
        assertThat(h.load()).isEmpty();
        List<JobHistory.Entry> many = new ArrayList<>();
        for (int i = 0; i < JobHistory.MAX + 7; i++) {
            many.add(entry(i, i % 4 == 0 ? null : i % 4 == 1 ? RunState.FINISHED : RunState.FAILED));
        }
        h.save(many);
        List<JobHistory.Entry> back = new JobHistory(prefs.node("jobs")).load();
        assertThat(back).hasSize(JobHistory.MAX).containsExactlyElementsOf(many.subList(0, JobHistory.MAX));

        h.save(List.of(entry(3, RunState.STOPPED)));
        assertThat(new JobHistory(prefs.node("jobs")).load()).containsExactly(entry(3, RunState.STOPPED));
    }

    @Test
    void anUnreadableEntryIsSkipped() {
        JobHistory h = new JobHistory(prefs.node("jobs"));
        h.save(List.of(entry(1, null), entry(2, RunState.FINISHED)));
        prefs.node("jobs").put("0.started", "yesterday");
        assertThat(h.load()).containsExactly(entry(2, RunState.FINISHED));
    }
}
