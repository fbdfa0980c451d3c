package dev.stagger.engine.distributed.local;

import dev.stagger.engine.distributed.Communicator;
import java.nio.DoubleBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

/**
 * Ranks that are threads of one process, exchanging messages through in-memory queues with MPI's
 * semantics (messages between a pair with the same tag arrive in order; collectives are entered
 * by every rank). It runs the distributed code paths without an MPI installation: the unit tests
 * compare many "ranks" with one rank in milliseconds; real MPI is tested under mpirun as well.
 * Every blocking wait has a deadline, so a mismatched exchange fails a test instead of hanging it.
 */
public final class LocalGroup {
    private static final long TIMEOUT_SECONDS = 60;

    private final int size;
    private final Map<Long, LinkedBlockingQueue<double[]>> mailboxes = new ConcurrentHashMap<>();
    private final CyclicBarrier barrier;
    private final double[][] deposits;
    private volatile double[] collective;

    private LocalGroup(int size) {
        this.size = size;
        this.barrier = new CyclicBarrier(size);
        this.deposits = new double[size][];
    }

    /** The communicators of a new group of {@code size} ranks; use each from its own thread. */
    public static List<Communicator> create(int size) {
        LocalGroup group = new LocalGroup(size);
        return IntStream.range(0, size).mapToObj(r -> (Communicator) group.new Member(r)).toList();
    }

    private LinkedBlockingQueue<double[]> mailbox(int source, int destination, int tag) {
        long key = ((long) source * size + destination) * 65_536L + tag;
        return mailboxes.computeIfAbsent(key, k -> new LinkedBlockingQueue<>());
    }

    private void await() {
        try {
            barrier.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted in a collective", e);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("a rank did not enter the collective within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    private final class Member implements Communicator {
        private final int rank;

        Member(int rank) {
            this.rank = rank;
        }

        @Override
        public int rank() {
            return rank;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public DoubleBuffer allocate(int count) {
            return DoubleBuffer.allocate(count);
        }

        @Override
        public Request send(DoubleBuffer buffer, int count, int destination, int tag) {
            double[] message = new double[count];
            buffer.duplicate().position(0).get(message, 0, count);
            mailbox(rank, destination, tag).add(message);
            return () -> {};
        }

        @Override
        public Request receive(DoubleBuffer buffer, int count, int source, int tag) {
            LinkedBlockingQueue<double[]> box = mailbox(source, rank, tag);
            return () -> {
                double[] message;
                try {
                    message = box.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while receiving", e);
                }
                if (message == null) {
                    throw new IllegalStateException("rank " + rank + ": no message from rank " + source + " (tag " + tag
                            + ") within " + TIMEOUT_SECONDS + " s");
                }
                if (message.length != count) {
                    throw new IllegalStateException("rank " + rank + ": expected " + count + " values from rank " + source
                            + ", got " + message.length);
                }
                buffer.duplicate().position(0).put(message);
            };
        }

        @Override
        public double[] allReduce(double[] values, ReduceOp op) {
            deposits[rank] = values.clone();
            await();
            if (rank == 0) {
                double[] result = deposits[0].clone();
                for (int r = 1; r < size; r++) {
                    for (int i = 0; i < result.length; i++) {
                        double v = deposits[r][i];
                        result[i] = switch (op) {
                            case SUM -> result[i] + v;
                            case MIN -> Math.min(result[i], v);
                            case MAX -> Math.max(result[i], v);
                        };
                    }
                }
                collective = result;
            }
            await();
            double[] result = collective.clone();
            await();
            return result;
        }

        @Override
        public double[] gather(double[] local, int[] counts, int root) {
            if (local.length != counts[rank]) {
                throw new IllegalArgumentException("rank " + rank + " gathers " + local.length + " values, counts say "
                        + counts[rank]);
            }
            deposits[rank] = local.clone();
            await();
            double[] result = null;
            if (rank == root) {
                int total = 0;
                for (int c : counts) {
                    total += c;
                }
                result = new double[total];
                int at = 0;
                for (int r = 0; r < size; r++) {
                    System.arraycopy(deposits[r], 0, result, at, counts[r]);
                    at += counts[r];
                }
            }
            await();
            return result;
        }

        @Override
        public void barrier() {
            await();
        }

        @Override
        public void abort(int exitCode) {
            barrier.reset();
            throw new IllegalStateException("rank " + rank + " aborted the group with exit code " + exitCode);
        }

        @Override
        public String hostName() {
            return "local-" + rank;
        }

        @Override
        public void close() {}
    }
}
