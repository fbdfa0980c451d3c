package dev.stagger.gui.jobs;

import dev.stagger.gui.common.Failures;
import dev.stagger.gui.common.Icons;
import dev.stagger.gui.common.Themed;
import dev.stagger.gui.run.RunJob;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A window with a job's log (see {@link JobLog}); Refresh reads it again. Reading happens off the FX thread. */
public final class LogWindow {
    private LogWindow() {}

    public static Stage show(Window owner, JobBoard model, RunJob job) {
        TextArea text = new TextArea("Reading the log…");
        text.setEditable(false);
        text.setWrapText(false);
        text.getStyleClass().add("log-text");
        text.setId("log-text");
        Label where = new Label(job.outputDir().toString());
        where.getStyleClass().add("muted");
        Button refresh = new Button("Refresh");
        Button folder = new Button("Open output folder", Icons.FOLDER_OUTPUT.node(14));
        folder.setOnAction(e -> model.openOutputFolder(job));
        Runnable read = () -> model.readLog(job).whenComplete((t, error) -> {
            // appending scrolls to the end, which is what one looks for in a log
            text.clear();
            text.appendText(error == null ? t : "No log to show: " + Failures.why(error));
        });
        refresh.setOnAction(e -> read.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, where, gap, folder, refresh);
        bar.setPadding(new Insets(8));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        BorderPane root = new BorderPane(text, null, null, bar, null);
        root.getStyleClass().add("workbench");
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.getIcons().setAll(owner instanceof Stage s ? s.getIcons() : java.util.List.of());
        }
        stage.setTitle("Log of " + job.name() + " (" + job.target() + ")");
        Scene scene = new Scene(root, 820, 520);
        stage.setScene(scene);
        Themed.follow(stage, owner);
        stage.show();
        read.run();
        return stage;
    }
}
