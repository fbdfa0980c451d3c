package dev.stagger.gui.cluster;

import dev.stagger.gui.common.action.Command;
import dev.stagger.gui.common.action.CommandMenu;
import dev.stagger.gui.plugin.MenuProvider;
import java.util.List;
import java.util.function.Supplier;
import javafx.stage.Window;

/** The Cluster menu: the profile editor with its checks. */
public final class ClusterMenu implements MenuProvider {

    @Override
    public CommandMenu createMenu(Supplier<Window> owner) {
        Command profiles = Command.builder("cluster-profiles", "_Profiles…")
                .describe("Add, edit and check the cluster profiles (host, login, scheduler)")
                .does(() -> ProfilesDialog.show(owner.get(), ClusterSession.context(), ClusterSession.background()))
                .build();
        return new CommandMenu("cluster-menu", "_Cluster", List.of(List.of(profiles)));
    }
}
