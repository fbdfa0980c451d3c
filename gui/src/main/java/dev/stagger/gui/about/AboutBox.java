package dev.stagger.gui.about;

import dev.stagger.engine.cli.BuildInfo;
import dev.stagger.gui.common.Themed;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Help > About: what {@code stagger --version} says (version and build commit from the manifests,
 * Java, the JavaFX of the build), plus the JavaFX actually running, with a Copy button so the
 * details go into a bug report as they are.
 */
public final class AboutBox {
    private AboutBox() {}

    /** The details, one per line, as the box shows and copies them. */
    public static String details() {
        List<String> lines = new ArrayList<>(BuildInfo.current().lines());
        String running = System.getProperty("javafx.runtime.version", System.getProperty("javafx.version"));
        if (running != null) {
            lines.add("JavaFX running: " + running);
        }
        return String.join("\n", lines);
    }

    /** The box's content: a line about Stagger, the details (selectable) and the Copy button. */
    public static VBox content() {
        TextArea text = new TextArea(details());
        text.setEditable(false);
        text.setWrapText(false);
        text.setPrefRowCount(text.getText().split("\n").length);
        text.setPrefColumnCount(60);
        text.setId("about-details");
        Button copy = new Button("Copy");
        copy.setId("about-copy");
        copy.setAccessibleText("Copy the version details");
        copy.setOnAction(e -> {
            ClipboardContent clip = new ClipboardContent();
            clip.putString(text.getText());
            Clipboard.getSystemClipboard().setContent(clip);
            copy.setText("Copied");
        });
        VBox box = new VBox(8, new Label("Finite-difference simulations on staggered grids, after Chmy.jl."), text, copy);
        box.setId("about-content");
        return box;
    }

    /** Shows the box over {@code owner} and waits until it is closed. */
    public static void show(Window owner, Node graphic) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        Themed.follow(a, owner);
        a.setTitle("About Stagger");
        a.setHeaderText("Stagger " + BuildInfo.current().version());
        a.getDialogPane().setContent(content());
        a.setGraphic(graphic);
        a.setResizable(true);
        a.showAndWait();
    }
}
