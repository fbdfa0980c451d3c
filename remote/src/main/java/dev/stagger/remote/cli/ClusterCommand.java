package dev.stagger.remote.cli;

import dev.stagger.remote.cli.cluster.ClusterAddCommand;
import dev.stagger.remote.cli.cluster.ClusterEditCommand;
import dev.stagger.remote.cli.cluster.ClusterListCommand;
import dev.stagger.remote.cli.cluster.ClusterRemoveCommand;
import dev.stagger.remote.cli.cluster.ClusterShowCommand;
import dev.stagger.remote.cli.cluster.ExternalEditor;
import dev.stagger.remote.cli.cluster.FileEditor;
import dev.stagger.remote.cli.cluster.HelpOption;
import dev.stagger.remote.cli.cluster.ProfileCommandContext;
import dev.stagger.remote.config.StaggerDirs;
import dev.stagger.remote.profile.ProfileStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code stagger cluster add|list|show|edit|remove}: the cluster profiles. The folders and the
 * editor come in through the constructor, so tests run the commands on a temporary folder; the
 * subcommands reach them as their picocli parent.
 */
@Command(name = "cluster", description = "Cluster profiles: how to reach a cluster over SSH and start runs on it.",
        subcommands = {ClusterAddCommand.class, ClusterListCommand.class, ClusterShowCommand.class,
            ClusterEditCommand.class, ClusterRemoveCommand.class})
public final class ClusterCommand implements ProfileCommandContext {
    private final StaggerDirs dirs;
    private final FileEditor editor;

    @Mixin
    HelpOption help;

    /** The user's folders and editor ({@code $VISUAL}, {@code $EDITOR}, else vi). */
    public ClusterCommand(StaggerDirs dirs) {
        this(dirs, ExternalEditor.fromEnvironment());
    }

    public ClusterCommand(StaggerDirs dirs, FileEditor editor) {
        this.dirs = dirs;
        this.editor = editor;
    }

    public StaggerDirs dirs() {
        return dirs;
    }

    @Override
    public ProfileStore profiles() {
        return ProfileStore.of(dirs);
    }

    @Override
    public FileEditor editor() {
        return editor;
    }
}
