package dev.stagger.gui.plugin;

import dev.stagger.gui.plugin.PlaceholderViews;
import java.util.ServiceLoader;

/** The setup editor and monitor the workbench uses: found with {@link ServiceLoader}, else placeholders. */
public record WorkbenchExtensions(SetupEditorProvider setupEditors, MonitorProvider monitors) {

    public static WorkbenchExtensions discover() {
        SetupEditorProvider setup = ServiceLoader.load(SetupEditorProvider.class).findFirst()
                .orElse(PlaceholderViews::setupSummary);
        MonitorProvider monitor = ServiceLoader.load(MonitorProvider.class).findFirst()
                .orElse(PlaceholderViews::jobSummary);
        return new WorkbenchExtensions(setup, monitor);
    }
}
