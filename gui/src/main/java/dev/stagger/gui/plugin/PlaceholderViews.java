package dev.stagger.gui.plugin;

import dev.stagger.engine.project.ProjectWriter;
import dev.stagger.gui.document.ProjectDocument;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.start.SampleGallery;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * What the workbench shows until the setup editor and the monitor are plugged in: the project as
 * YAML (read-only), and the selected job's state and progress.
 */
public final class PlaceholderViews {
    private PlaceholderViews() {}

    public static Node setupSummary(ProjectDocument document) {
        Label heading = new Label();
        heading.getStyleClass().add("pane-title");
        heading.textProperty().bind(Bindings.createStringBinding(() -> document.project().title(),
                document.projectProperty()));
        Label sub = new Label();
        sub.getStyleClass().add("muted");
        sub.textProperty().bind(Bindings.createStringBinding(() -> SampleGallery.summary(document.project()),
                document.projectProperty()));
        TextArea yaml = new TextArea();
        yaml.setEditable(false);
        yaml.getStyleClass().add("yaml");
        yaml.textProperty().bind(Bindings.createStringBinding(() -> ProjectWriter.toYaml(document.project()),
                document.projectProperty()));
        VBox.setVgrow(yaml, Priority.ALWAYS);
        VBox box = new VBox(6, heading, sub, yaml);
        box.getStyleClass().addAll("pane", "setup-placeholder");
        return box;
    }

    public static Node jobSummary(RunJob job) {
        Label heading = new Label(job.name() + " · " + job.target());
        heading.getStyleClass().add("pane-title");
        Label state = new Label();
        state.textProperty().bind(Bindings.createStringBinding(
                () -> job.state().name().toLowerCase(Locale.ROOT) + " — " + job.messageProperty().get(),
                job.stateProperty(), job.messageProperty()));
        state.setWrapText(true);
        Label out = new Label("Output: " + job.outputDir());
        out.getStyleClass().add("muted");
        VBox box = new VBox(6, heading, state, out);
        box.getStyleClass().addAll("pane", "monitor-placeholder");
        return box;
    }

    public static Node noJob() {
        Label l = new Label("Run the project (F5) to watch it here.");
        l.getStyleClass().add("muted");
        VBox box = new VBox(l);
        box.getStyleClass().addAll("pane", "monitor-placeholder", "empty");
        return box;
    }

}
