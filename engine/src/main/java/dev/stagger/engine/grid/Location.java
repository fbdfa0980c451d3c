package dev.stagger.engine.grid;

/**
 * Where a value sits along one dimension of a staggered grid: on the cell centers or on the
 * vertices (cell faces). A field's location is one of these per dimension.
 */
public enum Location {
    CENTER,
    VERTEX;

    /** Number of interior points along a dimension of {@code cells} cells. */
    public int count(int cells) {
        return this == CENTER ? cells : cells + 1;
    }

    public Location flip() {
        return this == CENTER ? VERTEX : CENTER;
    }

    /** Same location in every one of {@code dims} dimensions. */
    public static Location[] all(Location location, int dims) {
        Location[] result = new Location[dims];
        java.util.Arrays.fill(result, location);
        return result;
    }
}
