package dev.stagger.gui.cluster;

import dev.stagger.gui.run.RunTarget;
import dev.stagger.gui.run.RunTargetProvider;
import dev.stagger.gui.run.cluster.ClusterRunTarget;
import java.util.List;
import javafx.stage.Window;

/**
 * The cluster target, on the workbench's one cluster session ({@link ClusterSession}): one SSH
 * connection per cluster carries every command and tunnel, so MFA is answered once.
 */
public final class ClusterTargets implements RunTargetProvider {
    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<RunTarget> targets(Environment env) {
        return List.of(new ClusterRunTarget(ClusterSession.context(), env.background(), env.ui(), env.clock()));
    }

    /** The focused window, else the first one showing: dialogs belong in front of what the user looks at. */
    static Window frontWindow() {
        Window any = null;
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.isFocused()) {
                return w;
            }
            if (w.isShowing() && any == null) {
                any = w;
            }
        }
        return any;
    }
}
