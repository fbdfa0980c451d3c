package dev.stagger.engine.cli;

import dev.stagger.engine.live.PreviewRequest;
import dev.stagger.engine.output.OutputSeries;
import dev.stagger.engine.render.Colormap;
import dev.stagger.engine.render.PreviewImage;
import dev.stagger.engine.render.Range;
import dev.stagger.engine.render.Scale;
import dev.stagger.engine.render.SeriesExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stagger render OUTPUT --field C --gif c.gif --png-dir frames/}: a run's output series as
 * pictures you can publish: a PNG per step and/or an animated GIF (and an MP4 when {@code ffmpeg} is
 * installed), each frame drawn as {@code preview} draws one (colormap, colorbar, axes, title with
 * the step and time). By default every frame uses the series' global range, so colours mean the
 * same value in every frame.
 */
@Command(name = "render", description = "Render a run's output series as PNG pictures, an animated GIF or an MP4.")
final class RenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "OUTPUT", description = "the run's output folder, or its .pvd file")
    Path output;

    @Option(names = "--field", paramLabel = "NAME", description = "the field (default: the output's first)")
    String field;

    @Option(names = "--png-dir", paramLabel = "DIR", description = "write one PNG per step into DIR (NAME_STEP.png)")
    Path pngDir;

    @Option(names = "--gif", paramLabel = "FILE", description = "write an animated GIF")
    Path gif;

    @Option(names = "--mp4", paramLabel = "FILE", description = "write an MP4 video (needs ffmpeg on PATH)")
    Path mp4;

    @Option(names = "--fps", paramLabel = "N", description = "frames per second of the GIF and MP4 (default 10)")
    double fps = 10;

    @Option(names = "--every", paramLabel = "N", description = "use every Nth output step (default 1: all)")
    int every = 1;

    @Option(names = "--size", paramLabel = "WxH", description = "picture size in pixels (default 900x700)")
    String size = PreviewImage.DEFAULT_WIDTH + "x" + PreviewImage.DEFAULT_HEIGHT;

    @Option(names = "--colormap", paramLabel = "NAME", description = "viridis (default), cividis, turbo, coolwarm or grey; NAME_r reverses it")
    String colormap = "viridis";

    @Option(names = "--range", paramLabel = "global|auto|MIN:MAX",
            description = "colour range: global (default; the whole series' min and max), auto (each frame its own), or fixed")
    String range = "global";

    @Option(names = "--scale", paramLabel = "linear|log", description = "how colours spread over the range: linear"
            + " (default) or log (decades; values <= 0 get the low-end colour, the range starts at the smallest value > 0)")
    String scale = "linear";

    @Option(names = "--slice", paramLabel = "AXIS=INDEX", description = "for 3D fields: e.g. z=32 (default: middle of z)")
    String slice;

    @Option(names = "--resolution", paramLabel = "N", description = "at most N values per side (default 512)")
    int resolution = 512;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Colormap map = Colormap.parse(colormap);
        int[] pixels = PictureOptions.size(size);
        int[] sliceSpec = PictureOptions.slice(slice);
        Range fixed = PictureOptions.range(range);
        boolean global = range.equals("global");
        Scale colourScale = Scale.parse(scale);
        if (map == null || colourScale == null || pixels == null || sliceSpec == null || (!global && !range.equals("auto") && fixed == null)
                || every < 1 || !(fps > 0 && fps <= 100) || resolution < 1 || resolution > PreviewRequest.MAX_SIDE) {
            err.println("stagger: bad option: --colormap " + Colormap.choices("|") + " (add _r to reverse), --size WxH (e.g. 900x700),"
                    + " --scale linear|log, --slice AXIS=INDEX (e.g. z=32), --range global|auto|MIN:MAX, --every N >= 1, --fps 0..100,"
                    + " --resolution 1.." + PreviewRequest.MAX_SIDE);
            return StaggerCli.EXIT_USAGE;
        }
        if (pngDir == null && gif == null && mp4 == null) {
            err.println("stagger: say what to write: --png-dir DIR, --gif FILE and/or --mp4 FILE");
            return StaggerCli.EXIT_USAGE;
        }
        Path ffmpeg = mp4 == null ? null : onPath("ffmpeg");
        if (mp4 != null && ffmpeg == null) {
            err.println("stagger: --mp4 needs ffmpeg on PATH (Debian/Ubuntu: apt-get install ffmpeg); --gif works without it");
            return StaggerCli.EXIT_USAGE;
        }
        if (pixels[0] < PreviewImage.MIN_WIDTH || pixels[1] < PreviewImage.MIN_HEIGHT) {
            err.println("stagger: --size must be at least " + PreviewImage.MIN_WIDTH + "x" + PreviewImage.MIN_HEIGHT);
            return StaggerCli.EXIT_USAGE;
        }
        Path pngs = pngDir;
        Path videoFrames = null;
        try {
            OutputSeries series = Files.isDirectory(output) ? OutputSeries.find(output, null) : OutputSeries.read(output);
            if (mp4 != null && pngs == null) {
                videoFrames = Files.createTempDirectory("stagger-render"); // ffmpeg reads the frames from here
                pngs = videoFrames;
            }
            SeriesExport.Result r = SeriesExport.export(series, new SeriesExport.Options(field, every, sliceSpec[0],
                    sliceSpec[1], resolution, map, pixels[0], pixels[1], global ? SeriesExport.RangeMode.GLOBAL
                            : fixed != null ? SeriesExport.RangeMode.FIXED : SeriesExport.RangeMode.PER_FRAME,
                    fixed, pngs, gif, fps, colourScale), f -> { });
            int n = r.frames().size();
            String shown = r.rangeText() + (colourScale == Scale.LOG ? ", log scale" : "");
            if (pngDir != null) {
                out.printf(Locale.ROOT, "%s: %d PNG pictures of %s (%s)%n", pngDir, n, r.field(), shown);
            }
            if (gif != null) {
                out.printf(Locale.ROOT, "%s: animated GIF, %d frames at %.3g per second (%s)%n", gif, n, fps,
                        shown);
            }
            if (mp4 != null) {
                encode(ffmpeg, r.pngs());
                out.printf(Locale.ROOT, "%s: MP4, %d frames at %.3g per second (%s)%n", mp4, n, fps, shown);
            }
            out.flush();
            return StaggerCli.EXIT_OK;
        } catch (SeriesExport.NoSuchField e) {
            err.println("stagger: " + e.getMessage());
            return StaggerCli.EXIT_USAGE;
        } catch (IOException | IllegalArgumentException e) {
            err.println("stagger: " + e.getMessage());
            return StaggerCli.EXIT_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StaggerCli.EXIT_FAILED;
        } finally {
            if (videoFrames != null) {
                deleteQuietly(videoFrames);
            }
        }
    }

    /** ffmpeg reads the PNGs in order through a list file (their names carry steps, not a running number). */
    private void encode(Path ffmpeg, List<Path> frames) throws IOException, InterruptedException {
        Path list = Files.createTempFile("stagger-frames", ".txt");
        try {
            StringBuilder s = new StringBuilder();
            for (Path png : frames) {
                s.append("file '").append(png.toAbsolutePath().toString().replace("'", "'\\''"))
                        .append("'\nduration ").append(1 / fps).append('\n');
            }
            Files.writeString(list, s);
            Path partial = mp4.toAbsolutePath().resolveSibling("." + mp4.getFileName() + ".part.mp4");
            Process p = new ProcessBuilder(ffmpeg.toString(), "-y", "-loglevel", "error", "-f", "concat", "-safe", "0",
                    "-i", list.toString(), "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-pix_fmt", "yuv420p",
                    partial.toString()).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                Files.deleteIfExists(partial);
                throw new IOException("ffmpeg failed to write " + mp4 + ": " + said.strip());
            }
            Files.move(partial, mp4, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(list);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary folder left behind is all it costs
        }
    }

    private static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(d, program);
            if (!d.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
