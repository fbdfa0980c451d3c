package dev.stagger.gui.jobs;

import dev.stagger.gui.common.action.CommandControls;
import dev.stagger.gui.run.RunJob;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * What the monitor area shows for a run that ended with no live client to follow (found ended
 * after a restart, lost): how it ended, where its output is, its log and folder.
 */
public final class EndedJobView {
    private EndedJobView() {}

    /** @param commands the job list's: their Show log and Open output folder act on the selected job, which this is */
    public static Node of(RunJob job, JobCommands commands) {
        Label heading = new Label(job.name() + " · " + job.target());
        heading.getStyleClass().add("pane-title");
        Label state = new Label();
        state.textProperty().bind(Bindings.createStringBinding(() -> job.stateTextProperty().get() + ": "
                + job.messageProperty().get(), job.stateTextProperty(), job.messageProperty()));
        state.setWrapText(true);
        Label when = new Label("Started " + JobTable.started(job.started()) + ", ran "
                + JobTable.format(job.durationProperty().get(), job.state()));
        when.getStyleClass().add("muted");
        Label out = new Label("Output: " + job.outputDir());
        out.getStyleClass().add("muted");
        out.setWrapText(true);
        Button log = CommandControls.button(commands.log(), 14);
        Button folder = CommandControls.button(commands.folder(), 14);
        VBox box = new VBox(8, heading, state, when, out, new HBox(8, log, folder));
        box.getStyleClass().addAll("pane", "monitor-placeholder", "ended-job");
        box.setId("ended-job");
        return box;
    }
}
