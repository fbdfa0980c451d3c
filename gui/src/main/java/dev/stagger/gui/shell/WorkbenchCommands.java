package dev.stagger.gui.shell;

import dev.stagger.gui.common.Icons;
import dev.stagger.gui.common.action.Command;
import dev.stagger.gui.common.action.Commands;
import dev.stagger.gui.common.action.Mnemonics;
import dev.stagger.gui.help.Manual;
import dev.stagger.gui.jobs.JobCommands;
import dev.stagger.gui.run.RunTarget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;

/**
 * The shell's commands, each defined once with its text, icon, keys and long text, enabled by the
 * {@link WorkbenchModel}: the menus and the toolbar are made from them. With the job list's
 * commands and the run targets' they make up the window's {@link Commands}.
 */
final class WorkbenchCommands {
    static final String NEW = "file-new";
    static final String OPEN = "file-open";
    static final String RECENT = "file-recent";
    static final String RECENT_CLEAR = "file-recent-clear";
    static final String SAVE = "file-save";
    static final String SAVE_AS = "file-save-as";
    static final String CLOSE = "file-close";
    static final String QUIT = "file-quit";
    static final String UNDO = "edit-undo";
    static final String REDO = "edit-redo";
    static final String PREFERENCES = "edit-preferences";
    static final String ATTACH = "run-attach";
    static final String START_PAGE = "view-start-page";
    static final String RUNS = "view-runs";
    static final String LIGHT = "view-light-theme";
    static final String DARK = "view-dark-theme";
    static final String SWITCH_THEME = "view-switch-theme";
    static final String MANUAL = "help-manual";
    static final String EXPRESSIONS = "help-expressions";
    static final String MODELS = "help-models";
    static final String SHORTCUTS = "help-shortcuts";
    static final String ABOUT = "help-about";

    /** What the commands ask of the window: the steps that show dialogs or change pages. */
    interface Window {
        void newProject();

        void openDialog();

        void save();

        void saveAs();

        void closeDocument();

        void quit();

        void preferences();

        void attachDialog();

        void showStartPage();

        void showRunsPage();

        void showHelp(String page);

        void about();

        /** Runs on {@code target}, first asking its settings when it has any. */
        void runOn(RunTarget target);
    }

    private final Commands all = new Commands();
    private final List<Command> runTargets = new ArrayList<>();
    private final JobCommands jobs;

    WorkbenchCommands(WorkbenchModel model, JobCommands jobs, Window window) {
        this.jobs = jobs;
        BooleanBinding noDocument = model.documentProperty().isNull();
        add(Command.builder(NEW, "_New project").icon(Icons.NEW).keys("Shortcut+N").describe("New project from a template")
                .does(window::newProject));
        add(Command.builder(OPEN, "_Open…").icon(Icons.OPEN).keys("Shortcut+O").describe("Open a project")
                .does(window::openDialog));
        add(Command.builder(RECENT, "Open _Recent").describe("Open one of the projects opened lately").submenu());
        add(Command.builder(RECENT_CLEAR, "_Clear list").describe("Forget the projects opened lately (the files stay)")
                .disabledWhen(Bindings.isEmpty(model.recent().items())).does(() -> model.recent().clear()));
        add(Command.builder(SAVE, "_Save").icon(Icons.SAVE).keys("Shortcut+S").describe("Save the project")
                .disabledWhen(noDocument).does(window::save));
        add(Command.builder(SAVE_AS, "Save _As…").keys("Shortcut+Shift+S").describe("Save the project in another file")
                .disabledWhen(noDocument).does(window::saveAs));
        add(Command.builder(CLOSE, "_Close").keys("Shortcut+W").describe("Close the project")
                .disabledWhen(noDocument).does(window::closeDocument));
        add(Command.builder(QUIT, "_Quit").keys("Shortcut+Q")
                .describe("Quit Stagger (asking first about unsaved changes and runs still going)").does(window::quit));

        Command undo = add(Command.builder(UNDO, "_Undo").icon(Icons.UNDO).keys("Shortcut+Z").describe("Undo the last edit")
                .disabledWhen(documentFlag(model, "canUndo").not()).does(() -> model.document().undo()));
        // Ctrl+Y as most Windows programs, Ctrl+Shift+Z as most others: the menu shows the first
        Command redo = add(Command.builder(REDO, "_Redo").icon(Icons.REDO).keys("Shortcut+Y", "Shortcut+Shift+Z")
                .describe("Redo the last undone edit")
                .disabledWhen(documentFlag(model, "canRedo").not()).does(() -> model.document().redo()));
        // "Undo Set chi": the menu names what it would undo; the mark stays on the verb
        undo.textProperty().bind(historyLabel(model, "_Undo", "undoLabel"));
        redo.textProperty().bind(historyLabel(model, "_Redo", "redoLabel"));
        add(Command.builder(PREFERENCES, "_Preferences…").keys("Shortcut+Comma")
                .describe("Theme, memory, programs and folders").does(window::preferences));

        // the Run menu's letters: Stop and Attach have theirs, each target gets one of its name
        Set<Character> taken = new HashSet<>(List.of(Mnemonics.key(jobs.stop().getText()), 'a'));
        for (int i = 0; i < model.targets().size(); i++) {
            RunTarget t = model.targets().get(i);
            boolean asks = !t.settings().isEmpty();
            String name = t.displayName().toLowerCase(Locale.ROOT);
            Command.Builder b = Command.builder("run-target-" + i, "Run on " + Mnemonics.mark(name, taken) + (asks ? "…" : ""))
                    .describe("Run the project on " + name + (asks ? ", asking for its settings first" : ""))
                    .disabledWhen(noDocument).does(() -> window.runOn(t));
            if (i == 0) {
                b.icon(Icons.RUN).keys("F5"); // the default target
            }
            runTargets.add(add(b));
        }
        add(Command.builder(ATTACH, "_Attach to Run…").icon(Icons.ATTACH)
                .describe("Attach a run started from the command line or elsewhere, by its output folder")
                .does(window::attachDialog));

        add(Command.builder(START_PAGE, "_Start page").icon(Icons.HOME)
                .describe("The start page: samples and recent projects").does(window::showStartPage));
        add(Command.builder(RUNS, "_Runs").keys("Shortcut+J").describe("The runs: the monitor and the job list")
                .does(window::showRunsPage));
        Command light = add(Command.builder(LIGHT, "_Light theme").describe("Dark text on light panes")
                .does(() -> model.useTheme(Theme.LIGHT)));
        Command dark = add(Command.builder(DARK, "_Dark theme").describe("Light text on dark panes")
                .does(() -> model.useTheme(Theme.DARK)));
        // the View menu's radio items show the theme whichever way it was chosen
        light.setSelected(model.themeProperty().get() == Theme.LIGHT);
        dark.setSelected(model.themeProperty().get() == Theme.DARK);
        model.themeProperty().addListener((o, was, now) -> {
            light.setSelected(now == Theme.LIGHT);
            dark.setSelected(now == Theme.DARK);
        });
        add(Command.builder(SWITCH_THEME, "S_witch theme").icon(Icons.THEME).describe("Light or dark theme")
                .does(() -> model.useTheme(model.themeProperty().get() == Theme.LIGHT ? Theme.DARK : Theme.LIGHT)));

        add(Command.builder(MANUAL, "_Manual").keys("F1").describe("The manual: the project file, key by key")
                .does(() -> window.showHelp(Manual.PROJECT_FORMAT)));
        add(Command.builder(EXPRESSIONS, "_Expressions").describe("What initial conditions and boundary values may say")
                .does(() -> window.showHelp(Manual.EXPRESSIONS)));
        add(Command.builder(MODELS, "M_odels and equations").describe("The models and the equations they solve")
                .does(() -> window.showHelp(Manual.MODELS)));
        add(Command.builder(SHORTCUTS, "_Keyboard shortcuts").describe("Every command's keys")
                .does(() -> window.showHelp(Manual.SHORTCUTS)));
        add(Command.builder(ABOUT, "_About Stagger").describe("Version, Java and JavaFX of this Stagger")
                .does(window::about));
        all.addAll(jobs.all());
    }

    /** The window's commands: the shell's, the job list's (plug-ins add theirs). */
    Commands commands() {
        return all;
    }

    Command get(String id) {
        return all.get(id);
    }

    /** One command per run target, in the targets' order; the first is the default (F5). */
    List<Command> runTargets() {
        return List.copyOf(runTargets);
    }

    JobCommands jobs() {
        return jobs;
    }

    private Command add(Command.Builder b) {
        return all.add(b.build());
    }

    private static BooleanBinding documentFlag(WorkbenchModel model, String property) {
        return Bindings.selectBoolean(model.documentProperty(), property);
    }

    private static StringBinding historyLabel(WorkbenchModel model, String verb, String property) {
        StringBinding label = Bindings.selectString(model.documentProperty(), property);
        return Bindings.createStringBinding(() -> label.get() == null || label.get().isEmpty() ? verb
                : verb + " " + label.get(), label);
    }
}
