package dev.stagger.engine.distributed.mpi;

import dev.stagger.engine.distributed.Communicator;
import java.nio.DoubleBuffer;
import java.util.List;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Op;

/**
 * The communicator of a rank started by mpirun, over Open MPI's Java bindings: the only class of
 * the engine that touches {@code mpi.*}. It is loaded by name only under mpirun, so the engine
 * runs without libmpi on machines that have none. Non-blocking calls use direct buffers, whose
 * data must start at position 0 (the bindings pass the base address and ignore the position).
 * MPI errors are turned into unchecked exceptions naming the call; a rank that fails ends the job
 * through {@link #abort(int)}.
 */
public final class MpiCommunicator implements Communicator {
    private final Intracomm world;
    private final int rank;
    private final int size;
    private final String host;

    private MpiCommunicator(Intracomm world) throws MPIException {
        this.world = world;
        this.rank = world.getRank();
        this.size = world.getSize();
        this.host = MPI.getProcessorName();
    }

    /** Initialises MPI for this process (once) and returns the world communicator. */
    public static MpiCommunicator initialize() {
        try {
            if (!MPI.isInitialized()) {
                MPI.Init(new String[0]);
            }
            // errors come back as exceptions we can report with the rank and host, not as a silent kill
            MPI.COMM_WORLD.setErrhandler(MPI.ERRORS_RETURN);
            return new MpiCommunicator(MPI.COMM_WORLD);
        } catch (MPIException e) {
            throw new IllegalStateException("MPI could not start: " + e.getMessage(), e);
        }
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
        return MPI.newDoubleBuffer(count);
    }

    @Override
    public Request send(DoubleBuffer buffer, int count, int destination, int tag) {
        try {
            mpi.Request r = world.iSend(buffer, count, MPI.DOUBLE, destination, tag);
            return () -> await(r, "send to rank " + destination);
        } catch (MPIException e) {
            throw failure("send to rank " + destination, e);
        }
    }

    @Override
    public Request receive(DoubleBuffer buffer, int count, int source, int tag) {
        try {
            mpi.Request r = world.iRecv(buffer, count, MPI.DOUBLE, source, tag);
            return () -> await(r, "receive from rank " + source);
        } catch (MPIException e) {
            throw failure("receive from rank " + source, e);
        }
    }

    private void await(mpi.Request r, String what) {
        try {
            r.waitFor();
        } catch (MPIException e) {
            throw failure(what, e);
        }
    }

    @Override
    public void waitAll(List<Request> requests) {
        // each request waits for itself; MPI progresses all pending ones while any is waited for
        for (Request r : requests) {
            r.await();
        }
    }

    @Override
    public double[] allReduce(double[] values, ReduceOp op) {
        double[] result = new double[values.length];
        try {
            world.allReduce(values, result, values.length, MPI.DOUBLE, op(op));
        } catch (MPIException e) {
            throw failure("allReduce", e);
        }
        return result;
    }

    private static Op op(ReduceOp op) {
        return switch (op) {
            case SUM -> MPI.SUM;
            case MIN -> MPI.MIN;
            case MAX -> MPI.MAX;
        };
    }

    @Override
    public double[] gather(double[] local, int[] counts, int root) {
        int[] displacements = new int[counts.length];
        int total = 0;
        for (int r = 0; r < counts.length; r++) {
            displacements[r] = total;
            total += counts[r];
        }
        double[] all = rank == root ? new double[total] : new double[0];
        try {
            world.gatherv(local, local.length, MPI.DOUBLE, all, counts, displacements, MPI.DOUBLE, root);
        } catch (MPIException e) {
            throw failure("gather to rank " + root, e);
        }
        return rank == root ? all : null;
    }

    @Override
    public void barrier() {
        try {
            world.barrier();
        } catch (MPIException e) {
            throw failure("barrier", e);
        }
    }

    @Override
    public void abort(int exitCode) {
        try {
            world.abort(exitCode);
        } catch (MPIException e) {
            // abort did not take: ending this process still ends the job (mpirun sees the exit code)
        }
        Runtime.getRuntime().halt(exitCode);
    }

    @Override
    public String hostName() {
        return host;
    }

    @Override
    public void close() {
        try {
            if (MPI.isInitialized() && !MPI.isFinalized()) {
                MPI.Finalize();
            }
        } catch (MPIException e) {
            throw failure("finalize", e);
        }
    }

    private IllegalStateException failure(String what, MPIException e) {
        return new IllegalStateException("rank " + rank + " on " + host + ": MPI " + what + " failed: " + e.getMessage(), e);
    }
}
