package dev.stagger.engine.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * An animated GIF written frame by frame with the JDK's own GIF writer (no library): each frame
 * shown {@code delay} hundredths of a second, looping for ever (the NETSCAPE2.0 extension every
 * browser and viewer honours). Written to a temporary file beside the target and moved into place
 * when closed, so a failed export leaves no half-written picture.
 */
public final class AnimatedGif implements AutoCloseable {
    private final Path target;
    private final Path partial;
    private final ImageWriter writer;
    private final ImageOutputStream stream;
    private final int delayHundredths;
    private boolean started;
    private boolean closed;
    private int frames;

    public AnimatedGif(Path target, double framesPerSecond) throws IOException {
        if (!(framesPerSecond > 0 && framesPerSecond <= 100)) {
            throw new IllegalArgumentException("frames per second must be in (0, 100], got " + framesPerSecond);
        }
        this.target = target;
        this.delayHundredths = Math.max(1, (int) Math.round(100 / framesPerSecond));
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("this Java has no GIF writer");
        }
        writer = writers.next();
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        partial = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        stream = ImageIO.createImageOutputStream(partial.toFile());
        writer.setOutput(stream);
    }

    /** Adds a frame (the GIF writer reduces it to 256 colours). */
    public void add(BufferedImage frame) throws IOException {
        BufferedImage rgb = opaque(frame);
        if (!started) {
            writer.prepareWriteSequence(null);
            started = true;
        }
        writer.writeToSequence(new IIOImage(rgb, null, metadata(rgb)), null);
        frames++;
    }

    public int frames() {
        return frames;
    }

    /** Finishes the file and moves it into place; without frames, nothing is written. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (started) {
                writer.endWriteSequence();
            }
            stream.close();
            writer.dispose();
            if (frames == 0) {
                throw new IOException("no frames to write into " + target);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private IIOMetadata metadata(BufferedImage image) throws IIOInvalidTreeException {
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayHundredths));
        control.setAttribute("transparentColorIndex", "0");
        if (frames == 0) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0}); // loop count 0: for ever
            apps.appendChild(loop);
        }
        meta.setFromTree(format, root);
        return meta;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    /** The renderer draws ARGB on white; GIF has no alpha, so the frame goes as plain RGB. */
    private static BufferedImage opaque(BufferedImage frame) {
        if (frame.getType() == BufferedImage.TYPE_INT_RGB) {
            return frame;
        }
        BufferedImage rgb = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(frame, 0, 0, java.awt.Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
