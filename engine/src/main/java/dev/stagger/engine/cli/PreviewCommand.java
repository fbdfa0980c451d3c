package dev.stagger.engine.cli;

import dev.stagger.engine.live.Preview;
import dev.stagger.engine.live.PreviewRequest;
import dev.stagger.engine.live.LiveClient;
import dev.stagger.engine.live.Status;
import dev.stagger.engine.render.Colormap;
import dev.stagger.engine.render.PngFile;
import dev.stagger.engine.render.PreviewImage;
import dev.stagger.engine.render.Range;
import dev.stagger.engine.render.Scale;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stagger preview RUN --field C --png FILE}: asks the run for a preview of a field at its
 * next step and saves it as a picture with colormap, colorbar and axes (drawn without JavaFX, so it
 * works on a cluster node).
 */
@Command(name = "preview", description = "Save a picture of a field of a running run (colormap, colorbar, axes).")
final class PreviewCommand implements Callable<Integer> {
    private static final long ANSWER_MILLIS = 120_000;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "the run's output folder (or endpoint file), or a cluster run id such as hpc1/diffusion-2d-20261129-1652-7f3a")
    String run;

    @Option(names = "--field", paramLabel = "NAME", description = "the field (default: the run's first)")
    String field;

    @Option(names = "--png", paramLabel = "FILE", required = true, description = "where to save the picture")
    Path png;

    @Option(names = "--resolution", paramLabel = "N", description = "at most N values per side (default 512)")
    int resolution = 512;

    @Option(names = "--colormap", paramLabel = "NAME", description = "viridis (default), cividis, turbo, coolwarm or grey; NAME_r reverses it")
    String colormap = "viridis";

    @Option(names = "--range", paramLabel = "MIN:MAX", description = "fixed colour range (default: the field's own)")
    String range;

    @Option(names = "--scale", paramLabel = "linear|log", description = "how colours spread over the range: linear"
            + " (default) or log (decades; values <= 0 get the low-end colour, the range starts at the smallest value > 0)")
    String scale = "linear";

    @Option(names = "--slice", paramLabel = "AXIS=INDEX", description = "for 3D fields: e.g. z=32 (default: middle of z)")
    String slice;

    @Option(names = "--size", paramLabel = "WxH", description = "picture size in pixels (default 900x700)")
    String size = PreviewImage.DEFAULT_WIDTH + "x" + PreviewImage.DEFAULT_HEIGHT;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Colormap map = Colormap.parse(colormap);
        if (map == null) {
            err.println("stagger: unknown colormap '" + colormap + "'; use " + Colormap.choices(", ")
                    + " (add _r to reverse one, e.g. viridis_r)");
            return StaggerCli.EXIT_USAGE;
        }
        int[] pixels = PictureOptions.size(size);
        int[] sliceSpec = PictureOptions.slice(slice);
        Range colours = PictureOptions.range(range);
        Scale colourScale = Scale.parse(scale);
        if (colourScale == null || pixels == null || sliceSpec == null || (range != null && colours == null) || resolution < 1
                || resolution > PreviewRequest.MAX_SIDE) {
            err.println("stagger: bad option: --scale linear|log, --size WxH (e.g. 900x700), --slice AXIS=INDEX (e.g. z=32), "
                    + "--range MIN:MAX (e.g. 0:1), --resolution 1.." + PreviewRequest.MAX_SIDE);
            return StaggerCli.EXIT_USAGE;
        }
        try (LiveClient client = RunTarget.connect(run, err)) {
            if (client == null) {
                return StaggerCli.EXIT_FAILED;
            }
            Status status = client.status();
            String name = field != null ? field : status.fields().get(0);
            Preview preview = client.preview(new PreviewRequest(name, resolution, resolution, sliceSpec[0], sliceSpec[1]),
                    ANSWER_MILLIS);
            PngFile.write(PreviewImage.render(preview, map, pixels[0], pixels[1], colours == null ? Range.auto() : colours,
                    colourScale),
                    png);
            out.printf(Locale.ROOT, "%s: %s at step %d (t = %.6g), %d x %d values, min %.6g, max %.6g%n", png, name,
                    preview.step(), preview.time(), preview.nx(), preview.ny(), preview.min(), preview.max());
            return StaggerCli.EXIT_OK;
        } catch (IOException | IllegalArgumentException e) {
            err.println("stagger: " + e.getMessage());
            return StaggerCli.EXIT_FAILED;
        }
    }
}
