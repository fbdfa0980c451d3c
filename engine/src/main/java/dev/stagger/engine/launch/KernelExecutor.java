package dev.stagger.engine.launch;

/** Runs a kernel over a box: serially, or split across worker threads. */
public interface KernelExecutor extends AutoCloseable {

    void run(Box box, RangeKernel kernel);

    /**
     * Starts the kernel over the box and returns before it is done where the executor has threads
     * to spare, so the caller can compute boundary slabs and exchange halos meanwhile. The box is
     * complete only after {@link Pending#await()}. The default runs the kernel lazily in await(),
     * which keeps the order "slabs and halos first, inner region last" on a single thread.
     */
    default Pending start(Box box, RangeKernel kernel) {
        return () -> run(box, kernel);
    }

    /** Number of threads kernels run on. */
    int threads();

    @Override
    default void close() {}
}
