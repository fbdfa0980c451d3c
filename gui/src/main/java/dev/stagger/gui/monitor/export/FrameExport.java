package dev.stagger.gui.monitor.export;

import dev.stagger.engine.render.Colormap;
import dev.stagger.engine.render.PngFile;
import dev.stagger.engine.render.PreviewImage;
import dev.stagger.engine.render.Range;
import dev.stagger.engine.render.Scale;
import dev.stagger.gui.monitor.frame.Frame;
import dev.stagger.gui.monitor.state.Notifications;
import dev.stagger.engine.output.OutputSeries;
import dev.stagger.engine.render.SeriesExport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;

/**
 * Writes the shown frame as a figure (axes, colour bar), drawn by the engine's headless renderer on
 * the background executor: the same picture the command line makes, whatever the screen's size.
 */
public final class FrameExport {
    private final Executor background;
    private final Notifications notifications;

    public FrameExport(Executor background, Notifications notifications) {
        this.background = background;
        this.notifications = notifications;
    }

    /**
     * Writes {@code frame} in {@code map} over {@code range} on {@code scale} to {@code file}; the
     * answer comes as a notification. FX thread.
     */
    public void exportPng(Frame frame, Colormap map, Range range, Scale scale, Path file) {
        if (frame == null) {
            notifications.show("nothing to export yet");
            return;
        }
        background.execute(() -> {
            try {
                PngFile.write(PreviewImage.render(frame.preview(), map, PreviewImage.DEFAULT_WIDTH,
                        PreviewImage.DEFAULT_HEIGHT, range, scale), file);
                notifications.post("saved " + file);
            } catch (IOException | RuntimeException e) {
                notifications.post("export failed: " + e.getMessage());
            }
        });
    }

    /**
     * Writes the output series in {@code folder} (its {@code runName}.pvd, else its only one) as an
     * animated GIF ({@code target} ending in .gif) or one PNG per step (into the folder
     * {@code target}), in the series' global range, off the FX thread; progress and the answer come
     * as notifications.
     */
    public void exportSeries(Path folder, String runName, String field, Colormap map, Scale scale, int sliceAxis,
            int sliceIndex, Path target) {
        if (folder == null) {
            notifications.show("this run has no output folder to export");
            return;
        }
        boolean gif = target.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gif");
        background.execute(() -> {
            try {
                OutputSeries series = OutputSeries.find(folder, runName);
                int[] lastPercent = {-1};
                SeriesExport.Result r = SeriesExport.export(series, new SeriesExport.Options(field, 1, sliceAxis,
                        sliceIndex, 512, map, PreviewImage.DEFAULT_WIDTH, PreviewImage.DEFAULT_HEIGHT,
                        SeriesExport.RangeMode.GLOBAL, null, gif ? null : target, gif ? target : null, 10,
                        scale), f -> {
                            int percent = (int) (f * 100);
                            if (percent / 10 != lastPercent[0] / 10) {
                                lastPercent[0] = percent;
                                notifications.post("exporting " + series.name() + ": " + percent + "%");
                            }
                        });
                notifications.post("saved " + target + " (" + r.frames().size() + (gif ? " frames" : " pictures")
                        + ", " + r.rangeText() + ")");
            } catch (IOException | RuntimeException e) {
                notifications.post("export failed: " + e.getMessage());
            }
        });
    }
}
