package dev.stagger.gui.setup;

import dev.stagger.engine.model.FieldDescription;
import dev.stagger.engine.model.Models;
import dev.stagger.engine.project.FieldSetup;
import dev.stagger.engine.project.Project;
import dev.stagger.engine.render.Colormap;
import dev.stagger.gui.common.Numbers;
import dev.stagger.gui.document.ProjectDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * Initial conditions: one expression per prognostic field with a live preview heatmap (128 points
 * per side, viridis over the expression's own range), updated as you type; a mistake is shown
 * with its column instead. 128² evaluations of a compiled expression take well under a
 * millisecond, so the preview is computed in place.
 */
final class InitialSection implements Section {
    static final int PREVIEW = 128;

    private final ProjectDocument doc;
    private final VBox root = new VBox(12);
    private final Map<String, TextField> editors = new LinkedHashMap<>();
    private final Map<String, WritableImage> images = new LinkedHashMap<>();
    private final Map<String, Label> messages = new LinkedHashMap<>();
    private List<String> built = null;

    InitialSection(ProjectDocument doc) {
        this.doc = doc;
        root.setPadding(new Insets(10));
        doc.projectProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    @Override
    public String title() {
        return "Initial conditions";
    }

    @Override
    public Node content() {
        return root;
    }

    @Override
    public boolean focus(String keyPath) {
        for (Map.Entry<String, TextField> e : editors.entrySet()) {
            if (keyPath.equals("fields." + e.getKey() + ".initial") || keyPath.equals("fields." + e.getKey())) {
                e.getValue().requestFocus();
                return true;
            }
        }
        return false;
    }

    WritableImage preview(String field) {
        return images.get(field);
    }

    private void refresh() {
        Project p = doc.project();
        List<String> fields = new ArrayList<>();
        Models.find(p.model().name()).ifPresent(m -> m.fields(p.grid().dims()).stream()
                .filter(FieldDescription::prognostic).forEach(f -> fields.add(f.name())));
        if (!fields.equals(built)) {
            build(fields);
        }
        editors.forEach((name, field) -> {
            TextCommit.refresh(field);
            draw(name, field.getText());
        });
    }

    private void build(List<String> fields) {
        built = List.copyOf(fields);
        root.getChildren().clear();
        editors.clear();
        images.clear();
        messages.clear();
        for (String name : fields) {
            TextField editor = TextCommit.field("initial-" + name, () -> {
                FieldSetup s = doc.project().fields().get(name);
                return s == null || s.initial() == null ? "" : s.initial();
            }, t -> doc.setInitial(name, t));
            editor.setPrefColumnCount(30);
            Label message = new Label();
            message.setTextFill(Color.FIREBRICK);
            message.setId("initial-error-" + name);
            WritableImage image = new WritableImage(PREVIEW, PREVIEW);
            ImageView view = new ImageView(image);
            view.setFitWidth(256);
            view.setFitHeight(256);
            view.setSmooth(false);
            view.setId("initial-preview-" + name);
            editor.textProperty().addListener((o, a, b) -> draw(name, b));
            editors.put(name, editor);
            images.put(name, image);
            messages.put(name, message);
            GridPane row = new GridPane();
            row.setHgap(8);
            row.setVgap(4);
            row.addRow(0, new Label(name + " ="), editor);
            row.add(message, 1, 1);
            row.add(view, 1, 2);
            root.getChildren().add(row);
        }
        Label hint = new Label(fields.isEmpty()
                ? ModelOverview.of(doc.project()).title() + " sets up its own initial state (see its init step on the"
                        + " Model page); the project gives no initial conditions."
                : "Expressions of x, y, z, pi and the model's parameters; 3D grids preview their middle z plane.");
        hint.setId("initial-hint");
        hint.setWrapText(true);
        root.getChildren().add(hint);
    }

    private void draw(String name, String text) {
        Label message = messages.get(name);
        ExpressionSampler.Bound b = ExpressionSampler.bind(doc.project(), text);
        if (!b.ok()) {
            message.setText(b.error());
            return;
        }
        ExpressionSampler.Heatmap map = ExpressionSampler.heatmap(b.expression(), doc.project().grid(), PREVIEW,
                Colormap.VIRIDIS);
        message.setText("range " + Numbers.format(map.min()) + " to " + Numbers.format(map.max()));
        WritableImage image = images.get(name);
        if (map.height() == PREVIEW) {
            image.getPixelWriter().setPixels(0, 0, PREVIEW, PREVIEW, PixelFormat.getIntArgbInstance(), map.argb(), 0,
                    PREVIEW);
        } else {
            for (int j = 0; j < PREVIEW; j++) {
                image.getPixelWriter().setPixels(0, j, PREVIEW, 1, PixelFormat.getIntArgbInstance(), map.argb(), 0,
                        PREVIEW);
            }
        }
    }
}
