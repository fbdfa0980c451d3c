package dev.stagger.gui.setup;

import dev.stagger.engine.model.Model;
import dev.stagger.engine.model.Models;
import dev.stagger.engine.model.ParameterSpec;
import dev.stagger.engine.project.Project;
import dev.stagger.gui.common.Numbers;
import dev.stagger.gui.document.ProjectDocument;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/**
 * The model's parameters as a property sheet built from its {@link ParameterSpec}s (name, value,
 * unit, range; help as tooltip), checked as you type with ControlsFX decorations, and the run
 * settings (steps or end time, dt, threads, output interval) with a live stability indicator: the
 * time step against the model's stable limit, red when it exceeds it.
 */
final class ParametersSection implements Section {
    private final ProjectDocument doc;
    private final VBox root = new VBox(12);
    private final GridPane sheet = new GridPane();
    private final GridPane run = new GridPane();
    private final Map<String, Control> controls = new LinkedHashMap<>();
    private final ValidationSupport validation = new ValidationSupport();
    private final ProgressBar stabilityBar = new ProgressBar(0);
    private final Label stabilityLabel = new Label();
    private String builtModel;

    ParametersSection(ProjectDocument doc) {
        this.doc = doc;
        sheet.setHgap(8);
        sheet.setVgap(6);
        run.setHgap(8);
        run.setVgap(6);
        stabilityBar.setId("stability-bar");
        stabilityBar.setPrefWidth(220);
        stabilityLabel.setId("stability-label");
        buildRun();
        root.setPadding(new Insets(10));
        // the bar on its own line and the text under it: the setup pane is narrow beside the monitor
        stabilityLabel.setWrapText(true);
        root.getChildren().addAll(new Label("Model parameters"), sheet, new Label("Run"), run,
                new VBox(4, new HBox(8, new Label("Stability"), stabilityBar), stabilityLabel));
        doc.projectProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    @Override
    public String title() {
        return "Parameters";
    }

    @Override
    public Node content() {
        return root;
    }

    ValidationSupport validation() {
        return validation;
    }

    Label stabilityLabel() {
        return stabilityLabel;
    }

    @Override
    public boolean focus(String keyPath) {
        Control c = controls.get(keyPath);
        if (c == null && keyPath.equals("run")) {
            c = controls.get("run.steps");
        }
        if (c == null && keyPath.startsWith("model.parameters")) {
            c = controls.values().stream().findFirst().orElse(null);
        }
        if (c == null) {
            return false;
        }
        c.requestFocus();
        return true;
    }

    private void refresh() {
        Project p = doc.project();
        if (!p.model().name().equals(builtModel)) {
            buildSheet(p);
        }
        controls.values().forEach(c -> {
            if (c instanceof TextField t) {
                TextCommit.refresh(t);
            }
        });
        Optional<ExpressionSampler.Stability> s = ExpressionSampler.stability(p);
        if (ModelOverview.choosesOwnStep(p)) {
            // a limit against a dt the model does not take would be a false alarm or a false comfort
            stabilityBar.setProgress(0);
            stabilityLabel.setText("the model chooses each step's dt itself" + s.map(st -> ", at most "
                    + Numbers.format(st.limit()) + " here").orElse("") + " (its rule is on the Model page)");
            stabilityLabel.setTextFill(Color.GRAY);
            return;
        }
        if (s.isEmpty()) {
            stabilityBar.setProgress(0);
            stabilityLabel.setText("no limit: fix the grid or the parameters first");
            stabilityLabel.setTextFill(Color.GRAY);
            return;
        }
        ExpressionSampler.Stability st = s.get();
        stabilityBar.setProgress(Math.min(1, st.ratio()));
        stabilityBar.setStyle(st.stable() ? "-fx-accent: #59a14f;" : "-fx-accent: #d62728;");
        stabilityLabel.setText("dt = " + Numbers.format(st.dt()) + (st.auto() ? " (auto)" : "") + ", limit "
                + Numbers.format(st.limit()) + String.format(Locale.ROOT, " (%.0f%%)", 100 * st.ratio())
                + (st.stable() ? "" : ": unstable"));
        stabilityLabel.setTextFill(st.stable() ? Color.DARKGREEN : Color.web("#d62728"));
    }

    private void buildSheet(Project p) {
        builtModel = p.model().name();
        sheet.getChildren().clear();
        controls.keySet().removeIf(k -> k.startsWith("model."));
        Optional<Model> model = Models.find(builtModel);
        if (model.isEmpty()) {
            sheet.add(new Label("unknown model '" + builtModel + "'"), 0, 0);
            return;
        }
        int row = 0;
        sheet.addRow(row++, new Label("name"), new Label("value"), new Label("unit"), new Label("range"));
        for (ParameterSpec spec : model.get().description().parameters()) {
            TextField field = TextCommit.field("param-" + spec.name(), () -> TextCommit.format(
                    doc.project().model().parameters().getOrDefault(spec.name(), spec.defaultValue())), t -> {
                        Double v = TextCommit.number(t);
                        if (v != null) {
                            doc.setParameter(spec.name(), v);
                        }
                    });
            Label name = new Label(spec.name());
            Tooltip help = new Tooltip(spec.help() + " (default " + TextCommit.format(spec.defaultValue()) + ")");
            name.setTooltip(help);
            field.setTooltip(help);
            validation.registerValidator(field, false, (Control c, String text) -> {
                Double v = TextCommit.number(text == null ? "" : text);
                String message = v == null ? spec.name() + ": expected a number"
                        : !spec.accepts(v) ? spec.name() + " must be " + spec.rangeText() : null;
                return ValidationResult.fromErrorIf(c, message == null ? "" : message, message != null);
            });
            controls.put("model.parameters." + spec.name(), field);
            sheet.addRow(row++, name, field, new Label(spec.unit()), new Label(spec.rangeText()));
        }
    }

    private void buildRun() {
        TextField steps = TextCommit.field("run-steps", () -> {
            var r = doc.project().run();
            return r.steps() != null ? Long.toString(r.steps()) : "";
        }, t -> {
            Long v = TextCommit.whole(t);
            if (v != null) {
                doc.setSteps(v);
            }
        });
        TextField endTime = TextCommit.field("run-end-time", () -> {
            var r = doc.project().run();
            return r.endTime() != null ? TextCommit.format(r.endTime()) : "";
        }, t -> {
            Double v = TextCommit.number(t);
            if (v != null) {
                doc.setEndTime(v);
            }
        });
        TextField dt = TextCommit.field("run-dt", () -> {
            Double v = doc.project().run().dt();
            return v == null ? "auto" : TextCommit.format(v);
        }, t -> {
            if (t.equalsIgnoreCase("auto") || t.isEmpty()) {
                doc.setDt(null);
            } else {
                Double v = TextCommit.number(t);
                if (v != null) {
                    doc.setDt(v);
                }
            }
        });
        TextField threads = TextCommit.field("run-threads", () -> {
            Integer v = doc.project().run().threads();
            return v == null ? "auto" : Integer.toString(v);
        }, t -> {
            if (t.equalsIgnoreCase("auto") || t.isEmpty()) {
                doc.setThreads(null);
            } else {
                Long v = TextCommit.whole(t);
                if (v != null && v <= Integer.MAX_VALUE && v >= Integer.MIN_VALUE) {
                    doc.setThreads(v.intValue());
                }
            }
        });
        TextField every = TextCommit.field("output-every", () -> Long.toString(doc.project().output().every()), t -> {
            Long v = TextCommit.whole(t);
            if (v != null) {
                doc.setOutputEvery(v);
            }
        });
        validation.registerValidator(dt, false, Validator.createPredicateValidator(
                (String t) -> t == null || t.isBlank() || t.trim().equalsIgnoreCase("auto")
                        || (TextCommit.number(t) != null && TextCommit.number(t) > 0),
                "dt: auto or a positive number", Severity.ERROR));
        controls.put("run.steps", steps);
        controls.put("run.end_time", endTime);
        controls.put("run.dt", dt);
        controls.put("run.threads", threads);
        controls.put("output.every", every);
        int row = 0;
        run.addRow(row++, new Label("steps"), steps, new Label("or end time"), endTime);
        run.addRow(row++, new Label("dt"), dt, new Label("threads"), threads);
        run.addRow(row++, new Label("output every"), every, new Label("steps (0: final state only)"));
    }
}
