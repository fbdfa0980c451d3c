package dev.stagger.gui.shell;

import dev.stagger.gui.common.action.Command;
import dev.stagger.gui.common.action.CommandControls;
import dev.stagger.gui.common.action.CommandMenu;
import dev.stagger.gui.common.action.Mnemonics;
import dev.stagger.gui.help.Manual;
import dev.stagger.gui.plugin.MenuProvider;
import dev.stagger.gui.start.RecentProjects;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * The main window's menu bar and toolbar, made from the {@link WorkbenchCommands} (plug-ins' menus
 * included), and the list of keys the manual shows, read from the menus as made.
 */
final class WorkbenchMenus {
    private static final System.Logger LOG = System.getLogger(WorkbenchMenus.class.getName());
    private final WorkbenchCommands commands;
    private final Supplier<Window> owner;
    private final RecentProjects recent;
    private final Consumer<Path> openFile;
    private final Consumer<String> warn;
    /** Open Recent's last item, made once: the submenu's items are made anew each time it opens. */
    private MenuItem recentClear;
    private MenuBar menus;

    /**
     * @param owner the window plug-ins' dialogs open over
     * @param openFile opens a recent project (asking first about unsaved changes)
     * @param warn tells the user of a plug-in menu left out
     */
    WorkbenchMenus(WorkbenchCommands commands, Supplier<Window> owner, RecentProjects recent, Consumer<Path> openFile,
            Consumer<String> warn) {
        this.commands = commands;
        this.owner = owner;
        this.recent = recent;
        this.openFile = openFile;
        this.warn = warn;
    }

    MenuBar menuBar() {
        // "_File": Alt+F opens it, the underlined letters choose in it (menu mnemonics)
        Menu recentMenu = CommandControls.submenu(commands.get(WorkbenchCommands.RECENT));
        recentClear = item(WorkbenchCommands.RECENT_CLEAR);
        recentMenu.setOnShowing(e -> fillRecent(recentMenu));
        fillRecent(recentMenu);
        Menu file = menu("_File", List.of(item(WorkbenchCommands.NEW), item(WorkbenchCommands.OPEN), recentMenu),
                items(WorkbenchCommands.SAVE, WorkbenchCommands.SAVE_AS),
                items(WorkbenchCommands.CLOSE, WorkbenchCommands.QUIT));
        Menu edit = menu("_Edit", items(WorkbenchCommands.UNDO, WorkbenchCommands.REDO),
                items(WorkbenchCommands.PREFERENCES));
        Menu run = menu("_Run", commands.runTargets().stream().map(CommandControls::menuItem).toList(),
                List.of(CommandControls.menuItem(commands.jobs().stop())), items(WorkbenchCommands.ATTACH));
        ToggleGroup themes = new ToggleGroup();
        Menu view = menu("_View", items(WorkbenchCommands.START_PAGE, WorkbenchCommands.RUNS),
                List.of(CommandControls.radioItem(commands.get(WorkbenchCommands.LIGHT), themes),
                        CommandControls.radioItem(commands.get(WorkbenchCommands.DARK), themes)));
        Menu help = menu("_Help", items(WorkbenchCommands.MANUAL, WorkbenchCommands.EXPRESSIONS, WorkbenchCommands.MODELS,
                WorkbenchCommands.SHORTCUTS), items(WorkbenchCommands.ABOUT));
        MenuBar bar = new MenuBar(file, edit, run);
        // menus of plug-ins (the Cluster menu) go between Run and View; their commands join the window's,
        // which refuses a key the shell already has: such a menu is left out and the user told why
        ServiceLoader.load(MenuProvider.class).forEach(p -> {
            CommandMenu m = p.createMenu(owner);
            try {
                commands.commands().addAll(m.commands());
                bar.getMenus().add(CommandControls.menu(m));
            } catch (IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "plug-in menu " + m.id() + " left out", e);
                warn.accept("The " + Mnemonics.plain(m.title()) + " menu was left out: " + e.getMessage());
            }
        });
        bar.getMenus().addAll(view, help);
        bar.setUseSystemMenuBar(true);
        menus = bar;
        return bar;
    }

    private MenuItem item(String id) {
        return CommandControls.menuItem(commands.get(id));
    }

    private List<MenuItem> items(String... ids) {
        return Arrays.stream(ids).map(this::item).toList();
    }

    /** A menu of groups of items, a separator between groups. */
    @SafeVarargs
    private static Menu menu(String title, List<? extends MenuItem>... groups) {
        Menu menu = new Menu(title);
        for (List<? extends MenuItem> g : groups) {
            if (!menu.getItems().isEmpty()) {
                menu.getItems().add(new SeparatorMenuItem());
            }
            menu.getItems().addAll(g);
        }
        return menu;
    }

    /** Every command with keys, named by its place in the menus: the accelerators, then the keys no menu shows. */
    List<Manual.Shortcut> shortcuts() {
        List<Manual.Shortcut> all = new ArrayList<>();
        Map<Command, String> places = new HashMap<>();
        for (Menu m : menus.getMenus()) {
            collectShortcuts(Mnemonics.plain(m.getText()), m.getItems(), all, places);
        }
        for (Command c : commands.commands().all()) {
            for (var k : c.alsoKeys()) {
                all.add(new Manual.Shortcut(places.getOrDefault(c, c.name()) + " (also)", k.getDisplayText()));
            }
        }
        all.add(new Manual.Shortcut("Help window: close", "Esc"));
        return all;
    }

    private static void collectShortcuts(String path, List<MenuItem> items, List<Manual.Shortcut> into,
            Map<Command, String> places) {
        for (MenuItem it : items) {
            Command c = CommandControls.of(it);
            if (it instanceof Menu sub) {
                collectShortcuts(path + " > " + Mnemonics.plain(sub.getText()), sub.getItems(), into, places);
            } else if (c != null) {
                // the command's own name: "Undo", not the "Undo Set chi" the menu shows now
                String place = path + " > " + c.name();
                places.put(c, place);
                if (it.getAccelerator() != null) {
                    into.add(new Manual.Shortcut(place, it.getAccelerator().getDisplayText()));
                }
            }
        }
    }

    ToolBar toolBar() {
        ToolBar bar = new ToolBar(tool(commands.get(WorkbenchCommands.START_PAGE)), sep(),
                tool(commands.get(WorkbenchCommands.NEW)), tool(commands.get(WorkbenchCommands.OPEN)),
                tool(commands.get(WorkbenchCommands.SAVE)), sep(), tool(commands.get(WorkbenchCommands.UNDO)),
                tool(commands.get(WorkbenchCommands.REDO)), sep());
        // the default target's Run (F5), when the class path offers any target
        if (!commands.runTargets().isEmpty()) {
            Button run = tool(commands.runTargets().get(0));
            run.setId("run");
            run.getStyleClass().add("run-button");
            bar.getItems().add(run);
        }
        Button stop = tool(commands.jobs().stop());
        stop.getStyleClass().add("stop-button");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        bar.getItems().addAll(stop, gap, tool(commands.get(WorkbenchCommands.SWITCH_THEME)));
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    private static Button tool(Command c) {
        return CommandControls.toolButton(c, 20);
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }

    /** The recent projects (data, not commands: their names have no mnemonics), then Clear list. */
    private void fillRecent(Menu menu) {
        menu.getItems().clear();
        for (Path p : recent.items()) {
            MenuItem it = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            it.setMnemonicParsing(false);
            it.setOnAction(e -> openFile.accept(p));
            menu.getItems().add(it);
        }
        if (menu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none)");
            none.setDisable(true);
            menu.getItems().add(none);
        }
        menu.getItems().addAll(new SeparatorMenuItem(), recentClear);
    }
}
