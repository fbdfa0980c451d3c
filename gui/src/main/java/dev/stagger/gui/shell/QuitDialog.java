package dev.stagger.gui.shell;

import dev.stagger.gui.common.Themed;
import dev.stagger.gui.run.RunJob;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ProgressBar;
import javafx.stage.Window;

/** What quitting does with runs still going: the question, and the wait while they stop. */
final class QuitDialog {
    static final ButtonType STOP_ALL = new ButtonType("Stop runs and quit", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType KEEP = new ButtonType("Quit, keep MPI runs going", ButtonBar.ButtonData.OTHER);

    enum Choice { STOP_ALL, KEEP_OUTLIVING, CANCEL }

    private QuitDialog() {}

    /** "N runs are still going." Keeping runs is offered only when some run lives in a process of its own. */
    static Choice ask(Window owner, List<RunJob> running, boolean canKeep) {
        List<ButtonType> buttons = new ArrayList<>(List.of(STOP_ALL));
        if (canKeep) {
            buttons.add(KEEP);
        }
        buttons.add(ButtonType.CANCEL);
        String list = running.stream().map(j -> "• " + j.name() + " (" + j.target().toLowerCase(java.util.Locale.ROOT)
                + ")").collect(Collectors.joining("\n"));
        String content = list + "\n\nStopping writes each run's final state and output." + (canKeep
                ? "\nRuns on MPI ranks or started from the command line can go on without the workbench; it finds"
                        + " them again at its next start. Runs inside the workbench stop in any case."
                : "");
        Alert a = new Alert(Alert.AlertType.WARNING, content, buttons.toArray(ButtonType[]::new));
        a.setHeaderText(running.size() == 1 ? "1 run is still going." : running.size() + " runs are still going.");
        a.setTitle("Quit Stagger");
        if (owner != null) {
            a.initOwner(owner);
        }
        Themed.follow(a, owner);
        ButtonType answer = a.showAndWait().orElse(ButtonType.CANCEL);
        return answer == STOP_ALL ? Choice.STOP_ALL : answer == KEEP ? Choice.KEEP_OUTLIVING : Choice.CANCEL;
    }

    /**
     * Shows a progress while {@code ended} is pending and runs {@code then} once, when it completes
     * or when the user chooses "Quit now".
     */
    static void waitFor(Window owner, CompletableFuture<Boolean> ended, int count, long timeoutSeconds, Runnable then) {
        if (ended.isDone()) {
            then.run();
            return;
        }
        ButtonType now = new ButtonType("Quit now", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.NONE, (count == 1 ? "Stopping 1 run" : "Stopping " + count + " runs")
                + ": waiting for the final state to be written (at most " + timeoutSeconds + " s).", now);
        a.setHeaderText("Quitting");
        a.setTitle("Quit Stagger");
        ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        bar.setPrefWidth(320);
        a.setGraphic(bar);
        if (owner != null) {
            a.initOwner(owner);
        }
        Themed.follow(a, owner);
        boolean[] once = {false};
        Runnable finish = () -> {
            if (!once[0]) {
                once[0] = true;
                then.run();
            }
        };
        a.setOnHidden(e -> finish.run());
        ended.whenComplete((ok, error) -> Platform.runLater(() -> {
            a.close();
            finish.run();
        }));
        a.show();
    }
}
