package dev.stagger.gui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.project.Project;
import dev.stagger.gui.cluster.ClusterMenu;
import dev.stagger.gui.common.action.Command;
import dev.stagger.gui.common.action.Commands;
import dev.stagger.gui.common.action.Mnemonics;
import dev.stagger.gui.jobs.JobCommands;
import dev.stagger.gui.run.RunJob;
import dev.stagger.gui.run.RunRequest;
import dev.stagger.gui.run.RunSetting;
import dev.stagger.gui.run.RunTarget;
import dev.stagger.gui.testing.TestPrefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's commands without the toolkit: each once, with its keys, texts and enabled state. */
class WorkbenchCommandsTest {
    private final Preferences prefs = TestPrefs.fresh();
    private final List<String> steps = new ArrayList<>();
    @TempDir
    Path dir;

    @AfterEach
    void drop() {
        TestPrefs.drop(prefs);
    }

    /** A target that only says its name (and, when it asks, a setting). */
    private static RunTarget target(String name, boolean asks) {
        return new RunTarget() {
            @Override
            public String displayName() {
                return name;
            }

            @Override
            public List<RunSetting> settings() {
                return asks ? List.of(RunSetting.integer("ranks", "Ranks", 4, 1, 64, "MPI ranks")) : List.of();
            }

            @Override
            public RunJob start(RunRequest request) {
                throw new UnsupportedOperationException("not run here");
            }
        };
    }

    private WorkbenchCommands commands(WorkbenchModel model) {
        JobCommands jobs = new JobCommands(model.board(), p -> steps.add("folder " + p), () -> null);
        return new WorkbenchCommands(model, jobs, new WorkbenchCommands.Window() {
            @Override
            public void newProject() {
                steps.add("new");
            }

            @Override
            public void openDialog() {
                steps.add("open");
            }

            @Override
            public void save() {
                steps.add("save");
            }

            @Override
            public void saveAs() {
                steps.add("save as");
            }

            @Override
            public void closeDocument() {
                steps.add("close");
            }

            @Override
            public void quit() {
                steps.add("quit");
            }

            @Override
            public void preferences() {
                steps.add("preferences");
            }

            @Override
            public void attachDialog() {
                steps.add("attach");
            }

            @Override
            public void showStartPage() {
                steps.add("start page");
            }

            @Override
            public void showRunsPage() {
                steps.add("runs");
            }

            @Override
            public void showHelp(String page) {
                steps.add("help " + page);
            }

            @Override
            public void about() {
                steps.add("about");
            }

            @Override
            public void runOn(RunTarget target) {
                steps.add("run on " + target.displayName());
            }
        });
    }

    private WorkbenchModel model() {
        return new WorkbenchModel(prefs, List.of(target("This computer", false), target("This computer, 4 MPI ranks", true),
                target("Cluster slurm_test", true)));
    }

    @Test
    void everyCommandHasAMnemonicALongTextAndKeysOfItsOwn() {
        WorkbenchModel model = model();
        Commands all = commands(model).commands();
        // the plug-in's commands join the same set (the shell adds them when it makes the menu bar)
        all.addAll(new ClusterMenu().createMenu(() -> null).commands());

        assertThat(all.all()).hasSizeGreaterThan(30).allSatisfy(c -> {
            assertThat(Mnemonics.has(c.getText())).as(c.id() + " \"" + c.getText() + "\"").isTrue();
            assertThat(c.getLongText()).as(c.id()).isNotBlank();
        });
        Map<String, List<String>> byKey = new HashMap<>();
        for (Command c : all.all()) {
            List<KeyCombination> keys = new ArrayList<>(c.alsoKeys());
            if (c.getAccelerator() != null) {
                keys.add(c.getAccelerator());
                assertThat(c.getLongText()).as(c.id() + "'s tooltip names its key").contains(c.getAccelerator().getDisplayText());
            }
            keys.forEach(k -> byKey.computeIfAbsent(k.getDisplayText(), x -> new ArrayList<>()).add(c.id()));
        }
        assertThat(byKey.values().stream().filter(ids -> ids.size() > 1).toList()).as("keys of two commands").isEmpty();
        assertThat(byKey.keySet().stream().collect(Collectors.toSet())).contains(
                KeyCombination.keyCombination("Shortcut+S").getDisplayText(), "F5", "Shift+F5", "F1",
                KeyCombination.keyCombination("Shortcut+Shift+Z").getDisplayText());
    }

    @Test
    void theRunMenuGivesEachTargetALetterOfItsName() {
        WorkbenchCommands commands = commands(model());
        assertThat(commands.runTargets()).extracting(Command::getText).containsExactly("Run on _this computer",
                "Run on this _computer, 4 mpi ranks…", "Run on c_luster slurm_test…");
        assertThat(commands.runTargets()).extracting(Command::name).containsExactly("Run on this computer",
                "Run on this computer, 4 mpi ranks…", "Run on cluster slurm_test…");
        // the third finds every word start's letter taken (c, s for Stop, t): it gets one inside a word
        assertThat(commands.runTargets().get(0).getAccelerator()).isEqualTo(KeyCombination.keyCombination("F5"));
        assertThat(commands.runTargets().get(1).getAccelerator()).isNull();
    }

    @Test
    void commandsFollowTheDocumentAndItsHistory() throws Exception {
        WorkbenchModel model = model();
        WorkbenchCommands commands = commands(model);
        Command save = commands.get(WorkbenchCommands.SAVE);
        Command undo = commands.get(WorkbenchCommands.UNDO);
        Command redo = commands.get(WorkbenchCommands.REDO);
        Command run = commands.runTargets().get(0);
        assertThat(List.of(save, commands.get(WorkbenchCommands.SAVE_AS), commands.get(WorkbenchCommands.CLOSE), undo,
                redo, run)).allMatch(Command::isDisabled);
        assertThat(commands.jobs().stop().isDisabled()).as("no run selected").isTrue();
        save.execute();
        run.execute();
        assertThat(steps).as("a disabled command does nothing").isEmpty();

        Path file = dir.resolve("d.yaml");
        Files.copy(TestPrefs.samples().resolve("diffusion-1d.yaml"), file);
        model.open(file);
        assertThat(save.isDisabled()).isFalse();
        assertThat(run.isDisabled()).isFalse();
        run.execute();
        commands.runTargets().get(1).execute();
        assertThat(steps).containsExactly("run on This computer", "run on This computer, 4 MPI ranks");

        model.document().apply("Set end_time", p -> new Project("Changed", p.description(), p.grid(), p.model(),
                p.fields(), p.run(), p.output()));
        assertThat(undo.isDisabled()).isFalse();
        assertThat(undo.getText()).isEqualTo("_Undo Set end_time");
        assertThat(Mnemonics.plain(undo.getText())).as("the label's underscore shows").isEqualTo("Undo Set end_time");
        assertThat(undo.name()).isEqualTo("Undo");
        undo.execute();
        assertThat(model.document().project().title()).isNotEqualTo("Changed");
        assertThat(undo.isDisabled()).isTrue();
        assertThat(redo.getText()).isEqualTo("_Redo Set end_time");

        // Ctrl+Shift+Z (Cmd+Shift+Z on macOS) redoes, as the menu's Ctrl+Y does
        Map<KeyCombination, Runnable> scene = new HashMap<>();
        commands.commands().installAlsoKeys(scene);
        scene.get(KeyCombination.keyCombination("Shortcut+Shift+Z")).run();
        assertThat(model.document().project().title()).isEqualTo("Changed");
        assertThat(redo.isDisabled()).isTrue();
    }

    @Test
    void theThemeItemsShowTheThemeHoweverItWasChosen() {
        WorkbenchModel model = model();
        WorkbenchCommands commands = commands(model);
        Command light = commands.get(WorkbenchCommands.LIGHT);
        Command dark = commands.get(WorkbenchCommands.DARK);
        model.useTheme(Theme.LIGHT);
        commands.get(WorkbenchCommands.SWITCH_THEME).execute();
        assertThat(model.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(dark.isSelected()).isTrue();
        assertThat(light.isSelected()).isFalse();
        light.execute();
        assertThat(model.themeProperty().get()).isEqualTo(Theme.LIGHT);
        assertThat(light.isSelected()).isTrue();
        assertThat(dark.isSelected()).isFalse();
    }
}
