package dev.stagger.gui.monitor.output;

import dev.stagger.engine.live.Preview;
import dev.stagger.engine.output.OutputSeries;
import dev.stagger.gui.common.ModelTimeUnit;
import dev.stagger.gui.monitor.frame.FramePipeline;
import dev.stagger.gui.monitor.frame.FrameSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Browses what a finished run wrote. A run refuses previews once it is over, so from then on the
 * monitor shows its output folder: an {@link OutputLoader} reads the .pvd and the chosen step's
 * field on the background executor, bins it like a live preview and hands it through the same
 * {@link FramePipeline}, so the last live frame stays until the file's frame replaces it. Load
 * results wait in a latest-value slot for the pulse, which {@link #apply}s them on the FX thread.
 */
public final class OutputBrowser {
    private final OutputLoader loader;
    private final FramePipeline frames;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicReference<OutputLoader.Result> loaded = new AtomicReference<>();
    private volatile boolean active;
    private volatile int wanted = -1;
    private ModelTimeUnit timeUnit = ModelTimeUnit.AUTO;
    /** The step shown, its 0-based index and the count, kept to say it again in another time unit. */
    private OutputSeries.Step shownStep;
    private int shownIndex;
    private int shownCount;

    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showingOutput");
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "outputCount");
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "outputIndex", -1);
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper(this, "outputStepText", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    /**
     * Reads {@code folder} (null: there is none, and nothing is ever shown); {@code runName} picks
     * {@code <runName>.pvd} where it holds several series.
     */
    public OutputBrowser(Path folder, String runName, int resolution, Executor background, FramePipeline frames) {
        this.frames = frames;
        this.loader = folder == null ? null : new OutputLoader(folder, runName, resolution, background, this::loaded);
    }

    /** From now on the monitor shows the output folder; the first call only, from any thread. */
    public void show() {
        if (loader == null || !started.compareAndSet(false, true)) {
            return;
        }
        active = true;
        reload();
    }

    /** True once the output, not the live run, is what the field and slice choices apply to. */
    public boolean isActive() {
        return active;
    }

    /** Shows output {@code i} (0-based, in the .pvd's order). FX thread. */
    public void select(int i) {
        if (!active || i < 0 || i == index.get()) {
            return;
        }
        wanted = i;
        index.set(i);
        reload();
    }

    /** Loads the wanted step again with the current field and slice. */
    public void reload() {
        FrameSettings s = frames.settings();
        loader.request(new OutputLoader.Request(wanted, s.field(), s.sliceAxis(), s.sliceIndex()));
    }

    /** A load finished (loading thread): its facts wait for the pulse, its preview goes through the pipeline. */
    private void loaded(OutputLoader.Result r) {
        if (r.loaded() == null) {
            // no stale picture under the message: the step asked for is not what it would show
            frames.clear();
            loaded.set(r);
            return;
        }
        Preview p = r.loaded().preview();
        // a field the output lacks gives way to the one read; a 3D slice left to the middle becomes explicit
        frames.update(s -> {
            FrameSettings t = s.field() == null || !r.loaded().fields().contains(s.field()) ? s.withField(p.field()) : s;
            return r.loaded().dims() == 3 && t.sliceIndex() == 0 ? t.withSlice(t.sliceAxis(), p.sliceIndex()) : t;
        });
        loaded.set(r);
        frames.show(p);
    }

    /** The newest load's result not yet applied, or null. Pulse only. */
    public OutputLoader.Result takeResult() {
        return loaded.getAndSet(null);
    }

    /** Shows {@code r}'s step, count and problem. FX thread. */
    public void apply(OutputLoader.Result r) {
        showing.set(true);
        problem.set(r.problem() == null ? "" : r.problem());
        OutputSeries series = r.series();
        if (series == null) {
            return;
        }
        List<OutputSeries.Step> steps = series.steps();
        count.set(steps.size());
        if (wanted < 0) {
            index.set(r.index()); // else the user's choice is already there, and stays while they drag
        }
        shownStep = steps.get(r.index());
        shownIndex = r.index();
        shownCount = steps.size();
        stepText.set(stepText(shownStep, shownIndex, shownCount, timeUnit));
    }

    /** Says the step shown with its time in {@code unit} from now on. FX thread. */
    public void useTimeUnit(ModelTimeUnit unit) {
        timeUnit = unit == null ? ModelTimeUnit.AUTO : unit;
        if (shownStep != null) {
            stepText.set(stepText(shownStep, shownIndex, shownCount, timeUnit));
        }
    }

    /** "step 100, t = 2.5 d (6 of 6)". */
    static String stepText(OutputSeries.Step step, int index, int count, ModelTimeUnit unit) {
        return (step.step() >= 0 ? "step " + step.step() + ", " : "") + "t = " + unit.format(step.time()) + " ("
                + (index + 1) + " of " + count + ")";
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stepTextProperty() {
        return stepText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
