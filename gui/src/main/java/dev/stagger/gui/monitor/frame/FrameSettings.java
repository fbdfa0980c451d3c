package dev.stagger.gui.monitor.frame;

import dev.stagger.engine.render.Colormap;
import dev.stagger.engine.render.Range;
import dev.stagger.engine.render.Scale;

/**
 * What a frame is made of: the field, its colour map, range and scale, and for 3D fields the slice (axis
 * 0-2, 1-based index; 0 until the middle is chosen). Immutable, so the background threads read a
 * consistent whole while the toolbar replaces it.
 */
public record FrameSettings(String field, Colormap colormap, Range range, Scale scale, int sliceAxis, int sliceIndex) {
    /** No field yet, viridis, auto range, linear, slices across z. */
    public static FrameSettings initial() {
        return new FrameSettings(null, Colormap.VIRIDIS, Range.auto(), Scale.LINEAR, 2, 0);
    }

    public FrameSettings withScale(Scale s) {
        return new FrameSettings(field, colormap, range, s, sliceAxis, sliceIndex);
    }

    public FrameSettings withField(String f) {
        return new FrameSettings(f, colormap, range, scale, sliceAxis, sliceIndex);
    }

    public FrameSettings withColormap(Colormap map) {
        return new FrameSettings(field, map, range, scale, sliceAxis, sliceIndex);
    }

    public FrameSettings withRange(Range r) {
        return new FrameSettings(field, colormap, r, scale, sliceAxis, sliceIndex);
    }

    public FrameSettings withSlice(int axis, int index) {
        return new FrameSettings(field, colormap, range, scale, axis, index);
    }
}
