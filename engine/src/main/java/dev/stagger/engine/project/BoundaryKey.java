package dev.stagger.engine.project;

import dev.stagger.engine.grid.Dimension;
import dev.stagger.engine.grid.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A side of the grid: dimension (0 = x) and low or high end; written {@code x-low} in files. */
public record BoundaryKey(int dim, Side side) {

    /** The key for "every non-periodic side" in a field's boundary section. */
    public static final String ALL = "all";

    public BoundaryKey {
        if (dim < 0 || dim > 2) {
            throw new IllegalArgumentException("dimension must be 0, 1 or 2, got " + dim);
        }
        Objects.requireNonNull(side, "side");
    }

    public String label() {
        return Dimension.name(dim) + "-" + side.label();
    }

    /** The side named {@code text} ("y-high"), or null. */
    public static BoundaryKey parse(String text) {
        for (BoundaryKey key : everySide(3)) {
            if (key.label().equals(text)) {
                return key;
            }
        }
        return null;
    }

    /** All sides of a grid of {@code dims} dimensions, x-low first. */
    public static List<BoundaryKey> everySide(int dims) {
        List<BoundaryKey> keys = new ArrayList<>();
        for (int d = 0; d < dims; d++) {
            keys.add(new BoundaryKey(d, Side.LOW));
            keys.add(new BoundaryKey(d, Side.HIGH));
        }
        return keys;
    }
}
