package dev.stagger.engine.project;

import java.util.Locale;

/** The kinds of physical boundary condition a project may set on a side. */
public enum BoundaryType {
    DIRICHLET,
    NEUMANN;

    /** The name used in project files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named {@code text} in a project file, or null. */
    public static BoundaryType parse(String text) {
        for (BoundaryType type : values()) {
            if (type.label().equals(text)) {
                return type;
            }
        }
        return null;
    }
}
