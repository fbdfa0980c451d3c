package dev.stagger.gui.diagnostics;

import dev.stagger.gui.common.Themed;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The dialog of a {@link CrashReport}: what went wrong in a line, the details (selectable, with a
 * Copy button for the bug report), the log file and where to report it. The workbench goes on
 * after it is closed; the work that failed did not happen.
 */
public final class CrashDialog {
    private CrashDialog() {}

    /** The dialog's content (tests look at it without showing a window). */
    public static VBox content(CrashReport report) {
        Label what = new Label("Stagger hit an error it did not expect: " + report.summary()
                + "\nWhat you were doing may not have finished. The workbench goes on: save your project to be safe.");
        what.setWrapText(true);
        TextArea details = new TextArea(report.details());
        details.setId("crash-details");
        details.setEditable(false);
        details.setWrapText(false);
        details.setPrefRowCount(14);
        details.setPrefColumnCount(90);
        VBox.setVgrow(details, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setId("crash-copy");
        copy.setAccessibleText("Copy the error details");
        copy.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        copy.setOnAction(e -> {
            ClipboardContent clip = new ClipboardContent();
            clip.putString(details.getText());
            Clipboard.getSystemClipboard().setContent(clip);
            copy.setText("Copied");
        });
        Label where = new Label(CrashReport.WHERE_TO_REPORT);
        where.setId("crash-where");
        where.setWrapText(true);
        HBox.setHgrow(where, Priority.ALWAYS);
        VBox box = new VBox(8, what, details, new HBox(12, copy, where));
        box.setId("crash-content");
        box.setPrefWidth(760);
        return box;
    }

    /** Shows {@code report} over {@code owner} and waits until it is closed. */
    public static void show(Window owner, CrashReport report) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        if (owner != null && owner.isShowing()) {
            a.initOwner(owner);
        }
        // an owner not shown yet (an error while starting) has no look to give: the workbench's, if any
        Themed.follow(a, owner != null && owner.isShowing() ? owner : null);
        a.setTitle("Stagger: unexpected error");
        a.setHeaderText("Something went wrong inside Stagger");
        a.getDialogPane().setContent(content(report));
        a.setResizable(true);
        a.showAndWait();
    }
}
