package dev.stagger.gui.common.action;

import java.util.List;

/**
 * A menu of commands as a plug-in gives it: its title (with a mnemonic), the id of its menu, and
 * its commands in groups that separators divide.
 */
public record CommandMenu(String id, String title, List<List<Command>> groups) {
    public CommandMenu {
        if (!Mnemonics.has(title)) {
            throw new IllegalArgumentException(id + ": the title \"" + title + "\" has no mnemonic");
        }
        groups = groups.stream().map(List::copyOf).toList();
    }

    /** Its commands, without the groups. */
    public List<Command> commands() {
        return groups.stream().flatMap(List::stream).toList();
    }
}
