package dev.stagger.gui.start;

import dev.stagger.gui.common.action.Command;
import dev.stagger.gui.common.action.CommandControls;
import dev.stagger.gui.document.ProjectDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The start page: a gallery of the sample projects, recent projects, New and Open. */
public final class StartPage extends ScrollPane {
    private final FlowPane gallery = new FlowPane(18, 18);
    private final VBox recentBox = new VBox(2);

    /**
     * @param openSample opens a card's project
     * @param newFrom makes a new project from a card's project
     */
    public StartPage(RecentProjects recent, Consumer<Path> openSample, Consumer<Path> newFrom, Command newProject,
            Command openDialog) {
        Label title = new Label("Stagger");
        title.getStyleClass().add("start-title");
        Label subtitle = new Label("Finite-difference simulations on staggered grids: set up, run, watch, keep.");
        subtitle.getStyleClass().add("start-subtitle");

        // the window's File > New project and Open… commands, as buttons
        Button newButton = CommandControls.button(newProject, 18);
        newButton.getStyleClass().add("accent");
        Button openButton = CommandControls.button(openDialog, 18);
        HBox actions = new HBox(10, newButton, openButton);

        Label samplesHeading = new Label("Samples");
        samplesHeading.getStyleClass().add("section-title");
        gallery.getStyleClass().add("gallery");
        gallery.setId("gallery");

        Label recentHeading = new Label("Recent");
        recentHeading.getStyleClass().add("section-title");
        recentBox.getStyleClass().add("recent-list");
        recent.items().addListener((ListChangeListener<Path>) c -> fillRecent(recent, openSample));
        fillRecent(recent, openSample);
        VBox recentSection = new VBox(8, recentHeading, recentBox);

        VBox content = new VBox(14, title, subtitle, actions, samplesHeading, gallery, recentSection);
        content.getStyleClass().add("start-page");
        content.setMaxWidth(1100);
        StackPane centred = new StackPane(content);
        StackPane.setAlignment(content, Pos.TOP_LEFT);
        centred.getStyleClass().add("start-background");
        setContent(centred);
        setFitToWidth(true);
        setFitToHeight(true);
        getStyleClass().add("start-scroll");
        this.openSample = openSample;
        this.newFrom = newFrom;
    }

    private final Consumer<Path> openSample;
    private final Consumer<Path> newFrom;

    /** Shows {@code cards} (called on the FX thread once they are loaded). */
    public void showSamples(List<SampleCard> cards) {
        gallery.getChildren().setAll(cards.stream().map(this::card).toList());
        if (cards.isEmpty()) {
            Label none = new Label("No sample projects found (looked for sample-projects/ or -Dstagger.samples).");
            none.getStyleClass().add("muted");
            gallery.getChildren().add(none);
        }
    }

    private Region card(SampleCard c) {
        StackPane picture = new StackPane();
        picture.getStyleClass().add("card-picture");
        picture.setPrefSize(SampleGallery.THUMB_WIDTH, SampleGallery.THUMB_HEIGHT);
        picture.setMinSize(SampleGallery.THUMB_WIDTH, SampleGallery.THUMB_HEIGHT);
        if (c.thumbnail() != null) {
            Thumbnail t = c.thumbnail();
            WritableImage img = new WritableImage(t.width(), t.height());
            img.getPixelWriter().setPixels(0, 0, t.width(), t.height(), PixelFormat.getIntArgbInstance(), t.argb(), 0,
                    t.width());
            picture.getChildren().add(new ImageView(img));
        } else {
            Label bad = new Label("cannot read");
            bad.getStyleClass().add("muted");
            picture.getChildren().add(bad);
        }
        Label title = new Label(c.title());
        title.getStyleClass().add("card-title");
        Label summary = new Label(c.summary());
        summary.getStyleClass().add("card-summary");
        Label description = new Label(c.problem() != null ? c.problem() : c.description());
        description.getStyleClass().add("card-description");
        description.setWrapText(true);
        description.setMinHeight(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Button open = new Button("Open");
        open.setOnAction(e -> openSample.accept(c.file()));
        open.getStyleClass().add("accent");
        Button copy = new Button("New from this");
        copy.setOnAction(e -> newFrom.accept(c.file()));
        HBox buttons = new HBox(8, open, copy);
        VBox text = new VBox(6, title, summary, description, spacer, buttons);
        text.getStyleClass().add("card-text");
        VBox.setVgrow(text, Priority.ALWAYS);
        VBox card = new VBox(picture, text);
        card.getStyleClass().add("card");
        card.setId("sample-" + ProjectDocument.nameOf(c.file()));
        card.setPrefWidth(SampleGallery.THUMB_WIDTH + 2 * 44);
        picture.setMaxWidth(Double.MAX_VALUE);
        Tooltip.install(card, new Tooltip(c.file().toString()));
        card.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSample.accept(c.file());
            }
        });
        return card;
    }

    private void fillRecent(RecentProjects recent, Consumer<Path> open) {
        recentBox.getChildren().clear();
        if (recent.items().isEmpty()) {
            Label none = new Label("Projects you open appear here.");
            none.getStyleClass().add("muted");
            recentBox.getChildren().add(none);
            return;
        }
        for (Path p : recent.items()) {
            Hyperlink link = new Hyperlink(p.getFileName() + "   " + p.getParent());
            link.setOnAction(e -> open.accept(p));
            recentBox.getChildren().add(link);
        }
    }
}
