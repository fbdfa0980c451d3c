package dev.stagger.engine.backend.cuda;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUevent;
import jcuda.driver.CUstream;
import jcuda.driver.JCudaDriver;

/**
 * Small arrays the kernels read (the scalars, the table of field pointers) sent to the device
 * without stopping it: each new value goes into the next slot of a pinned host ring and is copied,
 * in the stream's order, into the same slot of a device ring; kernels launched after it get that
 * slot. A plain copy would wait for every launch before it, once per launch of an iteration loop.
 *
 * <p>A host slot is written again only after its copy is done (an event per slot); a device slot
 * only {@value #SLOTS} copies later, in stream order after every launch that read it (the launches
 * of another stream are joined into this one before the kernel call returns).
 */
final class StagingRing {
    static final int SLOTS = 64;

    private final CUstream stream;
    private final long slotBytes;
    private final Pointer host = new Pointer();
    private final ByteBuffer hostBytes;
    private final CUdeviceptr device = new CUdeviceptr();
    private final CUevent[] copied = new CUevent[SLOTS];
    private final boolean[] used = new boolean[SLOTS];
    private int slot = -1;

    StagingRing(CUstream stream, int values) {
        this.stream = stream;
        this.slotBytes = (long) Math.max(1, values) * Long.BYTES;
        JCudaDriver.cuMemHostAlloc(host, slotBytes * SLOTS, 0);
        hostBytes = host.getByteBuffer(0, slotBytes * SLOTS).order(ByteOrder.nativeOrder());
        JCudaDriver.cuMemAlloc(device, slotBytes * SLOTS);
        for (int s = 0; s < SLOTS; s++) {
            copied[s] = new CUevent();
            JCudaDriver.cuEventCreate(copied[s], 0);
        }
    }

    /** Sends the values; returns where the kernels launched next find them. */
    CUdeviceptr put(double[] values) {
        int s = nextSlot();
        long at = s * slotBytes;
        for (int i = 0; i < values.length; i++) {
            hostBytes.putDouble((int) (at + (long) i * Double.BYTES), values[i]);
        }
        return send(s);
    }

    /** As {@link #put(double[])}, for device addresses. */
    CUdeviceptr put(long[] values) {
        int s = nextSlot();
        long at = s * slotBytes;
        for (int i = 0; i < values.length; i++) {
            hostBytes.putLong((int) (at + (long) i * Long.BYTES), values[i]);
        }
        return send(s);
    }

    private int nextSlot() {
        int s = (slot + 1) % SLOTS;
        if (used[s]) {
            // its last copy must have left the host slot before it is written again
            JCudaDriver.cuEventSynchronize(copied[s]);
        }
        return s;
    }

    private CUdeviceptr send(int s) {
        long at = s * slotBytes;
        CUdeviceptr target = device.withByteOffset(at);
        JCudaDriver.cuMemcpyHtoDAsync(target, host.withByteOffset(at), slotBytes, stream);
        JCudaDriver.cuEventRecord(copied[s], stream);
        used[s] = true;
        slot = s;
        return target;
    }

    void free() {
        for (CUevent e : copied) {
            JCudaDriver.cuEventDestroy(e);
        }
        JCudaDriver.cuMemFree(device);
        JCudaDriver.cuMemFreeHost(host);
    }
}
