package dev.stagger.gui.monitor.state;

import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.Status;
import dev.stagger.gui.common.ModelTimeUnit;
import java.util.Locale;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The status line and the ranks table: title, state, step, simulated time, throughput, progress,
 * and one line per rank. Filled from the live run's status, or, for a run never seen live, from
 * what its output folder says about its end. FX thread only.
 */
public final class RunStatusModel {
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.STARTING);
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper(this, "stepText", "");
    private final ReadOnlyStringWrapper timeText = new ReadOnlyStringWrapper(this, "timeText", "");
    private final ReadOnlyStringWrapper throughputText = new ReadOnlyStringWrapper(this, "throughputText", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ObservableList<String> ranks = FXCollections.observableArrayList();
    /** One read-only view, kept: a listener on a fresh wrapper would be lost when the wrapper is collected. */
    private final ObservableList<String> ranksView = FXCollections.unmodifiableObservableList(ranks);
    private boolean statusSeen;
    private ModelTimeUnit timeUnit = ModelTimeUnit.AUTO;
    /** The simulated time shown (NaN before any), kept to show it again in another unit. */
    private double time = Double.NaN;

    /** {@code runName} is the title until the run says its own; null leaves it empty. */
    public RunStatusModel(String runName) {
        if (runName != null) {
            title.set(runName);
        }
    }

    /** The live run's newest status. */
    public void apply(Status s) {
        title.set(s.title().isEmpty() ? s.runName() : s.title());
        state.set(s.state());
        stepText.set(s.totalSteps() > 0 ? "step " + s.step() + " / " + s.totalSteps() : "step " + s.step());
        showTime(s.time());
        throughputText.set(throughput(s.cellUpdatesPerSecond()));
        progress.set(s.totalSteps() > 0 ? s.step() / (double) s.totalSteps() : 0);
        if (!ranks.equals(s.ranks())) {
            ranks.setAll(s.ranks());
        }
        statusSeen = true;
    }

    /** The run's job says it is over: the state of a run never seen live (a live status knows better). */
    public void runEnded(RunState finalState) {
        if (!statusSeen && finalState != null && finalState.isOver()) {
            state.set(finalState);
        }
    }

    /**
     * What the output folder says about a run never seen live: its recorded end state (null when
     * the folder has none), and the step and time of its end (or of its last output).
     */
    public void endFromOutput(String seriesName, RunState recorded, long step, double time) {
        if (title.get().isEmpty()) {
            title.set(seriesName);
        }
        if (statusSeen) {
            return; // the live status said it first, and better
        }
        if (recorded != null) {
            state.set(recorded);
        }
        if (state.get() == RunState.FINISHED) {
            progress.set(1);
        }
        stepText.set(step >= 0 ? "step " + step : "");
        showTime(time);
    }

    public boolean statusSeen() {
        return statusSeen;
    }

    /** Shows simulated time in {@code unit} from now on, the time already shown included. */
    public void useTimeUnit(ModelTimeUnit unit) {
        timeUnit = unit == null ? ModelTimeUnit.AUTO : unit;
        if (!Double.isNaN(time)) {
            timeText.set(time(time, timeUnit));
        }
    }

    private void showTime(double t) {
        time = t;
        timeText.set(time(t, timeUnit));
    }

    /** "t = 1.5 min": simulated time (in seconds) in {@code unit}. */
    static String time(double t, ModelTimeUnit unit) {
        return "t = " + unit.format(t);
    }

    /** "3.50 M cell updates/s"; empty before the run has a rate. */
    public static String throughput(double cellUpdatesPerSecond) {
        if (!(cellUpdatesPerSecond > 0)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.3g M cell updates/s", cellUpdatesPerSecond / 1e6);
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stepTextProperty() {
        return stepText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeTextProperty() {
        return timeText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty throughputTextProperty() {
        return throughputText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ObservableList<String> ranks() {
        return ranksView;
    }
}
