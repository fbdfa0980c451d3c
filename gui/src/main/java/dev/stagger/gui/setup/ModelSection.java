package dev.stagger.gui.setup;

import dev.stagger.gui.document.ProjectDocument;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The model page: what the project's model is and computes, from its {@link ModelOverview}: title
 * and origin (built in or a model file), summary, the equations as {@code stagger models} prints
 * them, the parameters (value, unit, range, default, help) and the fields with their staggered
 * locations and the boundary conditions the model fixes itself. Read-only: the Parameters page edits
 * the values. Built-in and user models are shown the same way.
 */
final class ModelSection implements Section {
    private final ProjectDocument doc;
    private final VBox root = new VBox(10);
    private final Label title = new Label();
    private final Label source = new Label();
    private final Label summary = new Label();
    private final Label problem = new Label();
    private final TextArea equations = new TextArea();
    private final GridPane parameters = new GridPane();
    private final GridPane fields = new GridPane();
    private ModelOverview shown;

    ModelSection(ProjectDocument doc) {
        this.doc = doc;
        root.setPadding(new Insets(10));
        title.setId("model-title");
        title.setFont(Font.font(null, FontWeight.BOLD, 15));
        source.setId("model-source");
        source.setTextFill(Color.GRAY);
        summary.setId("model-summary");
        summary.setWrapText(true);
        problem.setId("model-problem");
        problem.setTextFill(Color.FIREBRICK);
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.visibleProperty());
        equations.setId("model-equations");
        equations.setEditable(false);
        equations.setWrapText(false);
        equations.setFont(Font.font("Monospaced", 12));
        equations.managedProperty().bind(equations.visibleProperty());
        parameters.setId("model-parameters");
        fields.setId("model-fields");
        for (GridPane g : List.of(parameters, fields)) {
            g.setHgap(10);
            g.setVgap(4);
        }
        root.getChildren().addAll(title, source, summary, problem, heading("Parameter reference"), parameters,
                heading("Fields and their locations"), fields, heading("Equations"), equations);
        doc.projectProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    @Override
    public String title() {
        return "Model";
    }

    @Override
    public Node content() {
        return root;
    }

    @Override
    public boolean focus(String keyPath) {
        return keyPath.equals("model") || keyPath.equals("model.name") || keyPath.equals("model.file");
    }

    /** What the page shows now. */
    ModelOverview overview() {
        return shown;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.setFont(Font.font(null, FontWeight.BOLD, 13));
        return l;
    }

    private void refresh() {
        ModelOverview o = ModelOverview.of(doc.project());
        if (o.equals(shown)) {
            return;
        }
        shown = o;
        title.setText(o.title());
        source.setText(o.source() + (o.dims().isEmpty() ? "" : " · " + o.dims())
                + (o.timeStepRule().isEmpty() ? "" : " · stable dt: " + o.timeStepRule()));
        summary.setText(o.summary());
        problem.setText(o.problem());
        problem.setVisible(!o.problem().isEmpty());
        equations.setText(String.join("\n", o.equations()));
        equations.setVisible(!o.equations().isEmpty());
        equations.setPrefRowCount(Math.min(40, Math.max(3, o.equations().size() + 1)));
        parameters.getChildren().clear();
        parameters.getColumnConstraints().setAll(fixed(), fixed(), fixed(), fixed(), grow());
        parameters.addRow(0, bold("name"), bold("value"), bold("unit"), bold("range"), bold("help"));
        int row = 1;
        for (ModelOverview.ParameterRow p : o.parameters()) {
            Label help = wrapped(p.help() + " (default " + p.defaultValue() + ")");
            Label name = new Label(p.name());
            name.setTooltip(new Tooltip(help.getText()));
            parameters.addRow(row++, name, new Label(p.value()), new Label(p.unit()), new Label(p.range()), help);
        }
        fields.getChildren().clear();
        fields.getColumnConstraints().setAll(fixed(), fixed(), grow(), grow());
        fields.addRow(0, bold("field"), bold("location"), bold("boundary"), bold("role"));
        row = 1;
        for (ModelOverview.FieldRow f : o.fields()) {
            Label name = new Label(f.name() + (f.unit().isEmpty() ? "" : " [" + f.unit() + "]"));
            name.setId("model-field-" + f.name());
            if (!f.help().isEmpty()) {
                name.setTooltip(new Tooltip(f.help()));
            }
            fields.addRow(row++, name, new Label(f.location()), wrapped(f.boundary()),
                    wrapped(f.role() + (f.help().isEmpty() ? "" : ": " + f.help())));
        }
    }

    /** A column as wide as its widest entry: names, values and locations are never cut short. */
    private static ColumnConstraints fixed() {
        ColumnConstraints c = new ColumnConstraints();
        c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return c;
    }

    private static ColumnConstraints grow() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        c.setMinWidth(120);
        return c;
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setFont(Font.font(null, FontWeight.BOLD, 12));
        return l;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinWidth(80);
        return l;
    }
}
