package dev.stagger.gui.plugin;

import dev.stagger.gui.common.action.CommandMenu;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * PLUG-IN POINT for a menu of its own in the workbench's menu bar (the Cluster menu: profiles and
 * their checks), placed before View. A plug-in gives commands, not menu items: the shell adds them
 * to the window's commands (so their keys cannot clash with the shell's) and makes the menu.
 * Registered with {@code META-INF/services/dev.stagger.gui.plugin.MenuProvider}. Called on the FX thread.
 */
@FunctionalInterface
public interface MenuProvider {
    CommandMenu createMenu(Supplier<Window> owner);
}
