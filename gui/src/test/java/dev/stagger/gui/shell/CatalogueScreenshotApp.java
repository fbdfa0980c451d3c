package dev.stagger.gui.shell;

import dev.stagger.engine.run.RunPlanner.RunOverrides;
import dev.stagger.gui.FxSteps;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.start.SampleGallery;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.scene.layout.FlowPane;

/**
 * Opens the real workbench window (under Xvfb) and, for each catalogue sample named in
 * {@code stagger.catalogue} (comma-separated, default the five model-language samples), shoots every
 * setup tab, runs it on this computer (two steps; the 3D Stokes on a 24³ grid) and shoots the
 * monitor at the end: {@code catalogue-<sample>-<tab>.png}, {@code catalogue-<sample>-run.png}.
 * Exits with 0 when every run finished, 2 when one failed.
 */
public class CatalogueScreenshotApp extends ScreenshotWorkbench {
    static final List<String> SAMPLES = List.of("stokes-2d", "stokes-3d", "sia-2d", "waves-2d", "waves-3d");
    private final Deque<String> todo = new ArrayDeque<>();
    private int failures;

    /** The main class (an Application subclass cannot be one on the class path). */
    public static final class Launcher {
        public static void main(String[] args) {
            Application.launch(CatalogueScreenshotApp.class, args);
        }
    }

    @Override
    protected int windowHeight() {
        return 900;
    }

    @Override
    protected void shootAll() {
        String only = System.getProperty("stagger.catalogue", "");
        todo.addAll(only.isBlank() ? SAMPLES : List.of(only.split(",")));
        FxSteps.waitFor(() -> ((FlowPane) stage.getScene().lookup("#gallery")).getChildren().size() >= 3, () -> {
            shoot("catalogue-gallery.png");
            next();
        });
    }

    private void next() {
        String sample = todo.poll();
        if (sample == null) {
            Platform.exit();
            System.exit(failures == 0 ? 0 : 2);
            return;
        }
        model().useRunOverrides(new RunOverrides(null, 2L, null));
        model().open(SampleGallery.locate().orElseThrow().resolve(sample + ".yaml"));
        if (sample.endsWith("3d") && sample.startsWith("stokes")) {
            for (int d = 0; d < 3; d++) {
                model().document().setCells(d, 24);
            }
        }
        FxSteps.waitFor(() -> stage.getScene().lookup("#setup-tabs") != null, () -> tabs(sample));
    }

    private void tabs(String sample) {
        TabPane tabs = (TabPane) stage.getScene().lookup("#setup-tabs");
        tab(sample, tabs, 0, () -> {
            System.out.println(sample + " problems: " + model().document().problems());
            RunJob job = model().run(model().targets().get(0));
            FxSteps.waitFor(() -> job.state().isOver(), () -> {
                System.out.println(sample + " ended " + job.state());
                if (job.state() != dev.stagger.engine.live.RunState.FINISHED) {
                    failures++;
                }
                shoot("catalogue-" + sample + "-run.png");
                javafx.scene.Node monitorTabs = stage.getScene().lookup("#monitor-tabs");
                if (monitorTabs instanceof TabPane t && t.getTabs().stream().anyMatch(x -> "convergence-tab".equals(x.getId()))) {
                    t.getTabs().stream().filter(x -> "convergence-tab".equals(x.getId())).findFirst()
                            .ifPresent(x -> t.getSelectionModel().select(x));
                    FxSteps.later(() -> {
                        shoot("catalogue-" + sample + "-convergence.png");
                        next();
                    });
                } else {
                    next();
                }
            });
        });
    }

    private void tab(String sample, TabPane tabs, int i, Runnable then) {
        if (i >= tabs.getTabs().size()) {
            then.run();
            return;
        }
        tabs.getSelectionModel().select(i);
        FxSteps.later(() -> {
            String title = tabs.getTabs().get(i).getText().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
            shoot("catalogue-" + sample + "-" + title + ".png");
            tab(sample, tabs, i + 1, then);
        });
    }
}
