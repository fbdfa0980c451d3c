package dev.stagger.gui.monitor.state;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The run's log as the monitor keeps it: the newest {@value #CAPACITY} lines, and those that match
 * the filter. Touched on the FX thread only (the pulse appends, the filter field filters).
 */
public final class LogModel {
    /** Lines kept: a long run logs more than anyone scrolls through, and the list view must stay light. */
    public static final int CAPACITY = 10_000;

    private final ObservableList<LogLine> lines = FXCollections.observableArrayList();
    /** One read-only view, kept: a listener on a fresh wrapper would be lost when the wrapper is collected. */
    private final ObservableList<LogLine> linesView = FXCollections.unmodifiableObservableList(lines);
    private final FilteredList<LogLine> filtered = new FilteredList<>(lines, line -> true);
    /** One read-only view, kept: a listener on a fresh wrapper would be lost when the wrapper is collected. */
    private final ObservableList<LogLine> filteredView = FXCollections.unmodifiableObservableList(filtered);
    private final ReadOnlyStringWrapper filter = new ReadOnlyStringWrapper(this, "logFilter", "");

    /** Appends {@code more} in one change, dropping the oldest lines beyond the capacity. */
    public void append(List<LogLine> more) {
        appendCapped(lines, more, CAPACITY);
    }

    /** Keeps the lines containing {@code text}, ignoring case; empty or null keeps all. */
    public void setFilter(String text) {
        String f = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        filter.set(f);
        filtered.setPredicate(f.isEmpty() ? line -> true
                : line -> line.toString().toLowerCase(Locale.ROOT).contains(f));
    }

    public ObservableList<LogLine> lines() {
        return linesView;
    }

    public ObservableList<LogLine> filtered() {
        return filteredView;
    }

    public ReadOnlyStringProperty filterProperty() {
        return filter.getReadOnlyProperty();
    }

    static <T> void appendCapped(ObservableList<T> list, List<T> more, int capacity) {
        if (more.isEmpty()) {
            return;
        }
        List<T> add = more.size() > capacity ? more.subList(more.size() - capacity, more.size()) : more;
        int excess = list.size() + add.size() - capacity;
        if (excess > 0) {
            list.remove(0, excess);
        }
        list.addAll(add);
    }
}
