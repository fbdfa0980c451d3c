package dev.stagger.gui.start;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.gui.testing.TestPrefs;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecentProjectsTest {
    private final Preferences prefs = TestPrefs.fresh();

    @AfterEach
    void drop() {
        TestPrefs.drop(prefs);
    }

    @Test
    void newestFirstWithoutDuplicatesAndLimited() {
        RecentProjects recent = new RecentProjects(prefs, 3);
        Path a = Path.of("/p/a.yaml");
        Path b = Path.of("/p/b.yaml");
        Path c = Path.of("/p/c.yaml");
        Path d = Path.of("/p/d.yaml");
        recent.add(a);
        recent.add(b);
        recent.add(a);
        assertThat(recent.items()).containsExactly(a, b);
        recent.add(c);
        recent.add(d);
        assertThat(recent.items()).containsExactly(d, c, a);
    }

    @Test
    void rememberedAcrossInstancesAndRemovable() {
        RecentProjects first = new RecentProjects(prefs, 5);
        first.add(Path.of("/p/a.yaml"));
        first.add(Path.of("/p/b.yaml"));
        RecentProjects second = new RecentProjects(prefs, 5);
        assertThat(second.items()).containsExactly(Path.of("/p/b.yaml"), Path.of("/p/a.yaml"));
        second.remove(Path.of("/p/b.yaml"));
        assertThat(new RecentProjects(prefs, 5).items()).containsExactly(Path.of("/p/a.yaml"));
    }
}
