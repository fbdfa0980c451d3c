package dev.stagger.gui.help;

import dev.stagger.gui.common.Themed;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The manual's window: the pages on the left, the chosen one on the right (selectable text in a
 * fixed-width font, so the tables line up). One window, brought to the front when opened again.
 * Escape closes it.
 */
public final class HelpWindow {
    private final Stage stage = new Stage();
    private final ListView<Manual.Page> list = new ListView<>();
    private final TextArea text = new TextArea();

    public HelpWindow(Window owner, List<Manual.Page> pages) {
        stage.initOwner(owner);
        stage.setTitle("Stagger manual");
        list.setId("help-pages");
        list.getItems().setAll(pages);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Manual.Page p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.title());
            }
        });
        list.setAccessibleText("Manual pages");
        text.setId("help-text");
        text.setEditable(false);
        text.setWrapText(false);
        text.setStyle("-fx-font-family: monospace;");
        text.setAccessibleText("Manual page");
        list.getSelectionModel().selectedItemProperty().addListener((o, was, p) -> {
            text.setText(p == null ? "" : p.text());
            text.positionCaret(0);
            text.setScrollTop(0);
        });
        SplitPane split = new SplitPane(list, text);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.22);
        Scene scene = new Scene(split, 1000, 680);
        // a filter: the text area would take Escape for itself
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                stage.close();
            }
        });
        stage.setScene(scene);
        Themed.follow(stage, owner);
    }

    /** Shows the page {@code id} (the first page when there is none of that id). */
    public void show(String id) {
        Manual.Page page = list.getItems().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElse(list.getItems().get(0));
        list.getSelectionModel().select(page);
        stage.show();
        stage.toFront();
        list.requestFocus();
    }

    /** The page shown now (tests). */
    public String shownText() {
        return text.getText();
    }

    public Stage stage() {
        return stage;
    }
}
