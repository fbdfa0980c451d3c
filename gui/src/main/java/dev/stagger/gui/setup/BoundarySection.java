package dev.stagger.gui.setup;

import dev.stagger.engine.grid.Side;
import dev.stagger.engine.model.FieldDescription;
import dev.stagger.engine.model.Models;
import dev.stagger.engine.project.BoundaryKey;
import dev.stagger.engine.project.BoundarySpec;
import dev.stagger.engine.project.BoundaryType;
import dev.stagger.engine.project.FieldSetup;
import dev.stagger.engine.project.Project;
import dev.stagger.gui.common.Numbers;
import dev.stagger.gui.document.ProjectDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;

/**
 * Boundary conditions: a schematic of the domain whose sides are clickable (1D: the two ends, 2D:
 * the four edges, 3D: the six faces of the box, unfolded), and for the selected side and field the
 * type (Dirichlet, Neumann, periodic), the value (a constant or an expression of the boundary
 * coordinates) and a plot of the value along the side.
 */
final class BoundarySection implements Section {
    /** The choices of the type box: the two physical conditions, and periodic (a grid property). */
    enum Kind {
        DIRICHLET("Dirichlet"), NEUMANN("Neumann"), PERIODIC("periodic");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static final Color SIDE = Color.web("#4e79a7");
    private static final Color SELECTED = Color.web("#e15759");
    private final ProjectDocument doc;
    private final VBox root = new VBox(10);
    private final Pane schematic = new Pane();
    private final ChoiceBox<String> fieldBox = new ChoiceBox<>();
    private final ChoiceBox<Kind> typeBox = new ChoiceBox<>();
    private final TextField valueField;
    private final Label sideLabel = new Label();
    private final Label error = new Label();
    /** The conditions the model fixes itself (a model file's {@code boundary:} of a field), read-only. */
    private final Label fixed = new Label();
    private final GridPane editor = new GridPane();
    private final Canvas plot = new Canvas(360, 140);
    private final Map<BoundaryKey, Shape> sideShapes = new LinkedHashMap<>();
    private BoundaryKey selected = new BoundaryKey(0, Side.LOW);
    private int builtDims = -1;
    private boolean refreshing;

    BoundarySection(ProjectDocument doc) {
        this.doc = doc;
        fieldBox.setId("boundary-field");
        typeBox.setId("boundary-type");
        typeBox.getItems().addAll(Kind.values());
        Tips.on(fieldBox);
        Tips.on(typeBox);
        valueField = TextCommit.field("boundary-value", () -> current().value(), this::commitValue);
        valueField.setPrefColumnCount(18);
        valueField.textProperty().addListener((o, a, b) -> drawPlot(b));
        typeBox.setOnAction(e -> {
            if (!refreshing && typeBox.getValue() != null) {
                commitType(typeBox.getValue());
            }
        });
        fieldBox.setOnAction(e -> {
            if (!refreshing) {
                refresh();
            }
        });
        error.setTextFill(Color.FIREBRICK);
        error.setId("boundary-error");
        sideLabel.setId("boundary-side");
        schematic.setPrefSize(360, 276);
        schematic.setMinSize(360, 276);
        editor.setHgap(8);
        editor.setVgap(6);
        editor.addRow(0, new Label("Field"), fieldBox);
        editor.addRow(1, new Label("Side"), sideLabel);
        editor.addRow(2, new Label("Type"), typeBox);
        editor.addRow(3, new Label("Value"), valueField);
        editor.add(error, 1, 4);
        Label hint = new Label("A number or an expression of the boundary coordinates and the parameters.");
        hint.setWrapText(true);
        hint.setMaxWidth(340);
        editor.add(hint, 0, 5, 2, 1);
        editor.add(plot, 0, 6, 2, 1);
        // side by side when the pane is wide, the editor under the schematic when it is narrow
        FlowPane top = new FlowPane(16, 12, schematic, editor);
        top.prefWrapLengthProperty().bind(root.widthProperty().subtract(20));
        fixed.setId("boundary-fixed");
        fixed.setWrapText(true);
        fixed.managedProperty().bind(fixed.visibleProperty());
        // first: what the model fixes is what a reader of this page needs before the editor
        root.getChildren().addAll(fixed, top);
        root.setPadding(new Insets(10));
        doc.projectProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    @Override
    public String title() {
        return "Boundary conditions";
    }

    @Override
    public Node content() {
        return root;
    }

    /** Selects a side in the schematic (what a click does). */
    void select(BoundaryKey side) {
        selected = side;
        refresh();
    }

    BoundaryKey selectedSide() {
        return selected;
    }

    @Override
    public boolean focus(String keyPath) {
        if (!keyPath.startsWith("fields.") || !keyPath.contains(".boundary")) {
            return false;
        }
        String[] parts = keyPath.split("\\.");
        if (parts.length >= 2 && fieldBox.getItems().contains(parts[1])) {
            refreshing = true;
            fieldBox.setValue(parts[1]);
            refreshing = false;
        }
        if (parts.length >= 4) {
            BoundaryKey key = BoundaryKey.parse(parts[3]);
            if (key != null && key.dim() < doc.project().grid().dims()) {
                selected = key;
            }
        }
        refresh();
        valueField.requestFocus();
        return true;
    }

    private String field() {
        return fieldBox.getValue();
    }

    private BoundarySpec current() {
        FieldSetup setup = doc.project().fields().get(field());
        return setup == null ? BoundarySpec.ZERO_FLUX : setup.boundary(selected.dim(), selected.side());
    }

    private boolean periodic() {
        return doc.project().grid().periodic()[selected.dim()];
    }

    private void commitValue(String text) {
        if (field() == null || periodic()) {
            return;
        }
        doc.setBoundary(field(), selected, current().type(), text);
    }

    private void commitType(Kind kind) {
        if (field() == null) {
            return;
        }
        if (kind == Kind.PERIODIC) {
            doc.setPeriodic(selected.dim(), true);
        } else {
            BoundaryType type = kind == Kind.DIRICHLET ? BoundaryType.DIRICHLET : BoundaryType.NEUMANN;
            doc.setBoundary(field(), selected, type, valueField.getText().isBlank() ? "0" : valueField.getText().trim());
        }
    }

    private void refresh() {
        refreshing = true;
        try {
            Project p = doc.project();
            int dims = p.grid().dims();
            List<String> fields = new ArrayList<>();
            Models.find(p.model().name()).ifPresent(m -> m.fields(dims).stream().filter(FieldDescription::prognostic)
                    .forEach(f -> fields.add(f.name())));
            if (fields.isEmpty()) {
                fields.addAll(p.fields().keySet());
            }
            showFixed(p, fields.isEmpty());
            if (!fieldBox.getItems().equals(fields)) {
                String keep = fieldBox.getValue();
                fieldBox.getItems().setAll(fields);
                fieldBox.setValue(fields.contains(keep) ? keep : fields.isEmpty() ? null : fields.get(0));
            }
            if (fieldBox.getValue() == null && !fields.isEmpty()) {
                fieldBox.setValue(fields.get(0));
            }
            if (selected.dim() >= dims) {
                selected = new BoundaryKey(0, Side.LOW);
            }
            if (dims != builtDims) {
                buildSchematic(dims);
            }
            sideShapes.forEach((k, s) -> {
                boolean per = p.grid().periodic()[k.dim()];
                Color c = k.equals(selected) ? SELECTED : SIDE;
                s.setStroke(c);
                s.getStrokeDashArray().setAll(per ? List.of(8.0, 6.0) : List.of());
                if (s instanceof Rectangle) {
                    s.setFill(c.deriveColor(0, 1, 1, k.equals(selected) ? 0.45 : 0.15));
                }
            });
            sideLabel.setText(selected.label() + (periodic() ? " (periodic with the opposite side)" : ""));
            BoundarySpec spec = current();
            typeBox.setValue(periodic() ? Kind.PERIODIC
                    : spec.type() == BoundaryType.DIRICHLET ? Kind.DIRICHLET : Kind.NEUMANN);
            valueField.setDisable(periodic());
            TextCommit.refresh(valueField);
            drawPlot(valueField.getText());
        } finally {
            refreshing = false;
        }
    }

    /** Lists what the model fixes; with no field the project may set, the editor has nothing to edit. */
    private void showFixed(Project p, boolean nothingToEdit) {
        ModelOverview o = ModelOverview.of(p);
        List<String> lines = o.fixedBoundaries();
        String text = "";
        if (nothingToEdit) {
            text = o.problem().isEmpty() ? o.title() + " takes no boundary conditions from the project." : o.problem();
        }
        if (!lines.isEmpty()) {
            text += (text.isEmpty() ? "" : " ") + "Fixed by the model (see the Model page):\n  "
                    + String.join("\n  ", lines);
        }
        fixed.setText(text);
        fixed.setVisible(!text.isEmpty());
        editor.setDisable(nothingToEdit);
    }

    /** The text under the schematic: the conditions the model fixes itself, or why nothing is editable. */
    String fixedText() {
        return fixed.isVisible() ? fixed.getText() : "";
    }

    private void buildSchematic(int dims) {
        builtDims = dims;
        schematic.getChildren().clear();
        sideShapes.clear();
        if (dims == 1) {
            Line body = new Line(60, 130, 300, 130);
            body.setStrokeWidth(2);
            schematic.getChildren().add(body);
            addSide(new BoundaryKey(0, Side.LOW), new Rectangle(40, 110, 20, 40));
            addSide(new BoundaryKey(0, Side.HIGH), new Rectangle(300, 110, 20, 40));
        } else if (dims == 2) {
            Rectangle body = new Rectangle(60, 40, 240, 180);
            body.setFill(Color.gray(0.95));
            schematic.getChildren().add(body);
            addSide(new BoundaryKey(0, Side.LOW), new Line(60, 40, 60, 220));
            addSide(new BoundaryKey(0, Side.HIGH), new Line(300, 40, 300, 220));
            addSide(new BoundaryKey(1, Side.LOW), new Line(60, 220, 300, 220));
            addSide(new BoundaryKey(1, Side.HIGH), new Line(60, 40, 300, 40));
        } else {
            // the box unfolded: z-low in the middle, its four neighbours around it, z-high at the right
            double s = 70;
            double x = 20;
            double y = 20;
            addSide(new BoundaryKey(1, Side.HIGH), new Rectangle(x + s, y, s, s));
            addSide(new BoundaryKey(0, Side.LOW), new Rectangle(x, y + s, s, s));
            addSide(new BoundaryKey(2, Side.LOW), new Rectangle(x + s, y + s, s, s));
            addSide(new BoundaryKey(0, Side.HIGH), new Rectangle(x + 2 * s, y + s, s, s));
            addSide(new BoundaryKey(2, Side.HIGH), new Rectangle(x + 3 * s, y + s, s, s));
            addSide(new BoundaryKey(1, Side.LOW), new Rectangle(x + s, y + 2 * s, s, s));
        }
        Text hint = new Text(10, 268, "click a side (or Tab to it, Space) to edit it; dashed sides are periodic");
        schematic.getChildren().add(hint);
    }

    private void addSide(BoundaryKey key, Shape shape) {
        shape.setStrokeWidth(shape instanceof Line ? 7 : 2);
        shape.setId("side-" + key.label());
        shape.setOnMouseClicked(e -> select(key));
        shape.setStyle("-fx-cursor: hand;");
        // by keyboard too: Tab to a side, Space or Enter chooses it (the focused side glows)
        shape.setFocusTraversable(true);
        shape.setAccessibleRole(javafx.scene.AccessibleRole.BUTTON);
        shape.setAccessibleText("Boundary side " + key.label());
        shape.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.SPACE || e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                select(key);
                e.consume();
            }
        });
        shape.focusedProperty().addListener((o, was, now) -> shape.setEffect(
                now ? new javafx.scene.effect.DropShadow(8, Color.DODGERBLUE) : null));
        sideShapes.put(key, shape);
        Text label = new Text(key.label());
        double[] c = centre(shape);
        label.setX(c[0] - 18);
        label.setY(c[1] + (shape instanceof Line l && l.getStartY() == l.getEndY() ? (c[1] < 100 ? -10 : 24) : 4));
        if (shape instanceof Line l && l.getStartX() == l.getEndX()) {
            label.setX(c[0] < 100 ? c[0] - 56 : c[0] + 8);
        }
        label.setMouseTransparent(true);
        schematic.getChildren().addAll(shape, label);
    }

    private static double[] centre(Shape shape) {
        if (shape instanceof Line l) {
            return new double[] {(l.getStartX() + l.getEndX()) / 2, (l.getStartY() + l.getEndY()) / 2};
        }
        Rectangle r = (Rectangle) shape;
        return new double[] {r.getX() + r.getWidth() / 2, r.getY() + r.getHeight() / 2};
    }

    /** The value along the selected side, as the engine would evaluate it there. */
    private void drawPlot(String text) {
        GraphicsContext gc = plot.getGraphicsContext2D();
        double w = plot.getWidth();
        double h = plot.getHeight();
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, w, h);
        gc.setStroke(Color.gray(0.6));
        gc.strokeRect(0.5, 0.5, w - 1, h - 1);
        if (periodic()) {
            error.setText("");
            gc.setFill(Color.gray(0.4));
            gc.fillText("periodic: values wrap to the opposite side", 10, h / 2);
            return;
        }
        ExpressionSampler.Bound b = ExpressionSampler.bind(doc.project(), text);
        error.setText(b.ok() ? "" : b.error());
        if (!b.ok()) {
            return;
        }
        ExpressionSampler.Profile p = ExpressionSampler.along(b.expression(), doc.project().grid(), selected, 120);
        gc.setFill(Color.BLACK);
        gc.fillText("max " + Numbers.format(p.max()), 6, 14);
        gc.fillText("min " + Numbers.format(p.min()), 6, h - 6);
        if (p.values().length == 1) {
            gc.fillText("value at the end point: " + Numbers.format(p.values()[0]), 80, h / 2);
            return;
        }
        gc.fillText("along " + p.axis(), w - 70, h - 6);
        double span = p.max() > p.min() ? p.max() - p.min() : 1;
        double top = 22;
        double bottom = h - 22;
        gc.setStroke(SELECTED);
        gc.setLineWidth(1.5);
        gc.beginPath();
        double[] v = p.values();
        for (int i = 0; i < v.length; i++) {
            double px = 6 + (w - 12) * i / (v.length - 1.0);
            double py = p.max() > p.min() ? bottom - (v[i] - p.min()) / span * (bottom - top) : (top + bottom) / 2;
            if (i == 0) {
                gc.moveTo(px, py);
            } else {
                gc.lineTo(px, py);
            }
        }
        gc.stroke();
        gc.setLineWidth(1);
    }
}
