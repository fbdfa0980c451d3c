package dev.stagger.engine.backend.cuda;

import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUevent;
import jcuda.driver.JCudaDriver;

/**
 * The ceiling of a GPU's memory throughput, measured in the same run as what is compared with it
 * (DESIGN section 5): device-to-device copies of a large buffer, timed with events; each byte is
 * read once and written once.
 */
public final class CudaBandwidth {
    private CudaBandwidth() {}

    /** Best of {@code repeats} copies of {@code bytes} on device {@code ordinal}, in GB/s (read + write). */
    public static double copyGBps(int ordinal, long bytes, int repeats) {
        int count = new CudaDevices().describe().size();
        if (ordinal >= count) {
            throw new IllegalArgumentException("no cuda device " + ordinal + " (this machine shows " + count + ")");
        }
        CudaDevice device = CudaDevice.open(ordinal, count);
        device.makeCurrent();
        CUdeviceptr a = new CUdeviceptr();
        CUdeviceptr b = new CUdeviceptr();
        JCudaDriver.cuMemAlloc(a, bytes);
        JCudaDriver.cuMemAlloc(b, bytes);
        CUevent start = new CUevent();
        CUevent end = new CUevent();
        JCudaDriver.cuEventCreate(start, 0);
        JCudaDriver.cuEventCreate(end, 0);
        try {
            JCudaDriver.cuMemsetD8(a, (byte) 1, bytes);
            JCudaDriver.cuMemcpyDtoD(b, a, bytes); // warm-up
            float best = Float.MAX_VALUE;
            for (int r = 0; r < repeats; r++) {
                JCudaDriver.cuEventRecord(start, null);
                JCudaDriver.cuMemcpyDtoD(b, a, bytes);
                JCudaDriver.cuEventRecord(end, null);
                JCudaDriver.cuEventSynchronize(end);
                float[] ms = new float[1];
                JCudaDriver.cuEventElapsedTime(ms, start, end);
                best = Math.min(best, ms[0]);
            }
            return 2.0 * bytes / (best * 1e-3) / 1e9;
        } finally {
            JCudaDriver.cuEventDestroy(start);
            JCudaDriver.cuEventDestroy(end);
            JCudaDriver.cuMemFree(a);
            JCudaDriver.cuMemFree(b);
        }
    }
}
