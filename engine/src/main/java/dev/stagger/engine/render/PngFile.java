package dev.stagger.engine.render;

import dev.stagger.engine.output.AtomicFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Writes images as PNG files, atomically: readers see the old file or the complete new one. */
public final class PngFile {

    private PngFile() {}

    /**
     * Writes {@code image} to {@code file} as PNG: into a temporary file in the same directory,
     * forced to disk and renamed over {@code file} (ATOMIC_MOVE, REPLACE_EXISTING); the temporary
     * file is removed on any failure, and an {@link IOException} names {@code file}. Needs no
     * display. Encodes through a memory-cached stream, so nothing goes to ImageIO's disk cache in
     * java.io.tmpdir and no global ImageIO setting is changed.
     */
    public static void write(BufferedImage image, Path file) throws IOException {
        if (image == null) {
            throw new IllegalArgumentException("no image to write to " + file);
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("cannot write " + file + ": this Java runtime has no PNG encoder");
        }
        ImageWriter writer = writers.next();
        try {
            AtomicFile.write(file, channel -> {
                OutputStream out = Channels.newOutputStream(channel);
                try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                    writer.setOutput(stream);
                    writer.write(null, new IIOImage(image, null, null), null);
                }
                // the channel stays open: AtomicFile forces and closes it
            });
        } finally {
            writer.dispose();
        }
    }
}
