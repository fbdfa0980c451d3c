package dev.stagger.gui.monitor;

import dev.stagger.gui.monitor.frame.FramePipeline;
import dev.stagger.gui.monitor.frame.FrameSettings;
import dev.stagger.engine.render.Colormap;
import dev.stagger.engine.render.Range;
import dev.stagger.engine.render.Scale;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The toolbar's state: the fields to choose from, the chosen field, colour map, scale, range and 3D slice,
 * and the grid they refer to. The choices go into the {@link FramePipeline}'s settings (what the
 * background threads fetch and render); the properties follow the settings at each pulse, since
 * the background picks defaults too. FX thread only.
 */
final class FrameControls {
    private final FramePipeline frames;
    private final ObservableList<String> fields = FXCollections.observableArrayList();
    /** One read-only view, kept: a listener on a fresh wrapper would be lost when the wrapper is collected. */
    private final ObservableList<String> fieldsView = FXCollections.unmodifiableObservableList(fields);
    private final ReadOnlyStringWrapper selectedField = new ReadOnlyStringWrapper(this, "selectedField");
    private final ReadOnlyObjectWrapper<Colormap> colormap =
            new ReadOnlyObjectWrapper<>(this, "colormap", Colormap.VIRIDIS);
    private final ReadOnlyObjectWrapper<Scale> scale = new ReadOnlyObjectWrapper<>(this, "scale", Scale.LINEAR);
    private final ReadOnlyBooleanWrapper autoRange = new ReadOnlyBooleanWrapper(this, "autoRange", true);
    private final ReadOnlyDoubleWrapper rangeMin = new ReadOnlyDoubleWrapper(this, "rangeMin", 0);
    private final ReadOnlyDoubleWrapper rangeMax = new ReadOnlyDoubleWrapper(this, "rangeMax", 1);
    private final ReadOnlyIntegerWrapper dims = new ReadOnlyIntegerWrapper(this, "dims", 0);
    private final ReadOnlyIntegerWrapper sliceAxis = new ReadOnlyIntegerWrapper(this, "sliceAxis", 2);
    private final ReadOnlyIntegerWrapper sliceIndex = new ReadOnlyIntegerWrapper(this, "sliceIndex", 1);
    private final ReadOnlyIntegerWrapper sliceCount = new ReadOnlyIntegerWrapper(this, "sliceCount", 1);
    private int[] cells = new int[0];

    FrameControls(FramePipeline frames) {
        this.frames = frames;
    }

    /** Returns whether the field changed (the caller then fetches it). */
    boolean selectField(String field) {
        if (field == null || field.equals(selectedField.get())) {
            return false;
        }
        frames.update(s -> s.withField(field));
        selectedField.set(field);
        return true;
    }

    /** Returns whether the map changed (the caller then re-colours the newest preview). */
    boolean selectColormap(Colormap map) {
        if (map == null || map == colormap.get()) {
            return false;
        }
        frames.update(s -> s.withColormap(map));
        colormap.set(map);
        return true;
    }

    /** Returns whether the scale changed (the caller then re-colours the newest preview). */
    boolean selectScale(Scale s) {
        if (s == null || s == scale.get()) {
            return false;
        }
        frames.update(f -> f.withScale(s));
        scale.set(s);
        return true;
    }

    void useAutoRange() {
        frames.update(s -> s.withRange(Range.auto()));
        autoRange.set(true);
    }

    void useFixedRange(double min, double max) {
        Range r = Range.of(Math.min(min, max), Math.max(min, max));
        frames.update(s -> s.withRange(r));
        autoRange.set(false);
        rangeMin.set(r.min());
        rangeMax.set(r.max());
    }

    /** The range the shown frame uses, for an export that must look like the screen. */
    Range range() {
        return autoRange.get() ? Range.auto() : Range.of(rangeMin.get(), rangeMax.get());
    }

    void selectSlice(int axis, int index) {
        if (axis < 0 || axis > 2) {
            throw new IllegalArgumentException("slice axis must be 0, 1 or 2, got " + axis);
        }
        int count = cells.length > axis ? cells[axis] : Math.max(1, index);
        int clamped = Math.max(1, Math.min(count, index));
        frames.update(s -> s.withSlice(axis, clamped));
        sliceCount.set(count);
        sliceAxis.set(axis);
        sliceIndex.set(clamped);
    }

    /** The fields and grid of what is shown: the live run's, or the output file's. */
    void grid(List<String> names, int dimensions, int[] cellCounts) {
        // the same fields in another order (an output file lists vertex data before cell data): the
        // chooser keeps the run's order instead of jumping when the run ends and its output is shown
        if (!new java.util.HashSet<>(fields).equals(new java.util.HashSet<>(names)) || fields.size() != names.size()) {
            fields.setAll(names);
        }
        dims.set(dimensions);
        cells = cellCounts;
    }

    /** Brings the chosen field and slice up to the settings the background may have defaulted. */
    void followSettings() {
        FrameSettings now = frames.settings();
        if (now.field() != null && !now.field().equals(selectedField.get())) {
            selectedField.set(now.field());
        }
        if (dims.get() == 3) {
            // the count first: a spinner bound to it would clamp an index beyond the old count
            sliceCount.set(cells.length > now.sliceAxis() ? cells[now.sliceAxis()] : 1);
            sliceAxis.set(now.sliceAxis());
            sliceIndex.set(Math.max(1, now.sliceIndex()));
        }
    }

    ObservableList<String> fields() {
        return fieldsView;
    }

    ReadOnlyStringProperty selectedFieldProperty() {
        return selectedField.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Colormap> colormapProperty() {
        return colormap.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Scale> scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty autoRangeProperty() {
        return autoRange.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty rangeMinProperty() {
        return rangeMin.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty rangeMaxProperty() {
        return rangeMax.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty dimsProperty() {
        return dims.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty sliceAxisProperty() {
        return sliceAxis.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty sliceIndexProperty() {
        return sliceIndex.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty sliceCountProperty() {
        return sliceCount.getReadOnlyProperty();
    }
}
