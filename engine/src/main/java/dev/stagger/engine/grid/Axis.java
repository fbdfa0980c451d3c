package dev.stagger.engine.grid;

/**
 * A uniform axis of {@code cells} cells over {@code [origin, origin + extent]}. Indices follow Chmy:
 * 1-based, so vertex {@code i} sits at {@code origin + (i-1)Δ} (1..n+1) and center {@code i} at
 * {@code origin + (i-½)Δ} (1..n); the same formulas give the ghost points outside (0, n+1, n+2).
 */
public record Axis(double origin, double extent, int cells) {

    public Axis {
        if (!(extent > 0) || !Double.isFinite(extent)) {
            throw new IllegalArgumentException("axis extent must be a positive finite number, got " + extent);
        }
        if (!Double.isFinite(origin)) {
            throw new IllegalArgumentException("axis origin must be finite, got " + origin);
        }
        if (cells < 1) {
            throw new IllegalArgumentException("an axis needs at least one cell, got " + cells);
        }
    }

    public double spacing() {
        return extent / cells;
    }

    public double end() {
        return origin + extent;
    }

    public double vertex(int i) {
        return origin + (i - 1) * spacing();
    }

    public double center(int i) {
        return origin + (i - 0.5) * spacing();
    }

    public double coordinate(Location location, int i) {
        return location == Location.CENTER ? center(i) : vertex(i);
    }

    public int count(Location location) {
        return location.count(cells);
    }
}
