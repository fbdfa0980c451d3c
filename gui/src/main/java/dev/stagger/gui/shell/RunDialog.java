package dev.stagger.gui.shell;

import dev.stagger.gui.common.Themed;
import dev.stagger.gui.run.RunForm;
import dev.stagger.gui.run.RunSetting;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Run on …": a form drawn from the target's settings (a {@link RunForm}), the problems with the
 * values typed, and the preview of what the target will do (the job script for a cluster), kept up
 * to date as the user types. Answers the values, or nothing when cancelled.
 */
final class RunDialog {
    static final ButtonType RUN = new ButtonType("Run", ButtonBar.ButtonData.OK_DONE);

    private RunDialog() {}

    static Optional<Map<String, String>> ask(Window owner, RunForm form) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        String title = "Run on " + form.target().displayName().toLowerCase(java.util.Locale.ROOT);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.getDialogPane().getButtonTypes().setAll(RUN, ButtonType.CANCEL);
        dialog.getDialogPane().setId("run-dialog");
        Themed.follow(dialog, owner);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        Label problems = new Label();
        problems.setId("run-problems");
        problems.getStyleClass().add("error-text");
        problems.setWrapText(true);
        TextArea preview = new TextArea();
        preview.setId("run-preview");
        preview.setEditable(false);
        preview.setPrefRowCount(16);
        preview.setPrefColumnCount(72);
        preview.setStyle("-fx-font-family: monospace;");
        Node runButton = dialog.getDialogPane().lookupButton(RUN);
        Runnable refresh = () -> {
            problems.setText(String.join("\n", form.problems()));
            runButton.setDisable(!form.isValid());
            preview.setText(form.preview());
        };
        int row = 0;
        for (RunSetting s : form.settings()) {
            Label label = new Label(s.label());
            Node input = input(s, form, refresh);
            input.setId("run-setting-" + s.key());
            if (!s.help().isEmpty()) {
                Tooltip.install(input, new Tooltip(s.help()));
                label.setTooltip(new Tooltip(s.help()));
            }
            grid.addRow(row++, label, input);
        }
        Label previewLabel = new Label(form.target().settings().isEmpty() ? "" : "What it will run:");
        VBox content = new VBox(10, grid, problems, previewLabel, preview);
        VBox.setVgrow(preview, Priority.ALWAYS);
        content.setPadding(new Insets(4));
        dialog.getDialogPane().setContent(content);
        dialog.setResizable(true);
        refresh.run();
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isPresent() && answer.get() == RUN && form.isValid()) {
            form.remember();
            return Optional.of(form.values());
        }
        return Optional.empty();
    }

    private static Node input(RunSetting s, RunForm form, Runnable refresh) {
        if (s.kind() == RunSetting.Kind.CHOICE) {
            ComboBox<String> box = new ComboBox<>();
            box.getItems().setAll(s.choices());
            box.setValue(form.value(s.key()));
            box.valueProperty().addListener((o, was, now) -> {
                form.set(s.key(), now);
                refresh.run();
            });
            box.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(box, Priority.ALWAYS);
            return box;
        }
        TextField field = new TextField(form.value(s.key()));
        if (s.kind() == RunSetting.Kind.TEXT && !s.defaultValue().isEmpty()) {
            field.setPromptText(s.defaultValue());
        }
        field.textProperty().addListener((o, was, now) -> {
            form.set(s.key(), now);
            refresh.run();
        });
        GridPane.setHgrow(field, Priority.ALWAYS);
        return field;
    }
}
