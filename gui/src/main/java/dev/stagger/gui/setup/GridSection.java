package dev.stagger.gui.setup;

import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Dimension;
import dev.stagger.engine.project.GridSpec;
import dev.stagger.engine.project.Project;
import dev.stagger.gui.document.ProjectDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Dimensions, origin, extent, cells, periodic flags, rank topology and precision, with the grid canvas. */
final class GridSection implements Section {
    private final ProjectDocument doc;
    private final BorderPane root = new BorderPane();
    private final GridPane form = new GridPane();
    private final Map<String, Control> controls = new LinkedHashMap<>();
    private final List<TextField> texts = new ArrayList<>();
    private final SimpleIntegerProperty autoRanks = new SimpleIntegerProperty(4);
    private final GridCanvas canvas;
    private int builtDims = -1;
    private boolean refreshing;

    GridSection(ProjectDocument doc) {
        this.doc = doc;
        canvas = new GridCanvas(Bindings.createObjectBinding(() -> doc.project().grid(), doc.projectProperty()),
                autoRanks);
        canvas.setId("grid-canvas");
        form.setHgap(8);
        form.setVgap(6);
        form.setPadding(new Insets(10));
        // the form above, the canvas below taking what is left: beside the form a narrow pane left it no room
        root.setTop(form);
        root.setCenter(canvas);
        doc.projectProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    GridCanvas canvas() {
        return canvas;
    }

    @Override
    public String title() {
        return "Grid";
    }

    @Override
    public Node content() {
        return root;
    }

    @Override
    public boolean focus(String keyPath) {
        if (!keyPath.startsWith("grid") && !keyPath.equals("run.precision")) {
            return false;
        }
        Control c = controls.get(keyPath);
        if (c == null) {
            c = controls.get(keyPath.replaceAll("\\[\\d+]$", "[0]"));
        }
        if (c == null) {
            c = controls.get("grid.dims");
        }
        c.requestFocus();
        return true;
    }

    private void refresh() {
        GridSpec g = doc.project().grid();
        if (g.dims() != builtDims) {
            build(g.dims());
        }
        refreshing = true;
        try {
            texts.forEach(TextCommit::refresh);
            for (int d = 0; d < g.dims(); d++) {
                ((CheckBox) controls.get("grid.periodic[" + d + "]")).setSelected(g.periodic()[d]);
                @SuppressWarnings("unchecked")
                Spinner<Integer> r = (Spinner<Integer>) controls.get("grid.ranks[" + d + "]");
                r.setDisable(g.ranks() == null);
                r.getValueFactory().setValue(g.ranks() == null ? canvas.layoutProperty().get().ranksPerDim()[d] : g.ranks()[d]);
            }
            ((CheckBox) controls.get("grid.ranks")).setSelected(g.ranks() == null);
            @SuppressWarnings("unchecked")
            ChoiceBox<Precision> p = (ChoiceBox<Precision>) controls.get("run.precision");
            p.setValue(doc.project().run().precision());
        } finally {
            refreshing = false;
        }
    }

    private void build(int dims) {
        builtDims = dims;
        form.getChildren().clear();
        controls.clear();
        texts.clear();
        int row = 0;
        ChoiceBox<Integer> dimsBox = new ChoiceBox<>();
        dimsBox.getItems().addAll(1, 2, 3);
        dimsBox.setValue(dims);
        dimsBox.setId("grid-dims");
        Tips.on(dimsBox);
        dimsBox.setOnAction(e -> {
            if (!refreshing && dimsBox.getValue() != null) {
                doc.setGridDims(dimsBox.getValue());
            }
        });
        controls.put("grid.dims", dimsBox);
        Label dimsLabel = new Label("Dimensions");
        dimsLabel.setMinWidth(Region.USE_PREF_SIZE); // the first column is as wide as its longest label
        form.addRow(row++, dimsLabel, dimsBox);
        form.addRow(row++, new Label(""), new Label("origin"), new Label("extent"), new Label("cells"), new Label("periodic"));
        for (int d = 0; d < dims; d++) {
            int dim = d;
            TextField origin = TextCommit.field("grid-origin-" + d, () -> TextCommit.format(grid().origin()[dim]), t -> {
                Double v = TextCommit.number(t);
                if (v != null) {
                    doc.setOrigin(dim, v);
                }
            });
            TextField extent = TextCommit.field("grid-extent-" + d, () -> TextCommit.format(grid().extent()[dim]), t -> {
                Double v = TextCommit.number(t);
                if (v != null) {
                    doc.setExtent(dim, v);
                }
            });
            TextField cells = TextCommit.field("grid-cells-" + d, () -> Integer.toString(grid().cells()[dim]), t -> {
                Long v = TextCommit.whole(t);
                if (v != null && v <= Integer.MAX_VALUE && v >= Integer.MIN_VALUE) {
                    doc.setCells(dim, v.intValue());
                }
            });
            CheckBox periodic = new CheckBox();
            periodic.setId("grid-periodic-" + d);
            Tips.on(periodic);
            periodic.setOnAction(e -> doc.setPeriodic(dim, periodic.isSelected()));
            texts.add(origin);
            texts.add(extent);
            texts.add(cells);
            controls.put("grid.origin[" + d + "]", origin);
            controls.put("grid.extent[" + d + "]", extent);
            controls.put("grid.cells[" + d + "]", cells);
            controls.put("grid.periodic[" + d + "]", periodic);
            form.addRow(row++, new Label(Dimension.name(d)), origin, extent, cells, periodic);
        }
        CheckBox auto = new CheckBox("auto");
        auto.setId("grid-ranks-auto");
        Tips.on(auto);
        controls.put("grid.ranks", auto);
        HBox ranks = new HBox(6, auto);
        List<Spinner<Integer>> spinners = new ArrayList<>();
        for (int d = 0; d < dims; d++) {
            Spinner<Integer> s = new Spinner<>(1, 4096, 1);
            s.setEditable(true);
            s.setPrefWidth(72);
            s.setId("grid-ranks-" + d);
            Tips.on(s);
            spinners.add(s);
            controls.put("grid.ranks[" + d + "]", s);
            ranks.getChildren().add(s);
            s.valueProperty().addListener((o, a, b) -> {
                if (!refreshing && grid().ranks() != null) {
                    doc.setRanks(spinners.stream().mapToInt(Spinner::getValue).toArray());
                }
            });
        }
        auto.setOnAction(e -> doc.setRanks(auto.isSelected() ? null
                : spinners.stream().mapToInt(Spinner::getValue).toArray()));
        form.add(new Label("Ranks"), 0, row);
        form.add(ranks, 1, row++, 4, 1);
        Spinner<Integer> preview = new Spinner<>(1, 4096, autoRanks.get());
        preview.setEditable(true);
        preview.setPrefWidth(80);
        preview.setId("grid-auto-ranks");
        Tips.on(preview);
        preview.valueProperty().addListener((o, a, b) -> autoRanks.set(b));
        Label previewLabel = new Label("processes (auto preview)");
        HBox autoBox = new HBox(6, preview, previewLabel);
        autoBox.disableProperty().bind(auto.selectedProperty().not());
        form.add(new Label(""), 0, row);
        form.add(autoBox, 1, row++, 4, 1);
        ChoiceBox<Precision> precision = new ChoiceBox<>();
        precision.getItems().addAll(Precision.values());
        precision.setId("run-precision");
        Tips.on(precision);
        precision.setOnAction(e -> {
            if (!refreshing && precision.getValue() != null) {
                doc.setPrecision(precision.getValue());
            }
        });
        controls.put("run.precision", precision);
        form.addRow(row++, new Label("Precision"), precision);
        form.add(new VBox(new Label("Cells need not divide evenly: the first blocks of a dimension take one more.")),
                0, row, 5, 1);
    }

    private GridSpec grid() {
        Project p = doc.project();
        return p.grid();
    }
}
