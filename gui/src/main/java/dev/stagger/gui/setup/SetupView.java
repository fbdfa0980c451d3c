package dev.stagger.gui.setup;

import dev.stagger.engine.project.Problem;
import dev.stagger.gui.document.ProjectDocument;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The model setup editor for one {@link ProjectDocument}: tabs for the grid, boundary conditions,
 * initial conditions, parameters and the model itself (its equations and fields) above a problems pane that lists every validation problem;
 * selecting a problem jumps to its section and focuses the control of its key path.
 *
 * <p>The view only renders the document and calls its command methods; undo, redo, save and the
 * dirty marker belong to the document (the shell binds its menu items to it).
 */
public final class SetupView extends BorderPane {

    /** The sections, in tab order. */
    public enum Page {
        GRID, BOUNDARIES, INITIAL, PARAMETERS, MODEL
    }

    private final ProjectDocument doc;
    private final TabPane tabs = new TabPane();
    private final ListView<Problem> problems = new ListView<>();
    private final GridSection grid;
    private final BoundarySection boundaries;
    private final InitialSection initial;
    private final ParametersSection parameters;
    private final ModelSection model;
    private final List<Section> sections;

    public SetupView(ProjectDocument doc) {
        this.doc = doc;
        grid = new GridSection(doc);
        boundaries = new BoundarySection(doc);
        initial = new InitialSection(doc);
        parameters = new ParametersSection(doc);
        model = new ModelSection(doc);
        sections = List.of(grid, boundaries, initial, parameters, model);
        for (Section s : sections) {
            // a section taller than the pane scrolls instead of running under the problems list
            ScrollPane scroll = new ScrollPane(s.content());
            scroll.setFitToWidth(true);
            // the grid's canvas takes the height there is; the forms keep theirs and scroll
            scroll.setFitToHeight(s == grid);
            Tab tab = new Tab(s.title(), scroll);
            tab.setClosable(false);
            tabs.getTabs().add(tab);
        }
        tabs.setId("setup-tabs");

        problems.setId("problems");
        problems.setItems(doc.problems());
        problems.setPlaceholder(new Label("No problems: the project is ready to run."));
        problems.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : (p.keyPath().isEmpty() ? "" : p.keyPath() + ": ") + p.message());
            }
        });
        problems.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null) {
                // after the list has handled the click, or it takes the focus back
                Platform.runLater(() -> jumpTo(p.keyPath()));
            }
        });
        Label heading = new Label();
        heading.textProperty().bind(javafx.beans.binding.Bindings.size(doc.problems()).asString("Problems (%d)"));
        VBox problemPane = new VBox(4, heading, problems);
        problemPane.setMinHeight(80);
        SplitPane split = new SplitPane(tabs, problemPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.78);
        setCenter(split);
        getStyleClass().add("setup-view");
    }

    public ProjectDocument document() {
        return doc;
    }

    /** Brings a section to the front. */
    public void show(Page page) {
        tabs.getSelectionModel().select(page.ordinal());
    }

    /** The section currently shown. */
    public Page shown() {
        return Page.values()[tabs.getSelectionModel().getSelectedIndex()];
    }

    /**
     * Shows the section that edits {@code keyPath} (a {@link Problem#keyPath()}, e.g.
     * "fields.C.boundary.x-low.value") and focuses its control. Returns false if no section has it.
     */
    public boolean jumpTo(String keyPath) {
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            // select first so the control is showing when it is asked to take the focus
            int before = tabs.getSelectionModel().getSelectedIndex();
            tabs.getSelectionModel().select(i);
            if (s.focus(keyPath)) {
                return true;
            }
            tabs.getSelectionModel().select(before);
        }
        return false;
    }

    /** The grid canvas, whose {@link GridCanvas#layoutProperty()} holds the drawn rank blocks. */
    public GridCanvas gridCanvas() {
        return grid.canvas();
    }

    /** The problems pane (its items are {@link ProjectDocument#problems()}). */
    public ListView<Problem> problemsList() {
        return problems;
    }
}
