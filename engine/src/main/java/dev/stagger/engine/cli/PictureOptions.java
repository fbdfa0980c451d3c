package dev.stagger.engine.cli;

import dev.stagger.engine.grid.Dimension;
import dev.stagger.engine.render.Range;

/** The picture options {@code preview} and {@code render} share: size, 3D slice, colour range. */
final class PictureOptions {
    private PictureOptions() {}

    /** {@code WxH} (e.g. 900x700) as {width, height}, or null when malformed. */
    static int[] size(String text) {
        String[] parts = text.split("x");
        try {
            return parts.length == 2 ? new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())}
                    : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code AXIS=INDEX} (e.g. z=32) as {axis, 1-based index}; {-1, 0} when none is given; null when malformed. */
    static int[] slice(String text) {
        if (text == null) {
            return new int[] {-1, 0};
        }
        String[] parts = text.split("=");
        if (parts.length != 2) {
            return null;
        }
        int axis = Dimension.of(parts[0].trim());
        try {
            int index = Integer.parseInt(parts[1].trim());
            return axis < 0 || index < 1 ? null : new int[] {axis, index};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code MIN:MAX} as a fixed range; null when absent or malformed. */
    static Range range(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(":");
        try {
            return parts.length == 2 ? Range.of(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
