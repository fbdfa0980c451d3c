package dev.stagger.gui.setup;

import dev.stagger.gui.common.Numbers;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Binds a text field to a document value the way a property sheet does: the field shows the
 * document's value unless the user has typed in it without committing, and the text is handed to a command on Enter
 * and when the field loses focus (one undoable edit per commit, not per keystroke).
 */
final class TextCommit {
    private TextCommit() {}

    static TextField field(String id, Supplier<String> current, Consumer<String> commit) {
        TextField field = new TextField(current.get());
        field.setId(id);
        Tips.on(field);
        field.setPrefColumnCount(8);
        // the text last taken from the document: a field still showing it has no typing to keep
        String[] shown = {field.getText()};
        Runnable show = () -> {
            String text = current.get();
            shown[0] = text;
            if (!text.equals(field.getText())) {
                field.setText(text);
            }
        };
        // Escape: the document's value again, whatever was typed
        field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !field.getText().equals(current.get())) {
                show.run();
                field.selectAll();
                e.consume();
            }
        });
        field.setOnAction(e -> {
            commit.accept(field.getText().trim());
            shown[0] = field.getText();
        });
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit.accept(field.getText().trim());
                show.run();
            }
        });
        field.getProperties().put(TextCommit.class, (Runnable) () -> {
            if (!field.isFocused() || field.getText().equals(shown[0])) {
                show.run();
            }
        });
        return field;
    }

    /** Shows the document's value again in a field made by {@link #field} (unless it is being typed in). */
    static void refresh(TextField field) {
        Object r = field.getProperties().get(TextCommit.class);
        if (r instanceof Runnable runnable) {
            runnable.run();
        }
    }

    /** A number as typed, with a '.' decimal point whatever the locale ({@link Numbers#parse}); null if it is none. */
    static Double number(String text) {
        return Numbers.parse(text);
    }

    static Long whole(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A value for a field to edit: exact, with a '.' ({@link Numbers#editable}). */
    static String format(double v) {
        return Numbers.editable(v);
    }
}
