package dev.stagger.engine.render;

import dev.stagger.engine.live.Preview;
import dev.stagger.engine.output.OutputPreviews;
import dev.stagger.engine.output.OutputSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;

/**
 * A run's output series as pictures: one PNG per step and/or an animated GIF, each frame drawn as
 * {@link PreviewImage} draws one. Every frame is read first (a bad file stops the export before
 * anything is written, and the global range needs them all), then drawn in the range chosen. Used
 * by {@code stagger render} and the monitor's Export series.
 */
public final class SeriesExport {

    /** Which values the colour map spans: the whole series' min and max, each frame its own, or fixed. */
    public enum RangeMode { GLOBAL, PER_FRAME, FIXED }

    /**
     * What to export.
     *
     * @param field the field (null: the output's first)
     * @param every use every Nth step (1: all)
     * @param sliceAxis for 3D fields, the axis across which to slice (-1: z)
     * @param sliceIndex its 1-based index (0: the middle)
     * @param fixed the range when {@code mode} is FIXED
     * @param pngDir where one PNG per step goes (null: none)
     * @param gif the animated GIF (null: none)
     * @param scale how colours spread over the range
     */
    public record Options(String field, int every, int sliceAxis, int sliceIndex, int resolution, Colormap map,
            int width, int height, RangeMode mode, Range fixed, Path pngDir, Path gif, double fps, Scale scale) {
        /** Linear colours. */
        public Options(String field, int every, int sliceAxis, int sliceIndex, int resolution, Colormap map,
                int width, int height, RangeMode mode, Range fixed, Path pngDir, Path gif, double fps) {
            this(field, every, sliceAxis, sliceIndex, resolution, map, width, height, mode, fixed, pngDir, gif, fps,
                    Scale.LINEAR);
        }

        public Options {
            if (scale == null) {
                throw new IllegalArgumentException("scale: LINEAR or LOG");
            }
            if (every < 1) {
                throw new IllegalArgumentException("every must be at least 1");
            }
            if (pngDir == null && gif == null) {
                throw new IllegalArgumentException("nothing to write: give a PNG folder or a GIF file");
            }
        }
    }

    /** What was written: the frames, the field, the range used, and the PNG files (in step order). */
    public record Result(List<Preview> frames, String field, Range range, List<Path> pngs) {
        public String rangeText() {
            return range.isAuto() ? "each frame its own range"
                    : String.format(Locale.ROOT, "range %.6g to %.6g", range.min(), range.max());
        }
    }

    /** Thrown for a field the series does not hold: the user's mistake, said with what it has. */
    public static final class NoSuchField extends IOException {
        NoSuchField(Path file, String field, List<String> has) {
            super(file + " has no field '" + field + "'; it has " + has);
        }
    }

    private SeriesExport() {}

    /** Exports {@code series}; {@code progress} hears the fraction done (reading is the first half). */
    public static Result export(OutputSeries series, Options o, DoubleConsumer progress) throws IOException {
        List<OutputSeries.Step> steps = new ArrayList<>();
        for (int i = 0; i < series.steps().size(); i += o.every()) {
            steps.add(series.steps().get(i));
        }
        List<Preview> frames = new ArrayList<>();
        String shown = o.field();
        for (OutputSeries.Step step : steps) {
            OutputPreviews.Loaded loaded = OutputPreviews.read(step.file(), shown, o.sliceAxis(), o.sliceIndex(),
                    o.resolution(), step);
            if (shown == null) {
                shown = loaded.preview().field();
            } else if (!loaded.preview().field().equals(shown)) {
                throw new NoSuchField(step.file(), shown, loaded.fields());
            }
            frames.add(loaded.preview());
            progress.accept(0.5 * frames.size() / steps.size());
        }
        Range range = switch (o.mode()) {
            case GLOBAL -> o.scale() == Scale.LOG ? globalPositiveRange(frames) : globalRange(frames);
            case PER_FRAME -> Range.auto();
            case FIXED -> o.fixed();
        };
        List<Path> pngs = new ArrayList<>();
        if (o.pngDir() != null) {
            Files.createDirectories(o.pngDir());
        }
        try (AnimatedGif animation = o.gif() == null ? null : new AnimatedGif(o.gif(), o.fps())) {
            int k = 0;
            for (Preview p : frames) {
                var image = PreviewImage.render(p, o.map(), o.width(), o.height(), range, o.scale());
                if (o.pngDir() != null) {
                    Path png = o.pngDir().resolve(frameName(series, p));
                    PngFile.write(image, png);
                    pngs.add(png);
                }
                if (animation != null) {
                    animation.add(image);
                }
                progress.accept(0.5 + 0.5 * ++k / frames.size());
            }
        }
        return new Result(List.copyOf(frames), shown, range, List.copyOf(pngs));
    }

    /** {@code NAME_FIELD_STEP.png}: sorts in step order. */
    public static String frameName(OutputSeries series, Preview p) {
        return String.format(Locale.ROOT, "%s_%s_%06d.png", series.name(), p.field(), Math.max(0, p.step()));
    }

    /**
     * For a log scale: the smallest positive and the largest value over every frame, so that each
     * frame's colours mean the same values (each frame's own smallest positive value would not);
     * the plain global range when nothing is positive (each frame then says it is drawn linear).
     */
    public static Range globalPositiveRange(List<Preview> frames) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Preview p : frames) {
            for (float v : p.values()) {
                if (v > 0 && v < Float.POSITIVE_INFINITY) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? Range.of(lo, hi) : globalRange(frames);
    }

    /** The finite min and max over every frame (auto when no value is finite). */
    public static Range globalRange(List<Preview> frames) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Preview p : frames) {
            for (float v : p.values()) {
                if (Float.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? Range.of(lo, hi) : Range.auto();
    }
}
