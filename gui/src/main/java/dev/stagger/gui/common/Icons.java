package dev.stagger.gui.common;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * The toolbar and menu icons: line drawings on a 24-unit grid, the same path data as
 * {@code icons/*.svg}. Drawn as {@link SVGPath} nodes so they stay sharp at any scale and take the
 * theme's colour (style class {@code icon}, stroke from CSS).
 */
public enum Icons {
    NEW("M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z M14 3v5h5 M12 11v6 M9 14h6", false),
    OPEN("M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z", false),
    SAVE("M5 3h11l5 5v11a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z M8 3v5h7V3 M7 21v-7h10v7", false),
    UNDO("M9 14L4 9l5-5 M4 9h10.5a5.5 5.5 0 0 1 0 11H11", false),
    REDO("M15 14l5-5-5-5 M20 9H9.5a5.5 5.5 0 0 0 0 11H13", false),
    RUN("M7 4.5v15a1 1 0 0 0 1.5 .86l12-7.5a1 1 0 0 0 0-1.72l-12-7.5A1 1 0 0 0 7 4.5z", true),
    STOP("M7 5h10a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z", true),
    FOLDER_OUTPUT("M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z M12 10v6 M9 13l3 3 3-3", false),
    THEME("M20.5 14.5A8.5 8.5 0 1 1 9.5 3.5a7 7 0 0 0 11 11z", false),
    HOME("M3 11l9-7 9 7 M5 9.5V20h5v-6h4v6h5V9.5", false),
    PAUSE("M7 5h3v14H7z M14 5h3v14h-3z", true),
    LOG("M6 3h9l4 4v13a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z M8 10h8 M8 13.5h8 M8 17h5", false),
    REMOVE("M6 6l12 12 M18 6L6 18", false),
    PICTURE("M5 4h14a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z M3 17l5-5 4 4 3-3 6 6"
            + " M15.5 7.5a1.5 1.5 0 1 0 0.01 0", false),
    ATTACH("M10 14a4.5 4.5 0 0 0 6.4 0l3.2-3.2a4.5 4.5 0 0 0-6.4-6.4L12 5.6 M14 10a4.5 4.5 0 0 0-6.4 0l-3.2 3.2a4.5 4.5 0 0 0 6.4 6.4l1.2-1.2", false);

    private final String path;
    private final boolean filled;

    Icons(String path, boolean filled) {
        this.path = path;
        this.filled = filled;
    }

    public String path() {
        return path;
    }

    public boolean filled() {
        return filled;
    }

    /** A node of {@code size} pixels; its colour comes from the style sheet. */
    public Node node(double size) {
        return graphic(size, null);
    }

    /** A node of {@code size} pixels in a fixed colour (for image rendering). */
    public Node node(double size, Paint colour) {
        return graphic(size, colour);
    }

    private Node graphic(double size, Paint colour) {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.getStyleClass().addAll("icon", filled ? "icon-filled" : "icon-line");
        p.setStrokeWidth(1.8);
        p.setStrokeLineCap(StrokeLineCap.ROUND);
        p.setStrokeLineJoin(StrokeLineJoin.ROUND);
        p.setFill(filled ? (colour == null ? Color.GREY : colour) : null);
        p.setStroke(colour == null ? Color.GREY : colour);
        // a transparent 24x24 frame keeps every icon the same size whatever its path's bounds
        Rectangle frame = new Rectangle(24, 24, Color.TRANSPARENT);
        Group g = new Group(frame, p);
        double s = size / 24.0;
        g.getTransforms().add(new javafx.scene.transform.Scale(s, s, 0, 0));
        return new Group(g);
    }

    /** The application icon's SVG (a staggered grid: cell centres and vertices in a rounded tile). */
    public static String applicationSvg() {
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 256 256\" width=\"256\" height=\"256\">\n");
        s.append("  <defs><linearGradient id=\"g\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\">"
                + "<stop offset=\"0\" stop-color=\"#3b528b\"/><stop offset=\"1\" stop-color=\"#21918c\"/>"
                + "</linearGradient></defs>\n");
        s.append("  <rect x=\"8\" y=\"8\" width=\"240\" height=\"240\" rx=\"52\" fill=\"url(#g)\"/>\n");
        for (int i = 0; i < 4; i++) {
            double c = 56 + i * 48;
            s.append(String.format(java.util.Locale.ROOT,
                    "  <path d=\"M%.0f 56V200 M56 %.0fH200\" stroke=\"#ffffff\" stroke-opacity=\"0.55\" stroke-width=\"6\"/>%n",
                    c, c));
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                s.append(String.format(java.util.Locale.ROOT,
                        "  <circle cx=\"%d\" cy=\"%d\" r=\"11\" fill=\"#fde725\"/>%n", 80 + 48 * i, 80 + 48 * j));
            }
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /** The application icon as nodes, {@code size} pixels square, the same drawing as {@link #applicationSvg()}. */
    public static Node application(double size) {
        double k = size / 256.0;
        Group g = new Group();
        Rectangle tile = new Rectangle(8 * k, 8 * k, 240 * k, 240 * k);
        tile.setArcWidth(104 * k);
        tile.setArcHeight(104 * k);
        tile.setFill(new javafx.scene.paint.LinearGradient(0, 0, 1, 1, true, javafx.scene.paint.CycleMethod.NO_CYCLE,
                new javafx.scene.paint.Stop(0, Color.web("#3b528b")), new javafx.scene.paint.Stop(1, Color.web("#21918c"))));
        g.getChildren().add(tile);
        for (int i = 0; i < 4; i++) {
            double c = (56 + i * 48) * k;
            javafx.scene.shape.Line v = new javafx.scene.shape.Line(c, 56 * k, c, 200 * k);
            javafx.scene.shape.Line h = new javafx.scene.shape.Line(56 * k, c, 200 * k, c);
            for (javafx.scene.shape.Line l : new javafx.scene.shape.Line[] {v, h}) {
                l.setStroke(Color.rgb(255, 255, 255, 0.55));
                l.setStrokeWidth(Math.max(1, 6 * k));
                g.getChildren().add(l);
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                g.getChildren().add(new javafx.scene.shape.Circle((80 + 48 * i) * k, (80 + 48 * j) * k,
                        Math.max(1.2, 11 * k), Color.web("#fde725")));
            }
        }
        Rectangle frame = new Rectangle(size, size, Color.TRANSPARENT);
        g.getChildren().add(0, frame);
        return g;
    }
}
