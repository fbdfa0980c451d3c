package dev.stagger.gui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.render.PngFile;
import dev.stagger.gui.shell.StaggerWorkbench;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The icons in {@code icons/} and the application icon resources: rendered from {@link Icons} (the
 * one source of the path data) when run with {@code -Dstagger.renderIcons=true}; checked always.
 */
class IconRenderingTest {
    private static final Path ICONS = Path.of("..", "icons");
    private static final Path RESOURCES = Path.of("src/main/resources/dev/stagger/gui/shell/icons");
    private static final int[] SIZES = {16, 24, 32, 48, 256};

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    @EnabledIfSystemProperty(named = "stagger.renderIcons", matches = "true")
    void render() throws Exception {
        Files.createDirectories(ICONS);
        Files.createDirectories(RESOURCES);
        Files.writeString(ICONS.resolve("stagger.svg"), Icons.applicationSvg());
        for (int size : SIZES) {
            BufferedImage img = snapshot(Icons.application(size), size);
            PngFile.write(img, ICONS.resolve("stagger-" + size + ".png"));
            PngFile.write(img, RESOURCES.resolve("stagger-" + size + ".png"));
        }
        for (Icons icon : Icons.values()) {
            String name = icon.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            Files.writeString(ICONS.resolve(name + ".svg"), svg(icon));
            for (int size : new int[] {16, 24, 32, 256}) {
                PngFile.write(snapshot(icon.node(size, Color.web("#3d4450")), size),
                        ICONS.resolve(name + "-" + size + ".png"));
            }
        }
    }

    @Test
    void everyIconHasItsSvgAndTheApplicationIconItsSizes() throws Exception {
        for (Icons icon : Icons.values()) {
            Path svg = ICONS.resolve(icon.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".svg");
            assertThat(Files.readString(svg)).contains(icon.path());
        }
        for (int size : SIZES) {
            var in = StaggerWorkbench.class.getResourceAsStream("icons/stagger-" + size + ".png");
            assertThat(in).as("icon resource %d", size).isNotNull();
            Image img = new Image(in);
            assertThat(img.getWidth()).isEqualTo(size);
        }
    }

    static String svg(Icons icon) {
        String paint = icon.filled() ? "fill=\"currentColor\" stroke=\"currentColor\"" : "fill=\"none\" stroke=\"currentColor\"";
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" width=\"24\" height=\"24\">\n"
                + "  <path d=\"" + icon.path() + "\" " + paint
                + " stroke-width=\"1.8\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>\n</svg>\n";
    }

    private static BufferedImage snapshot(Node node, int size) throws Exception {
        WritableImage[] out = new WritableImage[1];
        FxToolkit.setupFixture(() -> {
            Group g = new Group(node);
            new Scene(g, size, size, Color.TRANSPARENT);
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(Color.TRANSPARENT);
            p.setViewport(new javafx.geometry.Rectangle2D(0, 0, size, size));
            out[0] = g.snapshot(p, new WritableImage(size, size));
        });
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage w = out[0];
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                img.setRGB(x, y, w.getPixelReader().getArgb(x, y));
            }
        }
        return img;
    }
}
