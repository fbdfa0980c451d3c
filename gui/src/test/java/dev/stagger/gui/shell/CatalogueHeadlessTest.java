package dev.stagger.gui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.live.RunState;
import dev.stagger.engine.run.RunPlanner.RunOverrides;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.testing.HeadlessWorkbench;
import dev.stagger.gui.testing.TestPrefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Each model-language sample in the whole workbench on headless Monocle: it opens with no problem,
 * every setup page shows, the Model page has its equations, and it runs on this computer to the end
 * with its fields in the monitor's field chooser. Two steps each; the 3D Stokes on a 16³ grid.
 */
class CatalogueHeadlessTest {
    @TempDir
    static Path dir;
    private static final String PREFS_NODE = "dev/stagger/test/catalogue-" + ProcessHandle.current().pid();
    private static StaggerWorkbench app;
    private static Stage stage;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        Path samples = Files.createDirectories(dir.resolve("samples"));
        for (String s : CatalogueScreenshotApp.SAMPLES) {
            Files.copy(TestPrefs.samples().resolve(s + ".yaml"), samples.resolve(s + ".yaml"));
        }
        app = HeadlessWorkbench.start(samples, PREFS_NODE);
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stop() throws Exception {
        HeadlessWorkbench.stop(app, PREFS_NODE);
    }

    @org.junit.jupiter.api.Test
    void aModelFileGetsTheSamePagesAsTheBuiltInModelItCopies() throws Exception {
        Files.writeString(dir.resolve("samples/my-waves.yaml"), dev.stagger.engine.model.lang.catalogue.Catalogue
                .text("waves-2d.yaml").replace("name: waves-2d", "name: my-waves"));
        Path project = dir.resolve("samples/mine.yaml");
        Files.writeString(project, Files.readString(dir.resolve("samples/waves-2d.yaml"))
                .replace("  name: waves-2d\n", "  file: my-waves.yaml\n"));
        String[] builtIn = pages("waves-2d.yaml");
        String[] mine = pages("mine.yaml");
        assertThat(mine[0]).isEqualTo("model file my-waves.yaml · 2D · stable dt: cfl*min(dx, dy)/(c*sqrt(2))");
        assertThat(builtIn[0]).startsWith("built-in model waves-2d");
        assertThat(mine[2]).contains("kernel velocity (range all), then halos and boundary conditions of Vx, Vy:");
        assertThat(mine[3]).isEqualTo("param-K,param-cfl,param-rho");
        assertThat(mine[4]).isEqualTo("P previewed");
        for (int i = 1; i < builtIn.length; i++) {
            assertThat(mine[i]).isEqualTo(builtIn[i]);
        }
    }

    /** The Model page's source line, title and equations, and the Parameters page's editors' ids. */
    private String[] pages(String file) throws Exception {
        robot.interact(() -> assertThat(app.model().open(dir.resolve("samples/" + file))).isTrue());
        // the setup editor's pages are laid out on later pulses: wait for this project's Model page
        String source = file.equals("mine.yaml") ? "model file" : "built-in model";
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (robot.lookup("#model-source").tryQuery().map(n -> !((Label) n).getText().startsWith(source))
                .orElse(true)) {
            assertThat(System.nanoTime()).as("the Model page of %s appears", file).isLessThan(deadline);
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(20);
        }
        return new String[] {robot.lookup("#model-source").queryAs(Label.class).getText(),
            robot.lookup("#model-title").queryAs(Label.class).getText(),
            robot.lookup("#model-equations").queryAs(TextArea.class).getText(),
            String.join(",", robot.lookup(n -> n.getId() != null && n.getId().startsWith("param-")).queryAll()
                    .stream().map(javafx.scene.Node::getId).sorted().toList()),
            robot.lookup("#initial-preview-P").tryQuery().isPresent() ? "P previewed" : "no preview"};
    }

    @ParameterizedTest
    @ValueSource(strings = {"stokes-2d", "stokes-3d", "sia-2d", "waves-2d", "waves-3d"})
    void opensShowsItsModelAndRunsToTheEnd(String sample) throws Exception {
        robot.interact(() -> {
            app.model().useRunOverrides(new RunOverrides(1, 2L, null));
            assertThat(app.model().open(dir.resolve("samples/" + sample + ".yaml"))).isTrue();
            if (sample.equals("stokes-3d")) {
                for (int d = 0; d < 3; d++) {
                    app.model().document().setCells(d, 16);
                }
            }
        });
        assertThat(app.model().document().problems()).isEmpty();
        TabPane tabs = robot.lookup("#setup-tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(Tab::getText)
                .containsExactly("Grid", "Boundary conditions", "Initial conditions", "Parameters", "Model");
        for (Tab t : List.copyOf(tabs.getTabs())) {
            robot.interact(() -> tabs.getSelectionModel().select(t));
        }
        assertThat(robot.lookup("#model-equations").queryAs(TextArea.class).getText()).contains("step:");
        String title = robot.lookup("#model-title").queryAs(Label.class).getText();
        assertThat(title).isNotBlank();
        assertThat(robot.lookup("#stability-label").queryAs(Label.class).getText()).as("stability of " + sample)
                .startsWith(sample.startsWith("waves") ? "dt = " : "the model chooses each step's dt itself");
        if (sample.startsWith("stokes")) {
            // Stokes sets T itself and fixes every wall: the pages say so instead of showing empty editors
            assertThat(robot.lookup("#initial-hint").queryAs(Label.class).getText())
                    .contains("sets up its own initial state");
            assertThat(robot.lookup("#boundary-fixed").queryAs(Label.class).getText())
                    .contains("takes no boundary conditions from the project").contains("Vx: x: dirichlet 0");
        }

        RunJob[] job = new RunJob[1];
        robot.interact(() -> job[0] = app.model().run(app.model().targets().get(0)));
        assertThat(job[0]).isNotNull();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> job[0].state().isOver());
        assertThat(job[0].state()).as(job[0].messageProperty().get()).isEqualTo(RunState.FINISHED);
        assertThat(job[0].client().status().step()).isEqualTo(2);
        List<String> fields = job[0].client().status().fields();
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<String> chooser = robot.lookup(".monitor-view #field").queryAs(ComboBox.class);
        assertThat(chooser.getItems()).containsExactlyElementsOf(fields);
        // every catalogue model reports residuals; Stokes also its pseudo-transient convergence, on a log axis
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#monitor-tabs").queryAs(TabPane.class)
                    .getTabs().stream().anyMatch(t -> "convergence-tab".equals(t.getId())));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no Convergence tab; monitors: " + robot.lookup("#monitor-tabs").queryAll().size()
                    + ", tabs " + robot.lookup("#monitor-tabs").queryAs(TabPane.class).getTabs().stream()
                            .map(Tab::getText).toList(), e);
        }
        if (sample.startsWith("stokes")) {
            @SuppressWarnings("unchecked")
            javafx.scene.chart.LineChart<Number, Number> chart = robot.lookup("#convergence-chart")
                    .queryAs(javafx.scene.chart.LineChart.class);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !chart.getData().isEmpty());
            List<String> errors = sample.endsWith("3d") ? List.of("err_divV", "err_Vx", "err_Vy", "err_Vz")
                    : List.of("err_divV", "err_Vx", "err_Vy");
            assertThat(chart.getData()).extracting(javafx.scene.chart.XYChart.Series::getName)
                    .containsExactlyInAnyOrderElementsOf(errors);
            assertThat(chart.getTitle()).isEqualTo("convergence of step 2");
        }
    }
}
