package dev.stagger.gui.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/** PNGs of a stage's scene for a person to look at, written only when {@code -Dstagger.screenshots=DIR} is set. */
public final class Snapshots {
    private Snapshots() {}

    /** Call on the FX thread. */
    public static void write(Stage stage, String name) {
        String where = System.getProperty("stagger.screenshots");
        if (where == null) {
            return;
        }
        stage.sizeToScene();
        stage.getScene().getRoot().applyCss();
        stage.getScene().getRoot().layout();
        WritableImage image = stage.getScene().snapshot(null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(Path.of(where));
            ImageIO.write(out, "png", Path.of(where, name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
