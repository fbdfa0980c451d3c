package dev.stagger.gui.prefs;

import dev.stagger.engine.render.Colormap;
import dev.stagger.gui.common.Themed;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Edit > Preferences (Ctrl+,): the {@link PreferencesForm} on four tabs (MPI, Memory, Appearance,
 * Runs), its first problem under them, OK disabled while there is one. Only renders and binds.
 */
public final class PreferencesDialog {
    private PreferencesDialog() {}

    /** The tabs, bound to {@code form} (tests look at them without a window). */
    public static TabPane content(PreferencesForm form, Window owner) {
        TabPane tabs = new TabPane(mpi(form, owner), memory(form), appearance(form), runs(form, owner));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("preferences-tabs");
        tabs.setPrefWidth(620);
        return tabs;
    }

    /**
     * Shows the dialog over {@code owner}; when the user presses OK, saves the form and returns
     * what the save did (empty after Cancel). Saving errors are the caller's to show.
     */
    public static Optional<PreferencesForm> ask(Window owner, PreferencesForm form) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        Themed.follow(d, owner);
        d.setTitle("Preferences");
        d.setHeaderText(null);
        Label problem = new Label();
        problem.setId("preferences-problem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty().bind(form.problemProperty());
        VBox box = new VBox(8, content(form, owner), problem);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = d.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(form.problemProperty().isNotEmpty());
        d.setResizable(true);
        return d.showAndWait().filter(b -> b == ButtonType.OK).map(b -> form);
    }

    /** A path typed or chosen, bound to the form; empty means the default the prompt names. */
    private static TextField pathField(String id, String prompt, javafx.beans.property.StringProperty value,
            String tip) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        field.setTooltip(new Tooltip(tip));
        HBox.setHgrow(field, Priority.ALWAYS);
        return field;
    }

    /** "Choose…": the chooser's answer, if any, becomes the value. */
    private static Button chooseButton(String accessibleText, javafx.beans.property.StringProperty value,
            java.util.function.Supplier<File> chooser) {
        Button choose = new Button("Choose…");
        choose.setAccessibleText(accessibleText);
        choose.setOnAction(e -> {
            File f = chooser.get();
            if (f != null) {
                value.set(f.getAbsolutePath());
            }
        });
        return choose;
    }

    private static Tab mpi(PreferencesForm form, Window owner) {
        TextField mpirun = pathField("pref-mpirun", "the first mpirun on PATH", form.mpirunProperty(),
                "Full path of the mpirun MPI runs use; empty: the first one on PATH");
        Button choose = chooseButton("Choose the mpirun program", form.mpirunProperty(), () -> {
            FileChooser c = new FileChooser();
            c.setTitle("Choose mpirun");
            return c.showOpenDialog(owner);
        });
        Label inUse = new Label();
        inUse.setId("pref-mpirun-in-use");
        inUse.getStyleClass().add("muted");
        inUse.textProperty().bind(Bindings.createStringBinding(form::mpirunInUse, form.mpirunProperty()));
        Spinner<Integer> ranks = intSpinner("pref-ranks", 1, PreferencesForm.MAX_RANKS, form.ranksProperty());
        ranks.setTooltip(new Tooltip("What the rank count of Run on this computer, MPI ranks… starts at"));
        Spinner<Integer> threads = intSpinner("pref-threads", 0, PreferencesForm.MAX_THREADS, form.threadsProperty());
        threads.setTooltip(new Tooltip("Worker threads of each rank; 0: this computer's cores divided among the ranks"));
        GridPane g = grid();
        g.addRow(0, label("mpirun", mpirun), new HBox(6, mpirun, choose));
        g.add(inUse, 1, 1);
        g.addRow(2, label("Ranks", ranks), ranks);
        g.addRow(3, label("Threads per rank", threads), new HBox(8, threads, muted("0 = the cores divided among the ranks")));
        return tab("MPI", g);
    }

    private static Tab memory(PreferencesForm form) {
        TextField heap = new TextField();
        heap.setId("pref-heap");
        heap.setPromptText("75% of this computer's memory");
        heap.setPrefColumnCount(10);
        heap.textProperty().bindBidirectional(form.heapProperty());
        heap.setTooltip(new Tooltip("The workbench's maximum Java heap, as -Xmx takes it: 8g, 4096m"));
        CheckBox g1 = new CheckBox("Use the G1 garbage collector (shorter pauses in the window; runs in it slightly slower)");
        g1.setId("pref-g1");
        g1.selectedProperty().bindBidirectional(form.g1Property());
        g1.setWrapText(true);
        GridPane g = grid();
        g.addRow(0, label("Maximum heap", heap), heap);
        g.add(g1, 0, 1, 2, 1);
        g.add(muted("These apply at the next start of the workbench (the stagger launcher reads them from "
                + LaunchOptions.file() + "; STAGGER_HEAP in the environment wins). The command line keeps its own."), 0, 2, 2, 1);
        return tab("Memory", g);
    }

    private static Tab appearance(PreferencesForm form) {
        ChoiceBox<String> theme = new ChoiceBox<>();
        theme.setId("pref-theme");
        theme.getItems().setAll("LIGHT", "DARK");
        theme.setConverter(new StringConverter<>() {
            @Override
            public String toString(String t) {
                return t == null ? "" : t.equals("DARK") ? "Dark" : "Light";
            }

            @Override
            public String fromString(String s) {
                return s.equalsIgnoreCase("dark") ? "DARK" : "LIGHT";
            }
        });
        theme.valueProperty().bindBidirectional(form.themeProperty());
        ComboBox<Colormap> colormap = new ComboBox<>();
        colormap.setId("pref-colormap");
        colormap.getItems().setAll(Colormap.values());
        colormap.valueProperty().bindBidirectional(form.colormapProperty());
        colormap.setTooltip(new Tooltip("The colormap a new monitor starts with (each monitor can change it)"));
        Spinner<Integer> digits = intSpinner("pref-digits", dev.stagger.gui.common.WorkbenchPrefs.MIN_DIGITS,
                dev.stagger.gui.common.WorkbenchPrefs.MAX_DIGITS, form.digitsProperty());
        digits.setTooltip(new Tooltip("Significant digits of the numbers the editors show (ranges, time steps)"));
        Label sample = new Label();
        sample.setId("pref-number-sample");
        sample.textProperty().bind(Bindings.createStringBinding(form::numberSample, form.digitsProperty()));
        ComboBox<dev.stagger.gui.common.ModelTimeUnit> timeUnit = new ComboBox<>();
        timeUnit.setId("pref-time-unit");
        timeUnit.getItems().setAll(dev.stagger.gui.common.ModelTimeUnit.values());
        timeUnit.valueProperty().bindBidirectional(form.timeUnitProperty());
        timeUnit.setTooltip(new Tooltip("The unit monitors show simulated time in (status line, output step);"
                + " model time is in seconds. Applies to open monitors at once"));
        Label timeSample = new Label();
        timeSample.setId("pref-time-sample");
        timeSample.getStyleClass().add("muted");
        timeSample.textProperty().bind(Bindings.createStringBinding(form::timeSample, form.timeUnitProperty()));
        GridPane g = grid();
        g.addRow(0, label("Theme", theme), theme);
        g.addRow(1, label("Default colormap", colormap), colormap);
        g.addRow(2, label("Significant digits", digits), new HBox(12, digits, sample));
        g.add(muted("Numbers are always shown and typed with a '.' decimal point, as in project files."), 0, 3, 2, 1);
        g.addRow(4, label("Model time in", timeUnit), timeUnit);
        g.add(timeSample, 1, 5);
        return tab("Appearance", g);
    }

    private static Tab runs(PreferencesForm form, Window owner) {
        TextField folder = pathField("pref-runs-folder", "next to the project file", form.runsFolderProperty(),
                "The folder each run's output folder (PROJECT-output) goes in; empty: next to the project");
        Button choose = chooseButton("Choose the folder runs go in", form.runsFolderProperty(), () -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle("Where runs go");
            return c.showDialog(owner);
        });
        Button nextTo = new Button("Next to the project");
        nextTo.setOnAction(e -> form.runsFolderProperty().set(""));
        Label example = new Label();
        example.setId("pref-runs-example");
        example.getStyleClass().add("muted");
        example.textProperty().bind(Bindings.createStringBinding(() -> form.problems().stream()
                .anyMatch(p -> p.startsWith("runs folder")) ? ""
                : "e.g. ~/projects/diffusion-2d.yaml runs into "
                        + form.outputFolderOf(Path.of(System.getProperty("user.home"), "projects", "diffusion-2d.yaml"))
                                .toString().replace(System.getProperty("user.home"), "~"),
                form.runsFolderProperty()));
        GridPane g = grid();
        g.addRow(0, label("Runs go in", folder), new HBox(6, folder, choose, nextTo));
        g.add(example, 1, 1);
        return tab("Runs", g);
    }

    private static Spinner<Integer> intSpinner(String id, int min, int max, javafx.beans.property.IntegerProperty p) {
        Spinner<Integer> s = new Spinner<>(min, max, Math.max(min, Math.min(max, p.get())));
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(100);
        p.set(s.getValue());
        s.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                p.set(now);
            }
        });
        return s;
    }

    private static Label label(String text, Node target) {
        Label l = new Label(text);
        l.setLabelFor(target);
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        return l;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(10);
        g.setPadding(new Insets(14));
        return g;
    }

    private static Tab tab(String name, Node content) {
        Tab t = new Tab(name, content);
        t.setId("pref-tab-" + name.toLowerCase(java.util.Locale.ROOT));
        return t;
    }
}
