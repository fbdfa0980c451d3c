package dev.stagger.gui.cluster;

import dev.stagger.gui.common.Notice;
import dev.stagger.gui.common.Themed;
import dev.stagger.remote.ssh.Prompter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The SSH questions as JavaFX dialogs. Each is shown without blocking (the SSH thread waits, not the
 * FX thread) and answers when it closes; closing it any other way than its OK button cancels.
 */
public final class AuthDialogs implements AuthQuestions {
    private final Supplier<Window> owner;
    private final BiConsumer<Notice.Kind, String> notices;

    public AuthDialogs(Supplier<Window> owner, BiConsumer<Notice.Kind, String> notices) {
        this.owner = owner;
        this.notices = notices;
    }

    @Override
    public void unknownHostKey(HostKeyQuestion q, Answer<Prompter.HostKeyDecision> answer) {
        Dialog<Prompter.HostKeyDecision> d = dialog("Unknown host key", "Do you trust " + q.host() + "?");
        d.getDialogPane().setId("host-key-dialog");
        List<ButtonType> buttons = new ArrayList<>();
        for (Prompter.HostKeyDecision c : HostKeyQuestion.choices()) {
            ButtonBar.ButtonData data = switch (c) {
                case TRUST_ONCE -> ButtonBar.ButtonData.OTHER;
                case TRUST_AND_REMEMBER -> ButtonBar.ButtonData.OK_DONE;
                case REFUSE -> ButtonBar.ButtonData.CANCEL_CLOSE;
            };
            buttons.add(new ButtonType(HostKeyQuestion.label(c), data));
        }
        d.getDialogPane().getButtonTypes().setAll(buttons);
        // the explanation, then the fingerprint on a line of its own, selectable, in a fixed-width font
        TextArea text = new TextArea(q.explanation());
        text.setId("host-key-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(4);
        text.setPrefColumnCount(60);
        TextField fingerprint = new TextField(q.fingerprint());
        fingerprint.setId("host-key-fingerprint");
        fingerprint.setEditable(false);
        fingerprint.setStyle("-fx-font-family: monospace;");
        VBox box = new VBox(8, text, new Label(q.keyType() + " key fingerprint (SHA-256):"), fingerprint);
        box.setPrefWidth(620);
        d.getDialogPane().setContent(box);
        d.setResultConverter(b -> HostKeyQuestion.choices().get(buttons.indexOf(b)));
        d.setOnHidden(e -> answer.give(d.getResult() == null ? Prompter.HostKeyDecision.REFUSE : d.getResult()));
        d.show();
    }

    @Override
    public void passphrase(String keyFile, boolean retry, Answer<char[]> answer) {
        Dialog<char[]> d = dialog("Key passphrase", (retry ? "Wrong passphrase. " : "") + "Passphrase for " + keyFile);
        d.getDialogPane().setId("passphrase-dialog");
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        PasswordField field = new PasswordField();
        field.setId("passphrase");
        d.getDialogPane().setContent(field);
        d.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
        d.setOnShown(e -> field.requestFocus());
        d.setOnHidden(e -> answer.give(d.getResult()));
        d.show();
    }

    @Override
    public void keyboardInteractive(KeyboardInteractiveForm form, Answer<String[]> answer) {
        Dialog<String[]> d = dialog(form.title(), form.title());
        d.getDialogPane().setId("login-dialog");
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Label message = new Label(form.message());
        message.setWrapText(true);
        message.setId("login-message");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        List<TextInputControl> fields = new ArrayList<>();
        for (int i = 0; i < form.prompts().size(); i++) {
            // the echo flag decides: a password is masked, a code or a menu choice is shown
            TextInputControl f = form.echo(i) ? new TextField() : new PasswordField();
            f.setId("login-answer-" + i);
            int index = i;
            f.textProperty().addListener((o, was, now) -> form.answer(index, now));
            fields.add(f);
            grid.addRow(i, new Label(form.prompts().get(i).strip()), f);
        }
        Node ok = d.getDialogPane().lookupButton(ButtonType.OK);
        Runnable check = () -> ok.setDisable(!form.complete());
        fields.forEach(f -> f.textProperty().addListener((o, was, now) -> check.run()));
        check.run();
        VBox box = new VBox(10, message, grid);
        box.setPadding(new Insets(4));
        d.getDialogPane().setContent(box);
        d.setResultConverter(b -> b == ButtonType.OK ? form.answers() : null);
        d.setOnShown(e -> {
            if (!fields.isEmpty()) {
                fields.get(0).requestFocus();
            }
        });
        d.setOnHidden(e -> answer.give(d.getResult()));
        d.show();
    }

    @Override
    public void show(String message) {
        notices.accept(Notice.Kind.INFO, message.strip());
    }

    private <T> Dialog<T> dialog(String title, String header) {
        Dialog<T> d = new Dialog<>();
        Window w = owner.get();
        if (w != null) {
            d.initOwner(w);
        }
        Themed.follow(d, w);
        d.setTitle(title);
        d.setHeaderText(header);
        return d;
    }
}
