package dev.stagger.gui.monitor;

import dev.stagger.engine.live.Preview;
import dev.stagger.engine.render.Colormap;

/**
 * A preview colour-mapped and ready to draw: {@code argb} holds {@code preview.nx()} by
 * {@code preview.ny()} opaque ARGB pixels, row 0 at the top (the raster's last row: y goes up), and
 * {@code min}/{@code max} are the values the colour map's ends stand for.
 */
public record Frame(Preview preview, int[] argb, Colormap colormap, double min, double max) {

    public int width() {
        return preview.nx();
    }

    public int height() {
        return preview.ny();
    }
}
