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
            Preferences parent = p.parent();
            p.removeNode();
            parent.flush(); // the backing store drops the node's folder at the next flush: now, not never
        } catch (BackingStoreException | IllegalStateException e) {
            // already gone
        }
    }

    /** Drops a node by its path (one a test's child JVM wrote). */
    static void drop(String path) {
        drop(Preferences.userRoot().node(path));
    }

    static java.nio.file.Path samples() {
        return java.nio.file.Path.of("..", "sample-projects").toAbsolutePath().normalize();
    }
}
