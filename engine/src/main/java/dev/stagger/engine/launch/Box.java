package dev.stagger.engine.launch;

/**
 * An inclusive range of indices in three dimensions, in Chmy's index space (1 = first interior
 * point; 0 is the ghost below it). Dimensions a grid lacks have the range [1, 1].
 */
public record Box(int i0, int i1, int j0, int j1, int k0, int k1) {

    public static Box of(int[] lo, int[] hi) {
        return new Box(lo[0], hi[0], lo[1], hi[1], lo[2], hi[2]);
    }

    public int lo(int d) {
        return d == 0 ? i0 : d == 1 ? j0 : k0;
    }

    public int hi(int d) {
        return d == 0 ? i1 : d == 1 ? j1 : k1;
    }

    public int extent(int d) {
        return Math.max(0, hi(d) - lo(d) + 1);
    }

    public boolean isEmpty() {
        return i1 < i0 || j1 < j0 || k1 < k0;
    }

    public long volume() {
        return isEmpty() ? 0 : (long) extent(0) * extent(1) * extent(2);
    }

    /** The part of this box inside {@code other}; possibly empty. */
    public Box intersect(Box other) {
        return new Box(Math.max(i0, other.i0), Math.min(i1, other.i1), Math.max(j0, other.j0),
                Math.min(j1, other.j1), Math.max(k0, other.k0), Math.min(k1, other.k1));
    }

    /** This box with dimension d restricted to [lo, hi]. */
    public Box withRange(int d, int lo, int hi) {
        return switch (d) {
            case 0 -> new Box(lo, hi, j0, j1, k0, k1);
            case 1 -> new Box(i0, i1, lo, hi, k0, k1);
            default -> new Box(i0, i1, j0, j1, lo, hi);
        };
    }

    /** Runs the kernel over this box on the calling thread (nothing when empty). */
    public void run(RangeKernel kernel) {
        if (!isEmpty()) {
            kernel.run(this);
        }
    }

    public boolean contains(int i, int j, int k) {
        return i >= i0 && i <= i1 && j >= j0 && j <= j1 && k >= k0 && k <= k1;
    }

    @Override
    public String toString() {
        return "[" + i0 + ".." + i1 + ", " + j0 + ".." + j1 + ", " + k0 + ".." + k1 + "]";
    }
}
