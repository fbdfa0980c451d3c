package dev.stagger.gui.cluster;

import dev.stagger.remote.cli.ClusterContext;
import dev.stagger.remote.config.StaggerDirs;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;

/**
 * The workbench's one {@link ClusterContext}, shared by the cluster target and the Cluster menu:
 * one SSH connection per cluster for the whole session, so a host key or an MFA code is asked once.
 * Its questions go to {@link AuthDialogs} in front of the workbench's window.
 */
final class ClusterSession {
    private static final System.Logger LOG = System.getLogger(ClusterSession.class.getName());
    private static ClusterContext context;
    private static ExecutorService background;

    private ClusterSession() {}

    static synchronized ClusterContext context() {
        if (context == null) {
            AuthDialogs dialogs = new AuthDialogs(ClusterTargets::frontWindow,
                    (kind, text) -> LOG.log(System.Logger.Level.INFO, text));
            context = new ClusterContext(StaggerDirs.fromEnvironment(),
                    new RelayPrompter(Platform::runLater, Platform::isFxApplicationThread, dialogs));
        }
        return context;
    }

    /** Where the Cluster menu's work runs (connecting, the doctor): never the FX thread. */
    static synchronized ExecutorService background() {
        if (background == null) {
            background = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "stagger-cluster");
                t.setDaemon(true);
                return t;
            });
        }
        return background;
    }
}
