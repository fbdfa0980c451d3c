package dev.stagger.gui.monitor.frame;

import dev.stagger.engine.live.Preview;
import dev.stagger.engine.render.Colormap;
import dev.stagger.engine.render.ColourScale;

/**
 * A preview colour-mapped and ready to draw: {@code argb} holds {@code preview.nx()} by
 * {@code preview.ny()} opaque ARGB pixels, row 0 at the top (the raster's last row: y goes up), and
 * {@code scale} says how values were placed on the colour map: linear or log, the values its ends
 * stand for, whether some values had no place on a log scale, and why a log scale fell back.
 */
public record Frame(Preview preview, int[] argb, Colormap colormap, ColourScale scale) {

    public int width() {
        return preview.nx();
    }

    public int height() {
        return preview.ny();
    }

    /** The value at the colour map's low end. */
    public double min() {
        return scale.lo();
    }

    /** The value at the colour map's high end. */
    public double max() {
        return scale.hi();
    }
}
