package dev.stagger.gui.diagnostics;

import dev.stagger.gui.common.Themed;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The lines behind a notice's Details button: every problem of a project that could not be opened,
 * one per row as {@code file:line:column: key: message}, selectable, with a Copy button.
 */
public final class DetailsDialog {
    private DetailsDialog() {}

    /** The dialog's content (tests look at it without showing a window). */
    public static VBox content(String text, List<String> lines) {
        Label what = new Label(text);
        what.setWrapText(true);
        ListView<String> list = new ListView<>();
        list.setId("details-list");
        list.getItems().setAll(lines);
        list.setPrefHeight(Math.min(400, 28 + 24 * lines.size()));
        list.setPrefWidth(720);
        VBox.setVgrow(list, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setId("details-copy");
        copy.setAccessibleText("Copy all problems");
        copy.setOnAction(e -> {
            ClipboardContent clip = new ClipboardContent();
            clip.putString(String.join("\n", lines));
            Clipboard.getSystemClipboard().setContent(clip);
            copy.setText("Copied");
        });
        VBox box = new VBox(8, what, list, copy);
        box.setId("details-content");
        return box;
    }

    /** Shows the lines over {@code owner} and waits until the dialog is closed. */
    public static void show(Window owner, String text, List<String> lines) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        Themed.follow(a, owner);
        a.setTitle("Details");
        a.setHeaderText(lines.size() == 1 ? "1 problem" : lines.size() + " problems");
        a.getDialogPane().setContent(content(text, lines));
        a.setResizable(true);
        a.showAndWait();
    }
}
