package dev.stagger.gui.common.action;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.input.KeyCombination;

/**
 * Every command of the window, each once: the shell's, the job list's and those plug-ins add. It
 * refuses a second command with an id or a key already taken, so no key does two things; keys are
 * compared as the user sees them (on Linux Shortcut+S and Ctrl+S are one key).
 */
public final class Commands {
    private final Map<String, Command> byId = new LinkedHashMap<>();
    private final Map<String, Command> byKey = new LinkedHashMap<>();

    /** Adds {@code command}; fails when its id or one of its keys is another command's. */
    public Command add(Command command) {
        addAll(List.of(command));
        return command;
    }

    /** Adds all of {@code commands} or, when one of them clashes (with these or each other), none. */
    public void addAll(Collection<Command> commands) {
        Map<String, Command> ids = new LinkedHashMap<>(byId);
        Map<String, Command> keys = new LinkedHashMap<>(byKey);
        for (Command c : commands) {
            if (ids.putIfAbsent(c.id(), c) != null) {
                throw new IllegalArgumentException("two commands are called " + c.id());
            }
            for (KeyCombination k : keysOf(c)) {
                Command other = keys.putIfAbsent(k.getDisplayText(), c);
                if (other != null) {
                    throw new IllegalArgumentException(k.getDisplayText() + " is " + other.id() + "'s key; " + c.id()
                            + " cannot have it too");
                }
            }
        }
        byId.putAll(ids);
        byKey.putAll(keys);
    }

    /** The command {@code id}; fails for an id never added (a typo, not a state to handle). */
    public Command get(String id) {
        Command c = byId.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no command " + id);
        }
        return c;
    }

    /** Every command, in the order they were added. */
    public List<Command> all() {
        return List.copyOf(byId.values());
    }

    /**
     * Puts the keys no menu item carries (each command's {@link Command#alsoKeys()}) into
     * {@code accelerators}, a scene's: the menu bar's items install their own accelerators.
     */
    public void installAlsoKeys(Map<KeyCombination, Runnable> accelerators) {
        for (Command c : byId.values()) {
            c.alsoKeys().forEach(k -> accelerators.put(k, c::execute));
        }
    }

    private static List<KeyCombination> keysOf(Command c) {
        List<KeyCombination> keys = new ArrayList<>();
        if (c.getAccelerator() != null) {
            keys.add(c.getAccelerator());
        }
        keys.addAll(c.alsoKeys());
        // one command with the same key twice is a mistake too
        if (keys.stream().map(KeyCombination::getDisplayText).distinct().count() < keys.size()) {
            throw new IllegalArgumentException(c.id() + " lists one key twice");
        }
        return keys;
    }
}
