package dev.stagger.gui.common.action;

import dev.stagger.gui.common.Icons;
import javafx.scene.Group;
import org.controlsfx.tools.Duplicatable;

/**
 * A command's icon. A node has one parent, and one command shows in a menu, a toolbar and a context
 * menu at once: ControlsFX gives each control a {@link #duplicate()} (a graphic it cannot copy it
 * leaves out).
 */
public final class IconGraphic extends Group implements Duplicatable<IconGraphic> {
    private final Icons icon;
    private final double size;

    public IconGraphic(Icons icon, double size) {
        super(icon.node(size));
        this.icon = icon;
        this.size = size;
    }

    public Icons icon() {
        return icon;
    }

    @Override
    public IconGraphic duplicate() {
        return new IconGraphic(icon, size);
    }

    /** The same icon at {@code size} pixels (the toolbar draws larger than the menus). */
    public IconGraphic resized(double size) {
        return new IconGraphic(icon, size);
    }
}
