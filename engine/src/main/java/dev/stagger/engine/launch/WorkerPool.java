package dev.stagger.engine.launch;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Long-lived worker threads for kernels: {@code threads - 1} daemon workers plus the calling
 * thread, which takes the first chunk itself, so a dispatch costs one wake-up and no allocation
 * beyond the chunk list. A box is split into contiguous slabs along its outermost dimension (z in
 * 3D, y in 2D), which keeps each thread's rows contiguous in memory. Boxes smaller than
 * {@link #MIN_PARALLEL_POINTS} run on the caller alone: waking threads would cost more than it saves.
 *
 * <p>Kernels compute each point independently, so the result does not depend on the split: the
 * pool and {@link SerialExecutor} give bit-for-bit equal fields (tested).
 */
public final class WorkerPool implements KernelExecutor {
    /** Below this many points a box runs serially. */
    public static final long MIN_PARALLEL_POINTS = 16_384;

    private final int threads;
    private final Thread[] workers;
    private final Object lock = new Object();
    private final AtomicInteger pending = new AtomicInteger();
    private long generation;
    private boolean closed;
    private Box[] chunks = new Box[0];
    private RangeKernel kernel;
    private volatile Thread caller;
    private volatile Throwable failure;

    public WorkerPool(int threads, String namePrefix) {
        if (threads < 1) {
            throw new IllegalArgumentException("a worker pool needs at least one thread, got " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            int id = w + 1;
            workers[w] = new Thread(() -> workLoop(id), namePrefix + "-" + id);
            workers[w].setDaemon(true);
            workers[w].start();
        }
    }

    /** One thread per available core. */
    public static WorkerPool forAllCores() {
        return new WorkerPool(Runtime.getRuntime().availableProcessors(), "stagger-worker");
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public void run(Box box, RangeKernel kernel) {
        if (box.isEmpty()) {
            return;
        }
        Box[] split = split(box, threads);
        if (split.length == 1 || box.volume() < MIN_PARALLEL_POINTS) {
            kernel.run(box);
            return;
        }
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("worker pool is closed");
            }
            this.chunks = split;
            this.kernel = kernel;
            this.failure = null;
            this.caller = Thread.currentThread();
            pending.set(split.length - 1);
            generation++;
            lock.notifyAll();
        }
        Throwable own = null;
        try {
            kernel.run(split[0]);
        } catch (RuntimeException | Error e) {
            own = e;
        }
        awaitWorkers();
        Throwable failed = own != null ? own : failure;
        if (failed instanceof RuntimeException r) {
            throw r;
        } else if (failed instanceof Error e) {
            throw e;
        }
    }

    private void awaitWorkers() {
        // the other chunks take about as long as ours: spin briefly before parking
        for (int spin = 0; spin < 2_000 && pending.get() > 0; spin++) {
            Thread.onSpinWait();
        }
        while (pending.get() > 0) {
            LockSupport.park(this);
        }
    }

    private void workLoop(int id) {
        long seen = 0;
        while (true) {
            Box chunk;
            RangeKernel work;
            synchronized (lock) {
                while (generation == seen && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        // workers are stopped through close(), not by interrupt
                    }
                }
                if (closed) {
                    return;
                }
                seen = generation;
                chunk = id < chunks.length ? chunks[id] : null;
                work = kernel;
            }
            if (chunk == null) {
                continue;
            }
            try {
                work.run(chunk);
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                if (pending.decrementAndGet() == 0) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }

    /** Contiguous slabs along the outermost dimension with more than one index. */
    static Box[] split(Box box, int parts) {
        int d = box.extent(2) > 1 ? 2 : box.extent(1) > 1 ? 1 : 0;
        int extent = box.extent(d);
        int count = Math.min(parts, extent);
        Box[] result = new Box[count];
        int lo = box.lo(d);
        for (int c = 0; c < count; c++) {
            int size = extent / count + (c < extent % count ? 1 : 0);
            result[c] = box.withRange(d, lo, lo + size - 1);
            lo += size;
        }
        return result;
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        for (Thread worker : workers) {
            try {
                worker.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
