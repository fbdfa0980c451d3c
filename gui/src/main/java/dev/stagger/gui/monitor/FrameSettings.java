package dev.stagger.gui.monitor;

import dev.stagger.engine.render.Colormap;
import dev.stagger.engine.render.Range;

/**
 * What a frame is made of: the field, its colour map and range, and for 3D fields the slice (axis
 * 0-2, 1-based index; 0 until the middle is chosen). Immutable, so the background threads read a
 * consistent whole while the toolbar replaces it.
 */
public record FrameSettings(String field, Colormap colormap, Range range, int sliceAxis, int sliceIndex) {
    /** No field yet, viridis, auto range, slices across z. */
    public static FrameSettings initial() {
        return new FrameSettings(null, Colormap.VIRIDIS, Range.auto(), 2, 0);
    }

    public FrameSettings withField(String f) {
        return new FrameSettings(f, colormap, range, sliceAxis, sliceIndex);
    }

    public FrameSettings withColormap(Colormap map) {
        return new FrameSettings(field, map, range, sliceAxis, sliceIndex);
    }

    public FrameSettings withRange(Range r) {
        return new FrameSettings(field, colormap, r, sliceAxis, sliceIndex);
    }

    public FrameSettings withSlice(int axis, int index) {
        return new FrameSettings(field, colormap, range, axis, index);
    }
}
