package dev.stagger.gui;

import dev.stagger.engine.render.PngFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

/** Saves what a scene shows as a PNG, for the screenshot tests (call on the FX thread). */
public final class Screenshots {
    private Screenshots() {}

    public static void save(Scene scene, Path file) {
        WritableImage img = scene.snapshot(null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        PixelReader pixels = img.getPixelReader();
        pixels.getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        b.setRGB(0, 0, w, h, argb, 0, w);
        try {
            PngFile.write(b, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
