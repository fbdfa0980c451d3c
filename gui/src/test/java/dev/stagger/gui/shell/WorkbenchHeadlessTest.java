package dev.stagger.gui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.live.RunState;
import dev.stagger.engine.run.RunPlanner.RunOverrides;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.testing.HeadlessWorkbench;
import dev.stagger.gui.testing.TestPrefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import dev.stagger.gui.common.action.Command;
import dev.stagger.gui.common.action.CommandControls;
import dev.stagger.gui.common.action.Mnemonics;
import dev.stagger.gui.help.HelpWindow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The whole workbench on headless Monocle: gallery, open a sample, run it embedded, see it finish. */
class WorkbenchHeadlessTest {
    @TempDir
    static Path dir;
    private static final String PREFS_NODE = "dev/stagger/test/headless-" + ProcessHandle.current().pid();
    private static StaggerWorkbench app;
    private static Stage stage;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        Path samples = dir.resolve("samples");
        Files.createDirectories(samples);
        try (Stream<Path> s = Files.list(TestPrefs.samples())) {
            for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Files.copy(p, samples.resolve(p.getFileName()));
            }
        }
        app = HeadlessWorkbench.start(samples, PREFS_NODE);
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stop() throws Exception {
        HeadlessWorkbench.stop(app, PREFS_NODE);
    }

    @Test
    void galleryOpenRunToCompletion() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#gallery").queryAs(FlowPane.class).getChildren().size() == 8);
        assertThat(robot.lookup(".card-title").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("Diffusion 1D", "Diffusion 2D", "Diffusion 3D", "Shallow ice 2D",
                "Stokes 2D, buoyant visco-elastic inclusion", "Stokes 3D, buoyant visco-elastic inclusion",
                "Acoustic waves 2D", "Acoustic waves 3D");
        assertThat(stage.getIcons()).isNotEmpty();

        robot.interact(() -> app.model().useRunOverrides(new RunOverrides(1, 20L, null)));
        robot.clickOn(robot.lookup("#sample-diffusion-2d").lookup(".button").nth(0).queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getTitle()).isEqualTo("diffusion-2d — Stagger");
        assertThat(robot.lookup("#project-page").tryQuery()).isPresent();

        robot.clickOn("#run");
        @SuppressWarnings("unchecked")
        TableView<RunJob> jobs = robot.lookup("#jobs").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> !jobs.getItems().isEmpty() && jobs.getItems().get(0).state() == RunState.FINISHED);
        RunJob job = jobs.getItems().get(0);
        assertThat(job.progressProperty().get()).isEqualTo(1.0);
        assertThat(job.client().status().step()).isEqualTo(20);
        assertThat(dir.resolve("samples/diffusion-2d-output/diffusion-2d.pvd")).exists();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#status-message").queryAs(Label.class).getText()).contains("finished");
    }

    @Test
    void anEditInTheSetupEditorIsUndoneFromTheEditMenu() {
        robot.interact(() -> app.model().open(dir.resolve("samples/diffusion-1d.yaml")));
        assertThat(stage.getTitle()).isEqualTo("diffusion-1d — Stagger");
        robot.clickOn("Parameters");
        TextField chi = robot.lookup("#param-chi").queryAs(TextField.class);
        robot.clickOn(chi);
        robot.interact(chi::selectAll);
        robot.write("0.25").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.model().document().project().model().parameters()).containsEntry("chi", 0.25);
        assertThat(stage.getTitle()).isEqualTo("diffusion-1d* — Stagger");

        robot.clickOn("Edit");
        // the item reads "_Undo Set chi": U is its mnemonic
        var undoItem = robot.lookup((Labeled l) -> "Undo Set chi".equals(Mnemonics.plain(l.getText()))).tryQuery();
        assertThat(undoItem).as("the menu names the edit it undoes").isPresent();
        robot.clickOn(undoItem.get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.model().document().project().model().parameters().get("chi")).isNotEqualTo(0.25);
        assertThat(chi.getText()).isNotEqualTo("0.25");
        assertThat(stage.getTitle()).isEqualTo("diffusion-1d — Stagger");
        // a text field keeps Ctrl+Y for its own text: redo the edit with the focus elsewhere
        robot.clickOn("Grid");
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.model().document().project().model().parameters()).containsEntry("chi", 0.25);
        robot.interact(() -> app.model().document().undo());
        // and on Ctrl+Shift+Z, the other common redo shortcut
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.model().document().project().model().parameters()).containsEntry("chi", 0.25);
        robot.interact(() -> app.model().document().undo());
    }

    @Test
    void f1OpensTheManualWhoseShortcutsAreTheMenus() throws Exception {
        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.view().help() != null
                && app.view().help().stage().isShowing());
        HelpWindow help = app.view().help();
        assertThat(help.shownText()).contains("A project is a YAML file");
        robot.interact(() -> help.show(dev.stagger.gui.help.Manual.SHORTCUTS));
        assertThat(help.shownText()).contains("Ctrl+S").contains("File > Save\n").contains("Ctrl+Shift+Z")
                .contains("Edit > Redo (also)").contains("Edit > Undo\n")
                .contains("Edit > Preferences…").contains("Help > Manual\n").contains("F5").contains("Shift+F5");
        robot.interact(() -> help.show(dev.stagger.gui.help.Manual.MODELS));
        assertThat(help.shownText()).contains("(model.name: diffusion");
        robot.interact(() -> help.stage().close());
        // the menus have mnemonics; the toolbar's icon-only buttons say what they are
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        assertThat(bar.getMenus()).extracting(Menu::getText).contains("_File", "_Edit", "_Run", "_View", "_Help");
        assertThat(bar.getMenus()).allMatch(Menu::isMnemonicParsing);
        assertThat(robot.lookup(".main-toolbar .button").queryAllAs(Button.class))
                .allSatisfy(b -> assertThat(b.getAccessibleText()).as(b.getTooltip().getText()).isNotBlank())
                .extracting(Button::getAccessibleText).contains("Save", "Undo", "Run on this computer");
    }

    @Test
    void everyMenuItemAndButtonOfACommandIsThatCommand() throws Exception {
        checkControlsFollowTheirCommands();
        // with a project and an edit, Save, Undo and the run targets are enabled in menus and toolbar alike
        robot.interact(() -> {
            app.model().open(dir.resolve("samples/diffusion-1d.yaml"));
            app.model().document().apply("Retitle", p -> new dev.stagger.engine.project.Project("Retitled",
                    p.description(), p.grid(), p.model(), p.fields(), p.run(), p.output()));
        });
        assertThat(app.view().commands().get(WorkbenchCommands.SAVE).isDisabled()).isFalse();
        checkControlsFollowTheirCommands();
        robot.interact(() -> app.model().document().undo());
    }

    /**
     * Every menu item, toolbar button and context-menu item made from a command shows the command's
     * text, long text, keys and enabled state; a menu's items have letters of their own; each command
     * of the window shows somewhere.
     */
    private void checkControlsFollowTheirCommands() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = WaitForAsyncUtils.asyncFx(() -> {
            List<String> found = new ArrayList<>();
            Set<Command> shown = new HashSet<>();
            MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
            Set<String> keys = new HashSet<>();
            for (Menu m : bar.getMenus()) {
                checkMenu(m, found, shown, keys);
            }
            List<ButtonBase> buttons = new ArrayList<>(robot.lookup(".main-toolbar .button").queryAllAs(ButtonBase.class));
            buttons.addAll(robot.lookup(".job-table .pane-header .button").queryAllAs(ButtonBase.class));
            for (ButtonBase b : buttons) {
                Command c = CommandControls.of(b);
                if (c == null) {
                    continue; // the job list's More button lists what the selected run offers
                }
                shown.add(c);
                if (b.getTooltip() == null || !c.getLongText().equals(b.getTooltip().getText())) {
                    found.add("button " + c + " has tooltip " + (b.getTooltip() == null ? null : b.getTooltip().getText()));
                }
                if (b.isDisable() != c.isDisabled()) {
                    found.add("button " + c + " disabled " + b.isDisable() + ", its command " + c.isDisabled());
                }
            }
            TableView<?> jobs = robot.lookup("#jobs").queryAs(TableView.class);
            for (MenuItem it : jobs.getContextMenu().getItems()) {
                Command c = CommandControls.of(it);
                if (c != null) {
                    shown.add(c);
                    if (it.isDisable() != c.isDisabled() || !c.getText().equals(it.getText())) {
                        found.add("context item " + c + " differs from its command");
                    }
                }
            }
            for (Command c : app.view().commands().all()) {
                if (!shown.contains(c)) {
                    found.add(c + " shows nowhere");
                }
            }
            return found;
        }).get(30, TimeUnit.SECONDS);
        assertThat(problems).isEmpty();
    }

    private static void checkMenu(Menu menu, List<String> found, Set<Command> shown, Set<String> keys) {
        Set<Character> letters = new HashSet<>();
        for (MenuItem it : menu.getItems()) {
            Command c = CommandControls.of(it);
            if (it.isMnemonicParsing() && Mnemonics.has(it.getText()) && !letters.add(Mnemonics.key(it.getText()))) {
                found.add(Mnemonics.plain(menu.getText()) + " has two items on " + Mnemonics.key(it.getText()));
            }
            if (it instanceof Menu sub) {
                checkMenu(sub, found, shown, keys);
            }
            if (c == null) {
                continue; // a separator, a recent project
            }
            shown.add(c);
            if (!c.getText().equals(it.getText()) || it.isDisable() != c.isDisabled()
                    || it.getAccelerator() != c.getAccelerator()) {
                found.add("menu item " + c + " differs from its command");
            }
            if (it.getAccelerator() != null && !keys.add(it.getAccelerator().getDisplayText())) {
                found.add("two menu items on " + it.getAccelerator().getDisplayText());
            }
        }
    }
}
