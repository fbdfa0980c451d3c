package dev.stagger.gui.testing;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** A throw-away preferences node per test. */
public final class TestPrefs {
    private TestPrefs() {}

    public static Preferences fresh() {
        return Preferences.userRoot().node("dev/stagger/test/" + UUID.randomUUID());
    }

    public static void drop(Preferences p) {
        try {
            Preferences parent = p.parent();
            // the JDK's file store leaves the folder of a node never flushed itself (only its children)
            // behind when the node is removed: flush it first, and the parent after, so nothing stays
            p.flush();
            p.removeNode();
            parent.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            // already gone
        }
    }

    /** Drops a node by its path (one a test's child JVM wrote). */
    public static void drop(String path) {
        drop(Preferences.userRoot().node(path));
    }

    public static java.nio.file.Path samples() {
        return java.nio.file.Path.of("..", "sample-projects").toAbsolutePath().normalize();
    }
}
