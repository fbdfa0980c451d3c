package dev.stagger.gui.start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The most recently opened project files, newest first, kept in a preferences node. */
public final class RecentProjects {
    private static final System.Logger LOG = System.getLogger(RecentProjects.class.getName());
    private static final String KEY = "recent.";

    private final Preferences prefs;
    private final int max;
    private final ObservableList<Path> items = FXCollections.observableArrayList();
    private final ObservableList<Path> readOnly = FXCollections.unmodifiableObservableList(items);

    public RecentProjects(Preferences prefs, int max) {
        this.prefs = prefs;
        this.max = max;
        for (int i = 0; i < max; i++) {
            String value = prefs.get(KEY + i, null);
            if (value == null) {
                break;
            }
            Path p = Path.of(value);
            if (!items.contains(p)) {
                items.add(p);
            }
        }
    }

    public ObservableList<Path> items() {
        return readOnly;
    }

    /** Puts {@code file} first (moving it if it was already listed) and drops the oldest beyond the limit. */
    public void add(Path file) {
        Path p = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(items);
        next.remove(p);
        next.add(0, p);
        while (next.size() > max) {
            next.remove(next.size() - 1);
        }
        items.setAll(next);
        store();
    }

    /** Forgets {@code file} (for instance when it no longer exists). */
    public void remove(Path file) {
        if (items.remove(file.toAbsolutePath().normalize()) || items.remove(file)) {
            store();
        }
    }

    public void clear() {
        items.clear();
        store();
    }

    private void store() {
        for (int i = 0; i < max; i++) {
            if (i < items.size()) {
                prefs.put(KEY + i, items.get(i).toString());
            } else {
                prefs.remove(KEY + i);
            }
        }
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot store the recent projects", e);
            // the list still works for this session; it is only not remembered
        }
    }
}
