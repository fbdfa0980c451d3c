package dev.stagger.gui.monitor.export;

import dev.stagger.engine.render.Colormap;
import dev.stagger.engine.render.PngFile;
import dev.stagger.engine.render.PreviewImage;
import dev.stagger.engine.render.Range;
import dev.stagger.gui.monitor.Frame;
import dev.stagger.gui.monitor.state.Notifications;
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

    /** Writes {@code frame} in {@code map} over {@code range} to {@code file}; the answer comes as a notification. FX thread. */
    public void exportPng(Frame frame, Colormap map, Range range, Path file) {
        if (frame == null) {
            notifications.show("nothing to export yet");
            return;
        }
        background.execute(() -> {
            try {
                PngFile.write(PreviewImage.render(frame.preview(), map, PreviewImage.DEFAULT_WIDTH,
                        PreviewImage.DEFAULT_HEIGHT, range), file);
                notifications.post("saved " + file);
            } catch (IOException | RuntimeException e) {
                notifications.post("export failed: " + e.getMessage());
            }
        });
    }
}
