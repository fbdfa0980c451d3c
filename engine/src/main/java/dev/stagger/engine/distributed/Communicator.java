package dev.stagger.engine.distributed;

import java.nio.DoubleBuffer;
import java.util.List;

/**
 * The messages ranks exchange: non-blocking point-to-point for halos, reductions for metrics and
 * agreement, gathers to rank 0 for outputs and previews. Implemented over MPI
 * ({@code distributed.mpi}, loaded only under mpirun), by {@link SelfCommunicator} for one rank, and
 * by {@code LocalGroup} for ranks that are threads of one process.
 */
public interface Communicator extends AutoCloseable {

    int rank();

    int size();

    /** A buffer the implementation can send from and receive into without copying (direct for MPI). */
    DoubleBuffer allocate(int count);

    /** Starts sending {@code count} values from the start of {@code buffer}. */
    Request send(DoubleBuffer buffer, int count, int destination, int tag);

    /** Starts receiving {@code count} values into the start of {@code buffer}. */
    Request receive(DoubleBuffer buffer, int count, int source, int tag);

    /** Waits for all of the requests. */
    default void waitAll(List<Request> requests) {
        for (Request r : requests) {
            r.await();
        }
    }

    /** Element-wise reduction over all ranks; every rank gets the result. */
    double[] allReduce(double[] values, ReduceOp op);

    default double allReduce(double value, ReduceOp op) {
        return allReduce(new double[] {value}, op)[0];
    }

    /**
     * Rank {@code root} receives every rank's {@code local} array (rank r's has {@code counts[r]}
     * values) concatenated in rank order; the other ranks get null.
     */
    double[] gather(double[] local, int[] counts, int root);

    void barrier();

    /** Every rank's string, in rank order, on {@code root}; null elsewhere. For rare, short texts (logs, hosts). */
    default java.util.List<String> gatherStrings(String local, int root) {
        byte[] bytes = local.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        double[] lengths = new double[size()];
        lengths[rank()] = bytes.length;
        double[] all = allReduce(lengths, ReduceOp.SUM);
        int[] counts = new int[size()];
        for (int r = 0; r < counts.length; r++) {
            counts[r] = (int) all[r];
        }
        double[] mine = new double[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            mine[i] = bytes[i];
        }
        double[] gathered = gather(mine, counts, root);
        if (gathered == null) {
            return null;
        }
        java.util.List<String> result = new java.util.ArrayList<>();
        int at = 0;
        for (int count : counts) {
            byte[] b = new byte[count];
            for (int i = 0; i < count; i++) {
                b[i] = (byte) gathered[at++];
            }
            result.add(new String(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        return result;
    }

    /** Ends every rank of the job at once, with this exit code: for failures that only some ranks see. */
    void abort(int exitCode);

    /** Name of the host this rank runs on. */
    String hostName();

    @Override
    void close();

    /** A pending send or receive. */
    interface Request {
        void await();
    }

    enum ReduceOp {
        SUM,
        MIN,
        MAX
    }
}
