package dev.stagger.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stagger render}: a run's series as PNG pictures and an animated GIF, checked by reading them back. */
class RenderCommandTest {
    private static final Path SAMPLES = Path.of("..", "sample-projects");

    @TempDir
    static Path tmp;
    private static Path out;

    private record Result(int exit, String out, String err) {}

    private static Result stagger(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int exit = StaggerCli.execute(args, new PrintWriter(o, true), new PrintWriter(e, true));
        return new Result(exit, o.toString(), e.toString());
    }

    @BeforeAll
    static void aRun() {
        out = tmp.resolve("out");
        Result r = stagger("run", SAMPLES.resolve("diffusion-2d.yaml").toString(), "--out", out.toString(),
                "--threads", "1", "-q");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void everyStepBecomesAPngAndAGifFrameInTheSameColours() throws Exception {
        Path frames = tmp.resolve("frames");
        Path gif = tmp.resolve("c.gif");
        Result r = stagger("render", out.toString(), "--field", "C", "--png-dir", frames.toString(), "--gif",
                gif.toString(), "--size", "480x360", "--fps", "5");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("6 PNG pictures of C (range ").contains("animated GIF, 6 frames at 5.00 per second");
        List<Path> pngs;
        try (Stream<Path> s = Files.list(frames)) {
            pngs = s.sorted().toList();
        }
        assertThat(pngs).extracting(p -> p.getFileName().toString()).containsExactly("diffusion-2d_C_000000.png",
                "diffusion-2d_C_000020.png", "diffusion-2d_C_000040.png", "diffusion-2d_C_000060.png",
                "diffusion-2d_C_000080.png", "diffusion-2d_C_000100.png");
        List<BufferedImage> animation = frames(gif);
        assertThat(animation).hasSize(6);
        for (int k = 0; k < 6; k++) {
            BufferedImage png = ImageIO.read(pngs.get(k).toFile());
            assertThat(png.getWidth()).isEqualTo(480);
            assertThat(png.getHeight()).isEqualTo(360);
            // the GIF has 256 colours: each frame is its PNG up to that reduction
            assertThat(meanDifference(png, animation.get(k))).as("frame %d", k).isLessThan(6.0);
        }
        // the peak spreads: the first and last frames differ, visibly
        assertThat(meanDifference(ImageIO.read(pngs.get(0).toFile()), ImageIO.read(pngs.get(5).toFile())))
                .isGreaterThan(1.0);
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void mistakesAreSaidInOneLine() {
        Result none = stagger("render", out.toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("say what to write");
        Result missing = stagger("render", tmp.resolve("nowhere").toString(), "--gif", tmp.resolve("x.gif").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("nowhere").doesNotContain("\tat ");
        Result field = stagger("render", out.toString(), "--field", "T", "--gif", tmp.resolve("t.gif").toString());
        assertThat(field.exit()).isEqualTo(2);
        assertThat(field.err()).contains("has no field 'T'").contains("[C]");
        assertThat(tmp.resolve("t.gif")).doesNotExist();
        Result range = stagger("render", out.toString(), "--range", "1:0", "--gif", tmp.resolve("r.gif").toString());
        assertThat(range.exit()).isEqualTo(2);
    }

    @Test
    void helpAndMistakesNameEveryColormap() {
        for (String command : new String[] {"render", "preview"}) {
            Result help = stagger("help", command);
            for (dev.stagger.engine.render.Colormap map : dev.stagger.engine.render.Colormap.values()) {
                if (!map.label().endsWith("_r")) {
                    assertThat(help.out()).as("help %s", command).contains(map.label());
                }
            }
        }
        Result bad = stagger("render", out.toString(), "--colormap", "jet", "--gif", tmp.resolve("j.gif").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("viridis|cividis|turbo|coolwarm|grey");
        Path cividis = tmp.resolve("cividis");
        Result r = stagger("render", out.toString(), "--colormap", "cividis_r", "--png-dir", cividis.toString(),
                "--every", "5", "--size", "480x360");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void logScaleGivesTheGaussiansFlanksMoreOfTheMap() throws Exception {
        // C = exp(-x^2 - y^2) on [-2, 2]^2: linear, most of the square is within 25% of the low end;
        // on a log scale (exp(-8) to 1, 3.5 decades) only the far corners are
        Path linear = tmp.resolve("linear");
        Path log = tmp.resolve("log");
        Result a = stagger("render", out.toString(), "--every", "10", "--png-dir", linear.toString(), "--size", "480x360");
        Result b = stagger("render", out.toString(), "--every", "10", "--png-dir", log.toString(), "--size", "480x360",
                "--scale", "log");
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(b.exit()).as(b.err()).isZero();
        assertThat(b.out()).contains("log scale");
        String first = "diffusion-2d_C_000000.png";
        int lowLinear = lowQuarterPixels(ImageIO.read(linear.resolve(first).toFile()));
        int lowLog = lowQuarterPixels(ImageIO.read(log.resolve(first).toFile()));
        assertThat(lowLinear).isGreaterThan(20_000);
        assertThat(lowLog).isLessThan(lowLinear / 4);

        Result bad = stagger("render", out.toString(), "--scale", "ln", "--gif", tmp.resolve("ln.gif").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--scale linear|log");
    }

    /** Pixels in the colours of viridis's lowest quarter (the colour bar has the same number in both). */
    private static int lowQuarterPixels(BufferedImage image) {
        java.util.Set<Integer> low = new java.util.HashSet<>();
        int[] table = dev.stagger.engine.render.Colormap.VIRIDIS.table();
        for (int k = 0; k < table.length / 4; k++) {
            low.add(table[k] & 0xFFFFFF);
        }
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                count += low.contains(image.getRGB(x, y) & 0xFFFFFF) ? 1 : 0;
            }
        }
        return count;
    }

    private static List<BufferedImage> frames(Path gif) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            int n = reader.getNumImages(true);
            java.util.ArrayList<BufferedImage> frames = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                frames.add(reader.read(i));
            }
            return frames;
        } finally {
            reader.dispose();
        }
    }

    /** Mean absolute difference per channel, 0..255. */
    private static double meanDifference(BufferedImage a, BufferedImage b) {
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        assertThat(b.getHeight()).isEqualTo(a.getHeight());
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
