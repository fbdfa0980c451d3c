package dev.stagger.gui.plugin;

import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.stage.Window;

/**
 * PLUG-IN POINT for a menu of its own in the workbench's menu bar (the Cluster menu: profiles and
 * their checks), placed before View. Registered with
 * {@code META-INF/services/dev.stagger.gui.plugin.MenuProvider}. Called on the FX thread.
 */
@FunctionalInterface
public interface MenuProvider {
    Menu createMenu(Supplier<Window> owner);
}
