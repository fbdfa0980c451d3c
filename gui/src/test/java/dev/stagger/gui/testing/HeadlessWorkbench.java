package dev.stagger.gui.testing;

import dev.stagger.gui.shell.StaggerWorkbench;
import dev.stagger.gui.start.SampleGallery;
import java.nio.file.Path;
import org.testfx.api.FxToolkit;

/**
 * The whole workbench in the headless toolkit for one test class: its samples folder and a
 * preferences node of its own, the primary stage at a known place and size (the stage is shared by
 * the test classes of this JVM: an earlier one may have moved or shrunk it), and everything undone
 * afterwards.
 */
public final class HeadlessWorkbench {
    private HeadlessWorkbench() {}

    public static StaggerWorkbench start(Path samples, String prefsNode) throws Exception {
        System.setProperty(SampleGallery.PROPERTY, samples.toString());
        System.setProperty(StaggerWorkbench.PREFS_PROPERTY, prefsNode);
        FxToolkit.registerPrimaryStage();
        StaggerWorkbench app = (StaggerWorkbench) FxToolkit.setupApplication(StaggerWorkbench.class);
        FxToolkit.setupStage(s -> {
            s.setX(0);
            s.setY(0);
            s.setWidth(1200);
            s.setHeight(800);
        });
        return app;
    }

    public static void stop(StaggerWorkbench app, String prefsNode) throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        TestPrefs.drop(prefsNode);
        System.clearProperty(SampleGallery.PROPERTY);
        System.clearProperty(StaggerWorkbench.PREFS_PROPERTY);
    }
}
