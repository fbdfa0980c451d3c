package dev.stagger.engine.distributed;

import dev.stagger.engine.field.Field;
import dev.stagger.engine.grid.Location;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The halo exchange of one rank of a Cartesian topology (Chmy's {@code exchange_halo!}): per
 * dimension, both sides at once, several fields packed into one contiguous message per side,
 * receives posted before sends. A Center field sends its first/last H interior layers; a Vertex
 * field's boundary vertex is shared by both ranks and computed by both, so it sends the H layers
 * inside it and never the shared one. A periodic dimension held by one rank wraps in place.
 * Time spent here is accumulated for the run summary.
 */
public final class CartesianExchange implements HaloExchange {
    private final Communicator comm;
    private final Topology topology;
    private final int rank;
    private final DoubleBuffer[][] sendBuffers;
    private final DoubleBuffer[][] receiveBuffers;
    private long nanos;

    public CartesianExchange(Communicator comm, Topology topology) {
        this.comm = comm;
        this.topology = topology;
        this.rank = comm.rank();
        this.sendBuffers = new DoubleBuffer[topology.ndims()][2];
        this.receiveBuffers = new DoubleBuffer[topology.ndims()][2];
    }

    /** The exchange of a run on one rank: nothing to send; periodic dimensions wrap around. */
    public static CartesianExchange singleRank(dev.stagger.engine.grid.Grid grid) {
        int[] ones = new int[grid.dims()];
        java.util.Arrays.fill(ones, 1);
        return new CartesianExchange(new SelfCommunicator(), new Topology(ones, grid.periodic()));
    }

    public Topology topology() {
        return topology;
    }

    /** Total time spent exchanging so far, in nanoseconds. */
    public long nanos() {
        return nanos;
    }

    @Override
    public boolean isDomainBoundary(int d, int side) {
        return topology.neighbour(rank, d, side == 0 ? -1 : 1) < 0;
    }

    @Override
    public void exchange(int d, Field... fields) {
        long t0 = System.nanoTime();
        int low = topology.neighbour(rank, d, -1);
        int high = topology.neighbour(rank, d, 1);
        if (low == rank && high == rank) {
            for (Field field : fields) {
                PeriodicWrap.wrap(field, d);
            }
            nanos += System.nanoTime() - t0;
        } else if (low >= 0 || high >= 0) {
            exchangeWithNeighbours(d, low, high, fields);
        }
    }

    private void exchangeWithNeighbours(int d, int low, int high, Field[] fields) {
        int count = 0;
        for (Field field : fields) {
            count += field.halo() * Layers.size(field, d);
        }
        exchangeBuffers(d, count, (side, out) -> {
            for (Field field : fields) {
                int[] layers = sentLayers(field, d, side);
                Layers.pack(field, d, layers[0], layers[1], out);
            }
        }, (side, in) -> {
            for (Field field : fields) {
                int[] layers = ghostLayers(field, d, side);
                Layers.unpack(field, d, layers[0], layers[1], in);
            }
        });
    }

    /** Fills the buffer sent to the low (0) or high (1) neighbour, from its start. */
    @FunctionalInterface
    public interface Packer {
        void pack(int side, DoubleBuffer out);
    }

    /** Takes what came from the low (0) or high (1) neighbour, from the buffer's start. */
    @FunctionalInterface
    public interface Unpacker {
        void unpack(int side, DoubleBuffer in);
    }

    /** The rank on the low (-1) or high (+1) side of d: -1 for none, this rank itself when d wraps onto it. */
    public int neighbour(int d, int direction) {
        return topology.neighbour(rank, d, direction);
    }

    /**
     * The message passing of one dimension's exchange, for callers that pack and unpack the layers
     * themselves (the GPU backend, from its pinned buffers): {@code count} values each way with each
     * neighbour, timed with the rest of the exchange.
     */
    public void exchangeBuffers(int d, int count, Packer packer, Unpacker unpacker) {
        long t0 = System.nanoTime();
        int[] neighbours = {topology.neighbour(rank, d, -1), topology.neighbour(rank, d, 1)};
        List<Communicator.Request> requests = new ArrayList<>(4);
        for (int side = 0; side < 2; side++) {
            if (neighbours[side] >= 0) {
                DoubleBuffer in = buffer(receiveBuffers, d, side, count);
                // a message travelling towards the high side carries tag 2d+1, towards the low side 2d
                requests.add(comm.receive(in, count, neighbours[side], 2 * d + (side == 0 ? 1 : 0)));
            }
        }
        for (int side = 0; side < 2; side++) {
            if (neighbours[side] >= 0) {
                DoubleBuffer out = buffer(sendBuffers, d, side, count);
                out.clear();
                packer.pack(side, out);
                requests.add(comm.send(out, count, neighbours[side], 2 * d + side));
            }
        }
        comm.waitAll(requests);
        for (int side = 0; side < 2; side++) {
            if (neighbours[side] >= 0) {
                DoubleBuffer in = receiveBuffers[d][side];
                in.clear();
                unpacker.unpack(side, in);
            }
        }
        nanos += System.nanoTime() - t0;
    }

    private DoubleBuffer buffer(DoubleBuffer[][] buffers, int d, int side, int count) {
        DoubleBuffer b = buffers[d][side];
        if (b == null || b.capacity() < count) {
            b = comm.allocate(count);
            buffers[d][side] = b;
        }
        return b;
    }

    /** The interior layers sent to the low (0) or high (1) neighbour. */
    public static int[] sentLayers(Field field, int d, int side) {
        int h = field.halo();
        int n = field.count(d);
        boolean vertex = field.location(d) == Location.VERTEX;
        if (side == 0) {
            int first = vertex ? 2 : 1;
            return new int[] {first, first + h - 1};
        }
        int last = vertex ? n - 1 : n;
        return new int[] {last - h + 1, last};
    }

    /** The ghost layers filled from the low (0) or high (1) neighbour. */
    public static int[] ghostLayers(Field field, int d, int side) {
        int h = field.halo();
        int n = field.count(d);
        return side == 0 ? new int[] {1 - h, 0} : new int[] {n + 1, n + h};
    }
}
