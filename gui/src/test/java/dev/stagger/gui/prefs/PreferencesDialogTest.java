package dev.stagger.gui.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.render.Colormap;
import dev.stagger.gui.testing.TestPrefs;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dialog's controls are bound to the form both ways. With {@code -Dstagger.screenshots=DIR}
 * each tab is also written as a PNG there, to look at.
 */
class PreferencesDialogTest {
    private final Preferences prefs = TestPrefs.fresh();
    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void cleanup() throws Exception {
        FxToolkit.cleanupStages();
    }

    @AfterEach
    void drop() {
        TestPrefs.drop(prefs);
    }

    @Test
    void theControlsEditTheFormAndShowItsSamples() throws Exception {
        PreferencesForm form = new PreferencesForm(prefs, dir.resolve("workbench.conf"),
                name -> Optional.of(Path.of("/usr/bin/mpirun")));
        WaitForAsyncUtils.asyncFx(() -> {
            TabPane tabs = PreferencesDialog.content(form, null);
            Stage stage = new Stage();
            Label problem = new Label();
            problem.textProperty().bind(form.problemProperty());
            stage.setScene(new Scene(new VBox(8, tabs, problem)));
            stage.show();
            assertThat(tabs.getTabs()).extracting(Tab::getText).containsExactly("MPI", "Memory", "Appearance", "Runs");
            assertThat(((Label) tabs.lookup("#pref-mpirun-in-use")).getText()).isEqualTo("found on PATH: /usr/bin/mpirun");
            @SuppressWarnings("unchecked")
            Spinner<Integer> ranks = (Spinner<Integer>) tabs.lookup("#pref-ranks");
            ranks.getValueFactory().setValue(7);
            assertThat(form.ranksProperty().get()).isEqualTo(7);

            tabs.getSelectionModel().select(1);
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            TextField heap = (TextField) stage.getScene().lookup("#pref-heap");
            heap.setText("8 GB");
            assertThat(problem.getText()).startsWith("memory: a size such as 8g");
            heap.setText("8g");
            assertThat(problem.getText()).isEmpty();
            ((CheckBox) stage.getScene().lookup("#pref-g1")).setSelected(true);
            assertThat(form.g1Property().get()).isTrue();
            snapshot(stage, "preferences-memory");

            tabs.getSelectionModel().select(2);
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            @SuppressWarnings("unchecked")
            ComboBox<Colormap> colormap = (ComboBox<Colormap>) stage.getScene().lookup("#pref-colormap");
            colormap.setValue(Colormap.COOLWARM);
            assertThat(form.colormapProperty().get()).isEqualTo(Colormap.COOLWARM);
            @SuppressWarnings("unchecked")
            Spinner<Integer> digits = (Spinner<Integer>) stage.getScene().lookup("#pref-digits");
            digits.getValueFactory().setValue(3);
            assertThat(((Label) stage.getScene().lookup("#pref-number-sample")).getText())
                    .isEqualTo("1230    0.000123    6.02e+23");
            @SuppressWarnings("unchecked")
            ComboBox<dev.stagger.gui.common.ModelTimeUnit> timeUnit =
                    (ComboBox<dev.stagger.gui.common.ModelTimeUnit>) stage.getScene().lookup("#pref-time-unit");
            assertThat(timeUnit.getItems()).containsExactly(dev.stagger.gui.common.ModelTimeUnit.values());
            timeUnit.setValue(dev.stagger.gui.common.ModelTimeUnit.DAYS);
            assertThat(form.timeUnitProperty().get()).isEqualTo(dev.stagger.gui.common.ModelTimeUnit.DAYS);
            assertThat(((Label) stage.getScene().lookup("#pref-time-sample")).getText()).contains("t = 3.5 d");
            snapshot(stage, "preferences-appearance");

            tabs.getSelectionModel().select(3);
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            form.runsFolderProperty().set("/data/runs");
            assertThat(((Label) stage.getScene().lookup("#pref-runs-example")).getText())
                    .isEqualTo("e.g. ~/projects/diffusion-2d.yaml runs into /data/runs/diffusion-2d-output");
            snapshot(stage, "preferences-runs");
            tabs.getSelectionModel().select(0);
            snapshot(stage, "preferences-mpi");
            stage.close();
        }).get();
    }

    private static void snapshot(Stage stage, String name) {
        dev.stagger.gui.testing.Snapshots.write(stage, name);
    }
}
