package dev.stagger.gui.cluster;

import dev.stagger.gui.plugin.MenuProvider;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;

/** The Cluster menu: the profile editor with its checks. */
public final class ClusterMenu implements MenuProvider {

    @Override
    public Menu createMenu(Supplier<Window> owner) {
        MenuItem profiles = new MenuItem("Profiles…");
        profiles.setId("cluster-profiles");
        profiles.setOnAction(e -> ProfilesDialog.show(owner.get(), ClusterSession.context(), ClusterSession.background()));
        Menu menu = new Menu("Cluster", null, profiles);
        menu.setId("cluster-menu");
        return menu;
    }
}
