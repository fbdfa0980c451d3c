package dev.stagger.gui.jobs;

import dev.stagger.gui.run.RunJob;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The job list's model: the runs started or attached in this session and those found again from
 * earlier ones, newest first, and the selected one.
 */
public final class Jobs {
    private final ObservableList<RunJob> all = FXCollections.observableArrayList();
    private final ObservableList<RunJob> readOnly = FXCollections.unmodifiableObservableList(all);
    private final ReadOnlyObjectWrapper<RunJob> selected = new ReadOnlyObjectWrapper<>(this, "selected");

    public ObservableList<RunJob> all() {
        return readOnly;
    }

    /** The job the monitor shows. */
    public ReadOnlyObjectProperty<RunJob> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public RunJob selected() {
        return selected.get();
    }

    public void select(RunJob job) {
        selected.set(job);
    }

    /** Adds a just-started job at the top and selects it. */
    public void add(RunJob job) {
        all.add(0, job);
        selected.set(job);
    }

    /** Adds a job found again (from an earlier session) in the order of start times; selects nothing. */
    public void addRestored(RunJob job) {
        int i = 0;
        while (i < all.size() && !all.get(i).started().isBefore(job.started())) {
            i++;
        }
        all.add(i, job);
    }

    /** Removes one job that is over; running jobs stay (stop them first). */
    public boolean remove(RunJob job) {
        if (!job.state().isOver() || !all.remove(job)) {
            return false;
        }
        if (selected.get() == job) {
            selected.set(all.isEmpty() ? null : all.get(0));
        }
        return true;
    }

    /** Removes the jobs that are over. */
    public void clearFinished() {
        all.removeIf(j -> j.state().isOver());
        if (selected.get() != null && !all.contains(selected.get())) {
            selected.set(all.isEmpty() ? null : all.get(0));
        }
    }

    public List<RunJob> running() {
        return all.stream().filter(j -> !j.state().isOver()).toList();
    }
}
