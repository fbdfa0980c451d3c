package dev.stagger.gui.common.action;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import org.controlsfx.control.action.ActionUtils;

/**
 * The controls a {@link Command} shows as, all made with ControlsFX's {@link ActionUtils}: they
 * bind to the command's text, icon, keys, long text and disabled state, and fire it.
 */
public final class CommandControls {
    private CommandControls() {}

    /** A menu-bar item (with the command's accelerator; its id is the command's). */
    public static MenuItem menuItem(Command c) {
        MenuItem item = ActionUtils.createMenuItem(c);
        item.setId(c.id());
        return item;
    }

    /**
     * A context-menu item: it shows no accelerator. JavaFX installs a context menu's accelerators into
     * the scene too and removes them by key when the items change or the control leaves the scene,
     * which would take the menu bar's same key away with them.
     */
    public static MenuItem contextItem(Command c) {
        MenuItem item = ActionUtils.createMenuItem(c);
        item.acceleratorProperty().unbind();
        item.setAccelerator(null);
        return item;
    }

    /** A radio item of {@code group}, selected while the command is. */
    public static RadioMenuItem radioItem(Command c, ToggleGroup group) {
        RadioMenuItem item = ActionUtils.createRadioMenuItem(c);
        item.setId(c.id());
        item.setToggleGroup(group);
        return item;
    }

    /** The submenu of a {@link Command#isSubmenu() submenu command}; its items are the caller's. */
    public static Menu submenu(Command c) {
        Menu menu = ActionUtils.createMenu(c);
        menu.setId(c.id());
        return menu;
    }

    /** A plug-in's menu: its commands' items, a separator between groups. */
    public static Menu menu(CommandMenu m) {
        Menu menu = new Menu(m.title());
        menu.setId(m.id());
        for (var group : m.groups()) {
            if (!menu.getItems().isEmpty() && !group.isEmpty()) {
                menu.getItems().add(new SeparatorMenuItem());
            }
            group.forEach(c -> menu.getItems().add(menuItem(c)));
        }
        return menu;
    }

    /** A button with the command's text and icon (16 pixels). */
    public static Button button(Command c) {
        return ActionUtils.createButton(c);
    }

    /** A button with the command's text and its icon at {@code iconSize} pixels. */
    public static Button button(Command c, double iconSize) {
        Button b = ActionUtils.createButton(c);
        resize(b, c, iconSize);
        return b;
    }

    /**
     * An icon-only toolbar button of {@code iconSize} pixels; the long text is its tooltip and the
     * command's name what screen readers say ("Save", not "button").
     */
    public static Button toolButton(Command c, double iconSize) {
        Button b = ActionUtils.createButton(c, ActionUtils.ActionTextBehavior.HIDE);
        resize(b, c, iconSize);
        b.setAccessibleText(c.name());
        b.getStyleClass().add("tool");
        b.setFocusTraversable(false);
        return b;
    }

    /** The command a control was made from, or null. */
    public static Command of(MenuItem item) {
        return item.getOnAction() instanceof Command c ? c : null;
    }

    /** The command a button was made from, or null. */
    public static Command of(javafx.scene.control.ButtonBase button) {
        return button.getOnAction() instanceof Command c ? c : null;
    }

    private static void resize(Button b, Command c, double iconSize) {
        b.graphicProperty().unbind();
        b.graphicProperty().bind(Bindings.createObjectBinding(() -> resized(c.getGraphic(), iconSize), c.graphicProperty()));
    }

    private static Node resized(Node graphic, double size) {
        return graphic instanceof IconGraphic icon ? icon.resized(size) : null;
    }
}
