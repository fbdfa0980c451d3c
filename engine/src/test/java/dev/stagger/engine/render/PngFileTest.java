package dev.stagger.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngFileTest {

    @TempDir
    Path dir;

    private static BufferedImage pattern(int seed) {
        BufferedImage image = new BufferedImage(37, 23, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, 0xFF000000 | (x * 7 + seed) << 16 & 0xFF0000 | (y * 11) << 8 & 0xFF00 | (x ^ y) & 0xFF);
            }
        }
        return image;
    }

    private Stream<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList().stream();
        }
    }

    @Test
    void roundTripsThroughImageIo() throws IOException {
        BufferedImage image = pattern(0);
        Path file = dir.resolve("preview.png");
        PngFile.write(image, file);
        BufferedImage read = ImageIO.read(file.toFile());
        assertThat(read.getWidth()).isEqualTo(image.getWidth());
        assertThat(read.getHeight()).isEqualTo(image.getHeight());
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                assertThat(read.getRGB(x, y)).isEqualTo(image.getRGB(x, y));
            }
        }
        assertThat(listing()).containsExactly(file);
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("preview.png");
        Files.writeString(file, "old");
        PngFile.write(pattern(1), file);
        PngFile.write(pattern(2), file);
        assertThat(ImageIO.read(file.toFile()).getRGB(3, 0)).isEqualTo(pattern(2).getRGB(3, 0));
        assertThat(listing()).containsExactly(file);
    }

    @Test
    void failureNamesTheFileAndRemovesTheTemporaryFile() throws IOException {
        // a non-empty directory where the file should go: the final move fails
        Path file = dir.resolve("preview.png");
        Files.createDirectory(file);
        Files.writeString(file.resolve("keep"), "x");
        assertThatThrownBy(() -> PngFile.write(pattern(0), file))
                .isInstanceOf(IOException.class).hasMessageContaining(file.toString());
        assertThat(listing()).containsExactly(file);

        Path missing = dir.resolve("no-such-dir").resolve("preview.png");
        assertThatThrownBy(() -> PngFile.write(pattern(0), missing))
                .isInstanceOf(IOException.class).hasMessageContaining(missing.toString());
    }
}
