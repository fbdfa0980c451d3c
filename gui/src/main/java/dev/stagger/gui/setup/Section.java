package dev.stagger.gui.setup;

import javafx.scene.Node;

/** One page of the setup view: its content, and how to bring the control for a key path forward. */
interface Section {
    String title();

    Node content();

    /** True when this section owns {@code keyPath} (e.g. "grid.cells[1]"); it then focuses that control. */
    boolean focus(String keyPath);
}
