package dev.stagger.gui.app;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** A throw-away preferences node per test. */
final class TestPrefs {
    private TestPrefs() {}

    static Preferences fresh() {
        return Preferences.userRoot().node("dev/stagger/test/" + UUID.randomUUID());
    }

    static void drop(Preferences p) {
        try {
            p.removeNode();
        } catch (BackingStoreException | IllegalStateException e) {
            // already gone
        }
    }

    static java.nio.file.Path samples() {
        return java.nio.file.Path.of("..", "sample-projects").toAbsolutePath().normalize();
    }
}
