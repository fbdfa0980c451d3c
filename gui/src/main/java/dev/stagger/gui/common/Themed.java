package dev.stagger.gui.common;

import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Makes a dialog or window wear the workbench's theme: its scene's style sheets follow its owner
 * scene's, also when the theme is switched while it is open (Preferences > Appearance). A dialog
 * without it shows JavaFX's default light look over a dark workbench. Every dialog and window the
 * workbench makes goes through here (an architecture test checks it).
 */
public final class Themed {
    /** The style class of the workbench's own scene root: what an owner-less dialog takes its look from. */
    public static final String WORKBENCH_ROOT = "workbench";

    private Themed() {}

    /** Call after creating {@code dialog}; {@code owner} may be null (then the workbench window's sheets, if any). */
    public static void follow(Dialog<?> dialog, Window owner) {
        // a dialog's scene and window exist from its construction (JavaFX makes them with it)
        Scene scene = dialog.getDialogPane().getScene();
        if (scene != null) {
            follow(scene, owner);
        }
    }

    /** Call after {@code stage.setScene}; {@code owner} may be null (then the workbench window's sheets, if any). */
    public static void follow(Stage stage, Window owner) {
        if (stage.getScene() == null) {
            throw new IllegalStateException("set the stage's scene before Themed.follow");
        }
        follow(stage.getScene(), owner);
    }

    private static void follow(Scene scene, Window owner) {
        ObservableList<String> source = sheetsOf(owner);
        Window window = scene.getWindow();
        if (source == null || window == null) {
            return;
        }
        Binding b = new Binding(scene.getStylesheets(), source);
        b.bind();
        // bound only while shown: a window kept for reuse (the manual) holds nothing of the owner while hidden
        window.addEventHandler(WindowEvent.WINDOW_SHOWING, e -> b.bind());
        window.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> b.unbind());
    }

    /** The owner's scene's sheets; without an owner (tests, early errors), those of the workbench window shown. */
    private static ObservableList<String> sheetsOf(Window owner) {
        if (owner != null && owner.getScene() != null) {
            return owner.getScene().getStylesheets();
        }
        return Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getOwner() == null && w.isShowing() && w.getScene() != null
                        && w.getScene().getRoot() != null
                        && w.getScene().getRoot().getStyleClass().contains(WORKBENCH_ROOT))
                .map(w -> w.getScene().getStylesheets()).findFirst().orElse(null);
    }

    /** One content binding that can be made and undone repeatedly (binding twice would copy twice). */
    private static final class Binding {
        private final ObservableList<String> target;
        private final ObservableList<String> source;
        private boolean bound;

        Binding(ObservableList<String> target, ObservableList<String> source) {
            this.target = target;
            this.source = source;
        }

        void bind() {
            if (!bound) {
                Bindings.bindContent(target, source);
                bound = true;
            }
        }

        void unbind() {
            if (bound) {
                Bindings.unbindContent(target, source);
                bound = false;
            }
        }
    }
}
