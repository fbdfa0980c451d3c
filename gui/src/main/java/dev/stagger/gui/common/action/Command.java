package dev.stagger.gui.common.action;

import dev.stagger.gui.common.Icons;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.value.ObservableBooleanValue;
import javafx.event.ActionEvent;
import javafx.scene.input.KeyCombination;
import org.controlsfx.control.action.Action;

/**
 * One command of the workbench, defined once: its menu text (with a mnemonic), icon, keys, long
 * text (the tooltip, naming the keys) and when it is disabled. Menu items, toolbar buttons and
 * context-menu items are made from it ({@link CommandControls}) and so share all of that.
 *
 * <p>Keys are written with {@code Shortcut}, never {@code Ctrl} or {@code Meta}: JavaFX then
 * matches and shows Cmd on macOS and Ctrl elsewhere. The first key is the accelerator the menus
 * show; further keys ({@link #alsoKeys()}, Redo's Shortcut+Shift+Z) are installed by
 * {@link Commands}.
 */
public final class Command extends Action {
    private final String id;
    private final String name;
    private final List<KeyCombination> alsoKeys;
    private final boolean submenu;

    private Command(Builder b) {
        super(b.text);
        this.id = b.id;
        this.name = Mnemonics.plain(b.text);
        this.submenu = b.submenu;
        if (b.run != null) {
            Runnable run = b.run;
            setEventHandler(e -> run.run());
        }
        List<KeyCombination> keys = b.keys;
        setAccelerator(keys.isEmpty() ? null : keys.get(0));
        this.alsoKeys = keys.isEmpty() ? List.of() : List.copyOf(keys.subList(1, keys.size()));
        setLongText(keys.isEmpty() ? b.description : b.description + " ("
                + keys.stream().map(KeyCombination::getDisplayText).collect(Collectors.joining(" or ")) + ")");
        if (b.icon != null) {
            setGraphic(new IconGraphic(b.icon, 16));
        }
        if (b.disabled != null) {
            disabledProperty().bind(b.disabled);
        }
    }

    /** A command {@code id} (unique in a {@link Commands}; also the id of its menu items) shown as {@code text}. */
    public static Builder builder(String id, String text) {
        return new Builder(id, text);
    }

    public String id() {
        return id;
    }

    /**
     * The text without its mnemonic, as first given ("Undo" while the menu says "Undo Set chi"):
     * what screen readers say for an icon-only button, and the command's name in the manual.
     */
    public String name() {
        return name;
    }

    /** Keys that do the same as the accelerator but which no menu shows. */
    public List<KeyCombination> alsoKeys() {
        return alsoKeys;
    }

    /** True for a command whose choices are the items of a submenu (Open Recent): it does nothing itself. */
    public boolean isSubmenu() {
        return submenu;
    }

    /** Does the command unless it is disabled (as its menu item would). */
    public void execute() {
        handle(new ActionEvent());
    }

    @Override
    public String toString() {
        return id;
    }

    public static final class Builder {
        private final String id;
        private final String text;
        private String description;
        private Icons icon;
        private final List<KeyCombination> keys = new ArrayList<>();
        private ObservableBooleanValue disabled;
        private Runnable run;
        private boolean submenu;

        private Builder(String id, String text) {
            this.id = Objects.requireNonNull(id);
            this.text = Objects.requireNonNull(text);
        }

        /** What the command does, in a sentence; the tooltip adds its keys. */
        public Builder describe(String description) {
            this.description = description;
            return this;
        }

        public Builder icon(Icons icon) {
            this.icon = icon;
            return this;
        }

        /**
         * Keys as {@link KeyCombination#keyCombination(String)} reads them ("Shortcut+S", "F5"); the
         * first one shows in menus.
         */
        public Builder keys(String... keys) {
            for (String k : keys) {
                KeyCombination key = KeyCombination.keyCombination(k);
                if (key.getControl() == KeyCombination.ModifierValue.DOWN
                        || key.getMeta() == KeyCombination.ModifierValue.DOWN) {
                    throw new IllegalArgumentException(id + ": write " + k + " with Shortcut, so macOS gets Cmd");
                }
                this.keys.add(key);
            }
            return this;
        }

        /** Disabled whenever {@code disabled} holds (bound, so every control made from the command follows). */
        public Builder disabledWhen(ObservableBooleanValue disabled) {
            this.disabled = disabled;
            return this;
        }

        public Builder does(Runnable run) {
            this.run = run;
            return this;
        }

        /** A submenu's command: its items do the work, so it has nothing to do itself. */
        public Builder submenu() {
            this.submenu = true;
            return this;
        }

        /** The command; fails when the text has no mnemonic, the description is missing, or it does nothing. */
        public Command build() {
            if (!Mnemonics.has(text)) {
                throw new IllegalArgumentException(id + ": \"" + text + "\" has no mnemonic (mark one letter with _)");
            }
            if (description == null || description.isBlank()) {
                throw new IllegalArgumentException(id + ": no description (the tooltip and the manual say it)");
            }
            if ((run == null) != submenu) {
                throw new IllegalArgumentException(id + (submenu ? ": a submenu does nothing itself" : ": does nothing"));
            }
            return new Command(this);
        }
    }
}
