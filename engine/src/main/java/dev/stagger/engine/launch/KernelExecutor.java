package dev.stagger.engine.launch;

/** Runs a kernel over a box: serially, or split across worker threads. */
public interface KernelExecutor extends AutoCloseable {

    void run(Box box, RangeKernel kernel);

    /** Number of threads kernels run on. */
    int threads();

    @Override
    default void close() {}
}
