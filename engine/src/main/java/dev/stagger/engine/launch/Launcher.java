package dev.stagger.engine.launch;

/**
 * Launches a kernel over the whole index space {@code 0..n+1} of each dimension, split as in Chmy's
 * {@code launch(...; outer_width)}: the inner region {@code W..n+1-W}, and for d = last..first the
 * two boundary slabs of dimension d (full extent in the dimensions before d, {@code W..n+1-W} in
 * those after), each pair followed by {@link SideHook#afterSlabs(int)} for d. Every index is covered
 * exactly once.
 *
 * <p>With overlap on, the inner region is started on the workers first and the calling thread
 * computes the slabs and runs the hooks (halo exchange, boundary conditions) meanwhile, then joins
 * the workers on what is left of the inner region. This is safe because the hooks touch only the
 * outermost W layers (W >= halo + 1), which the inner region neither reads from the new field nor
 * writes. With overlap off everything runs in sequence; both give bit-for-bit the same fields.
 */
public final class Launcher {
    private final KernelExecutor executor;
    private final boolean overlap;

    public Launcher(KernelExecutor executor) {
        this(executor, true);
    }

    public Launcher(KernelExecutor executor, boolean overlap) {
        this.executor = executor;
        this.overlap = overlap;
    }

    public boolean overlap() {
        return overlap;
    }

    public KernelExecutor executor() {
        return executor;
    }

    /** The full launch space of a grid with {@code cells} (1-3 entries): 0..n+1, absent dims [1,1]. */
    public static Box fullRange(int[] cells) {
        int[] lo = {1, 1, 1};
        int[] hi = {1, 1, 1};
        for (int d = 0; d < cells.length; d++) {
            lo[d] = 0;
            hi[d] = cells[d] + 1;
        }
        return Box.of(lo, hi);
    }

    /** The region computed before any boundary slab. */
    public static Box inner(Box full, int[] outerWidth) {
        int[] lo = new int[3];
        int[] hi = new int[3];
        for (int d = 0; d < 3; d++) {
            int w = d < outerWidth.length ? outerWidth[d] : 0;
            lo[d] = full.lo(d) + w;
            hi[d] = full.hi(d) - w;
        }
        return Box.of(lo, hi);
    }

    /** The low (side 0) or high (side 1) boundary slab of dimension d. */
    public static Box slab(Box full, int[] outerWidth, int d, int side) {
        Box inner = inner(full, outerWidth);
        int[] lo = new int[3];
        int[] hi = new int[3];
        for (int e = 0; e < 3; e++) {
            if (e < d) {
                lo[e] = full.lo(e);
                hi[e] = full.hi(e);
            } else if (e > d) {
                lo[e] = inner.lo(e);
                hi[e] = inner.hi(e);
            }
        }
        int w = outerWidth[d];
        lo[d] = side == 0 ? full.lo(d) : full.hi(d) - w + 1;
        hi[d] = side == 0 ? full.lo(d) + w - 1 : full.hi(d);
        return Box.of(lo, hi);
    }

    /** Runs the kernel over {@code full} without a split, then the hook for d = last..first. */
    public void launch(Box full, int dims, RangeKernel kernel, SideHook hook) {
        executor.run(full, kernel);
        for (int d = dims - 1; d >= 0; d--) {
            hook.afterSlabs(d);
        }
    }

    /** Runs the kernel with the inner/outer split of width {@code outerWidth} (one entry per dim). */
    public void launch(Box full, int[] outerWidth, RangeKernel kernel, SideHook hook) {
        int dims = outerWidth.length;
        for (int d = 0; d < dims; d++) {
            if (outerWidth[d] < 1 || 2 * outerWidth[d] > full.extent(d)) {
                throw new IllegalArgumentException("outer width " + outerWidth[d] + " does not fit "
                        + full.extent(d) + " points in dimension " + d);
            }
        }
        Pending inner = overlap ? executor.start(inner(full, outerWidth), kernel) : runNow(inner(full, outerWidth), kernel);
        for (int d = dims - 1; d >= 0; d--) {
            Box low = slab(full, outerWidth, d, 0);
            Box high = slab(full, outerWidth, d, 1);
            if (overlap) {
                // the workers are busy with the inner region: the slabs are thin, the caller takes them
                low.run(kernel);
                high.run(kernel);
            } else {
                executor.run(low, kernel);
                executor.run(high, kernel);
            }
            hook.afterSlabs(d);
        }
        inner.await();
    }

    private Pending runNow(Box box, RangeKernel kernel) {
        executor.run(box, kernel);
        return Pending.DONE;
    }
}
