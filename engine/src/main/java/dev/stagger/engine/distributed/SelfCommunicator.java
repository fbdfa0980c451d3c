package dev.stagger.engine.distributed;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.DoubleBuffer;

/** The communicator of a run with one rank: reductions and gathers return what they are given. */
public final class SelfCommunicator implements Communicator {

    @Override
    public int rank() {
        return 0;
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public DoubleBuffer allocate(int count) {
        return DoubleBuffer.allocate(count);
    }

    @Override
    public Request send(DoubleBuffer buffer, int count, int destination, int tag) {
        throw new UnsupportedOperationException("a single rank has nobody to send to; periodic sides wrap locally");
    }

    @Override
    public Request receive(DoubleBuffer buffer, int count, int source, int tag) {
        throw new UnsupportedOperationException("a single rank has nobody to receive from");
    }

    @Override
    public double[] allReduce(double[] values, ReduceOp op) {
        return values.clone();
    }

    @Override
    public double[] gather(double[] local, int[] counts, int root) {
        return local.clone();
    }

    @Override
    public void barrier() {}

    @Override
    public void abort(int exitCode) {
        Runtime.getRuntime().halt(exitCode);
    }

    @Override
    public String hostName() {
        return localHostName();
    }

    static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env != null ? env : "localhost";
        }
    }

    @Override
    public void close() {}
}
