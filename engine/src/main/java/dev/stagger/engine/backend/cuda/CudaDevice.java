package dev.stagger.engine.backend.cuda;

import dev.stagger.engine.bc.FieldBoundaries;
import dev.stagger.engine.distributed.CartesianExchange;
import dev.stagger.engine.distributed.Communicator;
import dev.stagger.engine.distributed.HaloExchange;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.model.ModelCannotRunException;
import dev.stagger.engine.model.lang.check.CheckedModel;
import dev.stagger.engine.model.lang.run.DeviceFieldSpaces;
import dev.stagger.engine.model.lang.run.FieldSpace;
import dev.stagger.engine.model.lang.run.ModelRanges;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import jcuda.CudaException;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.JCudaDriver;

/** One GPU and its primary context, as a rank uses it; opens the field space of the rank's model there. */
final class CudaDevice implements DeviceFieldSpaces {
    /** The PTX Stagger ships and NVRTC makes targets this compute capability (CUDA 13's oldest). */
    static final int PTX_TARGET = 75;

    private final int ordinal;
    private final int count;
    private final CUcontext context;
    private final String name;
    private final long memory;
    private final int capability;

    private CudaDevice(int ordinal, int count, CUcontext context, String name, long memory, int capability) {
        this.ordinal = ordinal;
        this.count = count;
        this.context = context;
        this.name = name;
        this.memory = memory;
        this.capability = capability;
    }

    /** A device as {@link #describe()} says it, without making a context on it. */
    static String describe(int ordinal, int count) {
        CUdevice device = new CUdevice();
        JCudaDriver.cuDeviceGet(device, ordinal);
        return describe(ordinal, count, name(device), memory(device), capability(device));
    }

    private static String name(CUdevice device) {
        byte[] raw = new byte[256];
        JCudaDriver.cuDeviceGetName(raw, raw.length, device);
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        return new String(raw, 0, end, StandardCharsets.UTF_8);
    }

    private static long memory(CUdevice device) {
        long[] total = new long[1];
        JCudaDriver.cuDeviceTotalMem(total, device);
        return total[0];
    }

    private static int capability(CUdevice device) {
        int[] major = new int[1];
        int[] minor = new int[1];
        JCudaDriver.cuDeviceGetAttribute(major, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, device);
        JCudaDriver.cuDeviceGetAttribute(minor, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, device);
        return major[0] * 10 + minor[0];
    }

    private static String describe(int ordinal, int count, String name, long memory, int capability) {
        return String.format(Locale.ROOT, "cuda device %d of %d (%s, compute %d.%d, %.1f GB)", ordinal, count, name,
                capability / 10, capability % 10, memory / 1e9);
    }

    static CudaDevice open(int ordinal, int count) {
        CUdevice device = new CUdevice();
        JCudaDriver.cuDeviceGet(device, ordinal);
        // the primary context: the one CUDA's runtime and other libraries of this process share
        CUcontext context = new CUcontext();
        JCudaDriver.cuDevicePrimaryCtxRetain(context, device);
        JCudaDriver.cuCtxSetCurrent(context);
        return new CudaDevice(ordinal, count, context, name(device), memory(device), capability(device));
    }

    /** Makes this device's context the calling thread's (the driver keeps one per thread). */
    void makeCurrent() {
        JCudaDriver.cuCtxSetCurrent(context);
    }

    String describe() {
        return describe(ordinal, count, name, memory, capability);
    }

    @Override
    public FieldSpace open(CheckedModel model, Field[] fields, FieldBoundaries[] boundaries, HaloExchange exchange,
            Communicator comm, double[] scalars, ModelRanges ranges, boolean overlap) {
        if (capability < PTX_TARGET) {
            throw new ModelCannotRunException(describe() + " is too old: Stagger's GPU code targets compute capability "
                    + PTX_TARGET / 10 + "." + PTX_TARGET % 10 + " or newer; run with --backend cpu");
        }
        if (!(exchange instanceof CartesianExchange cartesian)) {
            throw new IllegalArgumentException("the CUDA backend exchanges halos through a CartesianExchange");
        }
        makeCurrent();
        long needed = CudaFieldSpace.bytesNeeded(model, fields, ranges);
        long[] free = new long[1];
        long[] total = new long[1];
        JCudaDriver.cuMemGetInfo(free, total);
        if (needed > free[0]) {
            throw new ModelCannotRunException(String.format(Locale.ROOT,
                    "%s: model %s needs %.2f GB of device memory on rank %d, and %.2f GB of %.2f GB are free;"
                            + " use more ranks (--ranks) or fewer cells", describe(), model.file().name(), needed / 1e9,
                    comm.rank(), free[0] / 1e9, total[0] / 1e9));
        }
        try {
            return new CudaFieldSpace(this, CudaModules.load(model, fields.length > 0 && fields[0].precision().bytes() == 4),
                    model, fields, boundaries, cartesian, comm, scalars, ranges, overlap);
        } catch (CudaException e) {
            throw new ModelCannotRunException(describe() + ": model " + model.file().name()
                    + " could not be set up on the device (" + e.getMessage() + ")");
        }
    }
}
