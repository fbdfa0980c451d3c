package dev.stagger.gui.monitor;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.transform.Scale;

/**
 * The monitor's icons that the application's set ({@code dev.stagger.gui.app.Icons}, {@code icons/})
 * lacks: pause and "picture". Drawn exactly as those are (24-unit paths, style classes {@code icon}
 * and {@code icon-filled} so the theme colours them), so they sit beside Icons.RUN, STOP and SAVE.
 * They belong in that set; they live here only while another change owns it.
 */
enum MonitorIcons {
    PAUSE("M7 5h2.5a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z"
            + " M14.5 5H17a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1h-2.5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z", true),
    PICTURE("M5 4h14a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z M3 17l5-5 4 4 3-3 6 6"
            + " M15.5 7.5a1.5 1.5 0 1 0 0.01 0", false);

    private final String path;
    private final boolean filled;

    MonitorIcons(String path, boolean filled) {
        this.path = path;
        this.filled = filled;
    }

    /** A node of {@code size} pixels; its colour comes from the style sheet (grey without one). */
    Node node(double size) {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.getStyleClass().addAll("icon", filled ? "icon-filled" : "icon-line");
        p.setStrokeWidth(1.8);
        p.setStrokeLineCap(StrokeLineCap.ROUND);
        p.setStrokeLineJoin(StrokeLineJoin.ROUND);
        p.setFill(filled ? Color.GREY : null);
        p.setStroke(Color.GREY);
        // a transparent 24x24 frame keeps every icon the same size whatever its path's bounds
        Group g = new Group(new Rectangle(24, 24, Color.TRANSPARENT), p);
        g.getTransforms().add(new Scale(size / 24.0, size / 24.0, 0, 0));
        return new Group(g);
    }
}
