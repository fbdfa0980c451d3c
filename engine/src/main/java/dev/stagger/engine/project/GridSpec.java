package dev.stagger.engine.project;

import dev.stagger.engine.grid.Grid;
import java.util.Arrays;
import java.util.Objects;

/**
 * The grid as a project states it. Arrays are copied in and out, so a GridSpec never changes.
 * Values are not range-checked here: {@link ProjectValidator} reports bad ones with their position,
 * and {@link #toGrid()} is for validated specs.
 *
 * @param ranks ranks per dimension, or null for "auto" (chosen from the number of processes)
 */
public record GridSpec(double[] origin, double[] extent, int[] cells, boolean[] periodic, int[] ranks) {

    public GridSpec {
        origin = origin.clone();
        extent = extent.clone();
        cells = cells.clone();
        periodic = periodic == null ? new boolean[cells.length] : periodic.clone();
        ranks = ranks == null ? null : ranks.clone();
    }

    /** A non-periodic grid with automatic rank layout. */
    public GridSpec(double[] origin, double[] extent, int[] cells) {
        this(origin, extent, cells, null, null);
    }

    /** Number of dimensions: the length of {@code cells}. */
    public int dims() {
        return cells.length;
    }

    public Grid toGrid() {
        return Grid.of(origin, extent, cells, periodic);
    }

    @Override
    public double[] origin() {
        return origin.clone();
    }

    @Override
    public double[] extent() {
        return extent.clone();
    }

    @Override
    public int[] cells() {
        return cells.clone();
    }

    @Override
    public boolean[] periodic() {
        return periodic.clone();
    }

    @Override
    public int[] ranks() {
        return ranks == null ? null : ranks.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridSpec g && Arrays.equals(origin, g.origin) && Arrays.equals(extent, g.extent)
                && Arrays.equals(cells, g.cells) && Arrays.equals(periodic, g.periodic)
                && Arrays.equals(ranks, g.ranks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(origin), Arrays.hashCode(extent), Arrays.hashCode(cells),
                Arrays.hashCode(periodic), Arrays.hashCode(ranks));
    }

    @Override
    public String toString() {
        return "GridSpec[origin=" + Arrays.toString(origin) + ", extent=" + Arrays.toString(extent) + ", cells="
                + Arrays.toString(cells) + ", periodic=" + Arrays.toString(periodic) + ", ranks="
                + (ranks == null ? "auto" : Arrays.toString(ranks)) + "]";
    }
}
