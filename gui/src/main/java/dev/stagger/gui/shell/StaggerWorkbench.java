package dev.stagger.gui.shell;

import dev.stagger.gui.diagnostics.CrashDialog;
import dev.stagger.gui.diagnostics.CrashHandler;
import dev.stagger.gui.diagnostics.WorkbenchLog;
import dev.stagger.gui.plugin.WorkbenchExtensions;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.run.RunTarget;
import dev.stagger.gui.run.RunTargetProvider;
import dev.stagger.gui.start.SampleCard;
import dev.stagger.gui.start.SampleGallery;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The workbench application. Start it with {@link WorkbenchLauncher} (an {@code Application}
 * subclass cannot be the main class on the class path). System properties:
 * {@code stagger.samples} (the sample folder), {@code stagger.prefs} (the preferences node, for
 * tests), {@code stagger.open} (a project to open at start).
 */
public class StaggerWorkbench extends Application {
    /** Preferences node of the workbench's remembered state. */
    public static final String PREFS_PROPERTY = dev.stagger.gui.common.WorkbenchPrefs.NODE_PROPERTY;

    private ExecutorService background;
    private WorkbenchModel model;
    private WorkbenchView view;

    private static final System.Logger LOG = System.getLogger(StaggerWorkbench.class.getName());

    @Override
    public void start(Stage stage) {
        // every exception nobody caught (on the FX thread or any other) is logged and shown with its details
        new CrashHandler(Platform::runLater, WorkbenchLog::current, report -> CrashDialog.show(stage, report)).install();
        Preferences prefs = dev.stagger.gui.common.WorkbenchPrefs.node();
        background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stagger-run");
            t.setDaemon(true);
            return t;
        });
        String root = System.getProperty("stagger.root");
        List<RunTarget> targets = RunTargetProvider.discover(new RunTargetProvider.Environment(background,
                Platform::runLater, Clock.systemDefaultZone(),
                Optional.ofNullable(root).map(r -> Path.of(r, "stagger")), prefs));
        model = new WorkbenchModel(prefs, targets, background, Platform::runLater);
        view = new WorkbenchView(stage, model, WorkbenchExtensions.discover(), prefs, model.board()::openFolder);
        stage.getIcons().addAll(applicationIcons());
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.show();

        background.execute(() -> {
            List<SampleCard> cards = SampleGallery.locate().map(dir -> {
                try {
                    return SampleGallery.load(dir);
                } catch (java.io.IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot read the sample gallery in " + dir, e);
                    return List.<SampleCard>of();
                }
            }).orElse(List.of());
            Platform.runLater(() -> view.showSamples(cards));
        });
        // runs of earlier sessions and command-line runs of recent projects come back into the job list
        model.restoreJobs();
        String open = System.getProperty("stagger.open");
        if (open != null) {
            model.open(Path.of(open));
        }
    }

    /** The view model (tests drive the workbench through it). */
    public WorkbenchModel model() {
        return model;
    }

    public WorkbenchView view() {
        return view;
    }

    @Override
    public void stop() {
        if (model != null) {
            // runs inside this JVM cannot outlive it; runs in processes of their own go on unless the user stopped them
            model.jobs().running().stream().filter(j -> !j.outlivesWorkbench()).forEach(RunJob::stop);
        }
        if (background != null) {
            background.shutdown();
        }
    }

    static List<Image> applicationIcons() {
        List<Image> icons = new ArrayList<>();
        for (int size : new int[] {16, 24, 32, 48, 256}) {
            var in = StaggerWorkbench.class.getResourceAsStream("icons/stagger-" + size + ".png");
            if (in != null) {
                icons.add(new Image(in));
            }
        }
        return icons;
    }
}
