package dev.stagger.gui.jobs;

import dev.stagger.engine.live.RunState;
import dev.stagger.gui.common.Icons;
import dev.stagger.gui.common.action.Command;
import dev.stagger.gui.common.action.IconGraphic;
import dev.stagger.gui.run.RunJob;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Window;

/**
 * What can be done with the selected run, each command once: the job list's header buttons and
 * context menu use them, and the shell's Run menu and toolbar use {@link #stop()} (Shift+F5).
 * Each is enabled by the selected job and its state.
 */
public final class JobCommands {
    /** The selected job and, re-bound whenever it changes, its state: commands enable on either. */
    private final ReadOnlyObjectWrapper<RunJob> selected = new ReadOnlyObjectWrapper<>();
    private final SimpleObjectProperty<RunState> selectedState = new SimpleObjectProperty<>();
    private final Command monitor;
    private final Command pause;
    private final Command stop;
    private final Command log;
    private final Command folder;
    private final Command remove;
    private final Command clear;

    /**
     * @param openFolder shows a folder (the file manager)
     * @param owner the window a run's log opens over
     */
    public JobCommands(JobBoard board, Consumer<Path> openFolder, Supplier<Window> owner) {
        Jobs jobs = board.jobs();
        selected.bind(jobs.selectedProperty());
        selected.addListener((o, was, now) -> {
            selectedState.unbind();
            if (now != null) {
                selectedState.bind(now.stateProperty());
            } else {
                selectedState.set(null);
            }
        });
        if (selected.get() != null) {
            selectedState.bind(selected.get().stateProperty());
        }
        BooleanBinding none = selected.isNull();
        BooleanBinding running = Bindings.createBooleanBinding(() -> selected.get() != null && selectedState.get() != null
                && !selectedState.get().isOver(), selected, selectedState);
        BooleanBinding pausable = Bindings.createBooleanBinding(() -> selected.get() != null && selectedState.get() != null
                && selected.get().canPause(), selected, selectedState);

        monitor = Command.builder("job-monitor", "_Monitor").describe("Show the selected run in the monitor")
                .disabledWhen(none).does(() -> jobs.select(selected.get())).build();
        pause = Command.builder("job-pause", "_Pause").icon(Icons.PAUSE).describe("Pause the selected run")
                .disabledWhen(pausable.not()).does(() -> board.pauseOrResume(selected.get())).build();
        stop = Command.builder("job-stop", "_Stop").icon(Icons.STOP).keys("Shift+F5")
                .describe("Stop the selected run; its final state is written")
                .disabledWhen(running.not()).does(() -> board.stop(selected.get())).build();
        log = Command.builder("job-log", "Show _log").icon(Icons.LOG).describe("Show the selected run's log")
                .disabledWhen(none).does(() -> {
                    if (selected.get() != null) {
                        LogWindow.show(owner.get(), board, selected.get());
                    }
                }).build();
        folder = Command.builder("job-folder", "Open output _folder").icon(Icons.FOLDER_OUTPUT)
                .describe("Open the selected run's output folder")
                .disabledWhen(none).does(() -> openFolder.accept(selected.get().outputDir())).build();
        remove = Command.builder("job-remove", "R_emove from list").icon(Icons.REMOVE)
                .describe("Remove the selected run from the list (its output stays)")
                .disabledWhen(none.or(running)).does(() -> board.removeJob(selected.get())).build();
        clear = Command.builder("job-clear", "_Clear ended runs")
                .describe("Remove every run that has ended from the list (their output stays)")
                .does(jobs::clearFinished).build();
        // a paused run is resumed by the same command: its text, icon and tooltip say which it does
        selectedState.addListener((o, was, now) -> {
            boolean paused = now == RunState.PAUSED;
            pause.setText(paused ? "_Resume" : "_Pause");
            pause.setGraphic(new IconGraphic(paused ? Icons.RUN : Icons.PAUSE, 16));
            pause.setLongText(paused ? "Resume the selected run" : "Pause the selected run");
        });
    }

    public Command monitor() {
        return monitor;
    }

    public Command pause() {
        return pause;
    }

    public Command stop() {
        return stop;
    }

    public Command log() {
        return log;
    }

    public Command folder() {
        return folder;
    }

    public Command remove() {
        return remove;
    }

    public Command clear() {
        return clear;
    }

    /** Every job command, for the window's {@code Commands}. */
    public List<Command> all() {
        return List.of(monitor, pause, stop, log, folder, remove, clear);
    }

    /** The selected job (the header's More button lists what else it offers). */
    javafx.beans.property.ReadOnlyObjectProperty<RunJob> selected() {
        return selected.getReadOnlyProperty();
    }
}
