package dev.stagger.engine.backend.cuda;

import dev.stagger.engine.backend.Devices;
import java.util.List;
import jcuda.CudaException;
import jcuda.driver.JCudaDriver;

/**
 * The driver and the devices it shows this process (those {@code CUDA_VISIBLE_DEVICES} leaves
 * visible), initialised once. Loaded by name from {@link Devices#cuda}, so nothing of JCuda is
 * touched where the CPU backend runs.
 */
public final class CudaDevices implements Devices {
    private int count = -1;
    private String failure;

    public CudaDevices() {}

    private synchronized void start() {
        if (count >= 0 || failure != null) {
            return;
        }
        try {
            JCudaDriver.setExceptionsEnabled(true);
            JCudaDriver.cuInit(0);
            int[] n = new int[1];
            JCudaDriver.cuDeviceGetCount(n);
            count = n[0];
        } catch (CudaException e) {
            failure = e.getMessage() != null && e.getMessage().contains("NO_DEVICE")
                    ? "a GPU (the NVIDIA driver reports none: " + e.getMessage() + ")"
                    : "a working NVIDIA driver (cuInit failed: " + e.getMessage() + ")";
        } catch (LinkageError e) {
            failure = "JCuda's native library, which needs libcuda.so.1 (" + e.getMessage() + ")";
        }
    }

    @Override
    public List<String> problems() {
        start();
        if (failure != null) {
            return List.of(failure);
        }
        return count == 0 ? List.of("a GPU (the NVIDIA driver shows none)") : List.of();
    }

    @Override
    public List<String> describe() {
        start();
        List<String> lines = new java.util.ArrayList<>();
        for (int d = 0; failure == null && d < count; d++) {
            lines.add(CudaDevice.describe(d, count));
        }
        return lines;
    }

    @Override
    public Object open(int localRank) {
        start();
        if (failure != null || count == 0) {
            throw new dev.stagger.engine.model.ModelCannotRunException("backend cuda cannot run here; missing: "
                    + String.join("; ", problems()));
        }
        // ranks of a node share its devices round-robin: rank r takes device r mod count
        return CudaDevice.open(Math.floorMod(localRank, count), count);
    }
}
