package dev.stagger.engine.launch;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Long-lived worker threads for kernels: {@code threads - 1} daemon workers plus the calling
 * thread. A box is cut into contiguous slabs along its outermost dimension (z in 3D, y in 2D), which
 * keeps each thread's rows contiguous in memory; threads take slabs from a shared counter until none
 * is left. {@link #run} waits for the whole box with the caller working too; {@link #start} returns
 * at once so the caller can exchange halos while the workers compute, and joins in when it awaits.
 * Boxes smaller than {@link #MIN_PARALLEL_POINTS} run on the caller alone: waking threads would cost
 * more than it saves.
 *
 * <p>Kernels compute each point independently, so the result does not depend on the split or on
 * which thread took which slab: the pool and {@link SerialExecutor} give bit-for-bit equal fields.
 */
public final class WorkerPool implements KernelExecutor {
    /** Below this many points a box runs serially. */
    public static final long MIN_PARALLEL_POINTS = 16_384;
    /** Slabs per thread when starting asynchronously, so the caller can still take a share late. */
    private static final int SLABS_PER_THREAD_ASYNC = 4;

    private final int threads;
    private final Thread[] workers;
    private final Object lock = new Object();
    private long generation;
    private boolean closed;
    private Job job;

    public WorkerPool(int threads, String namePrefix) {
        if (threads < 1) {
            throw new IllegalArgumentException("a worker pool needs at least one thread, got " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Thread(this::workLoop, namePrefix + "-" + (w + 1));
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
        if (threads == 1 || box.volume() < MIN_PARALLEL_POINTS) {
            kernel.run(box);
            return;
        }
        dispatch(split(box, threads), kernel).await();
    }

    @Override
    public Pending start(Box box, RangeKernel kernel) {
        if (box.isEmpty()) {
            return Pending.DONE;
        }
        if (threads == 1 || box.volume() < MIN_PARALLEL_POINTS) {
            return () -> kernel.run(box);
        }
        return dispatch(split(box, threads * SLABS_PER_THREAD_ASYNC), kernel);
    }

    private Job dispatch(Box[] slabs, RangeKernel kernel) {
        Job next = new Job(slabs, kernel, Thread.currentThread());
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("worker pool is closed");
            }
            job = next;
            generation++;
            lock.notifyAll();
        }
        return next;
    }

    private void workLoop() {
        long seen = 0;
        while (true) {
            Job current;
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
                current = job;
            }
            current.work();
        }
    }

    /** One launch: its slabs, taken by whichever thread gets to them first. */
    private static final class Job implements Pending {
        private final Box[] slabs;
        private final RangeKernel kernel;
        private final Thread owner;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger remaining;
        private volatile Throwable failure;

        Job(Box[] slabs, RangeKernel kernel, Thread owner) {
            this.slabs = slabs;
            this.kernel = kernel;
            this.owner = owner;
            this.remaining = new AtomicInteger(slabs.length);
        }

        void work() {
            int s;
            while ((s = next.getAndIncrement()) < slabs.length) {
                try {
                    kernel.run(slabs[s]);
                } catch (RuntimeException | Error e) {
                    failure = e;
                } finally {
                    if (remaining.decrementAndGet() == 0) {
                        LockSupport.unpark(owner);
                    }
                }
            }
        }

        @Override
        public void await() {
            work();
            // the last slabs take about as long as ours did: spin briefly before parking
            for (int spin = 0; spin < 2_000 && remaining.get() > 0; spin++) {
                Thread.onSpinWait();
            }
            while (remaining.get() > 0) {
                LockSupport.park(this);
            }
            Throwable failed = failure;
            if (failed instanceof RuntimeException r) {
                throw r;
            } else if (failed instanceof Error e) {
                throw e;
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
