package dev.stagger.gui.shell;

/** The workbench's two looks; each is one style sheet on top of the shared {@code workbench.css}. */
public enum Theme {
    LIGHT("light.css"),
    DARK("dark.css");

    private final String styleSheet;

    Theme(String styleSheet) {
        this.styleSheet = styleSheet;
    }

    public String styleSheet() {
        return styleSheet;
    }
}
