package dev.stagger.gui.jobs;

import dev.stagger.gui.common.Icons;
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

    public static Node of(RunJob job, JobBoard model) {
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
        Button log = new Button("Show log", Icons.LOG.node(14));
        log.setOnAction(e -> LogWindow.show(log.getScene() == null ? null : log.getScene().getWindow(), model, job));
        Button folder = new Button("Open output folder", Icons.FOLDER_OUTPUT.node(14));
        folder.setOnAction(e -> model.openOutputFolder(job));
        VBox box = new VBox(8, heading, state, when, out, new HBox(8, log, folder));
        box.getStyleClass().addAll("pane", "monitor-placeholder", "ended-job");
        box.setId("ended-job");
        return box;
    }
}
