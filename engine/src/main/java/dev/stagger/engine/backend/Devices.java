package dev.stagger.engine.backend;

import java.util.List;
import java.util.Map;

/**
 * The GPUs of this machine as the CUDA backend sees them (package {@code backend.cuda}, loaded by
 * name so that a build or a machine without JCuda never touches it).
 */
public interface Devices {

    /** What keeps the backend from running here (driver, devices), one phrase each; empty when it can. */
    List<String> problems();

    /** One line per visible device (name, compute capability, memory); empty when {@link #problems()} has some. */
    List<String> describe();

    /**
     * The device of a rank, chosen by its node-local rank among the visible devices (the driver
     * already hides those {@code CUDA_VISIBLE_DEVICES} leaves out): an object the model's solver
     * opens its field space on ({@code model.lang.run.DeviceFieldSpaces}).
     */
    Object open(int localRank);

    /**
     * The CUDA backend, or null with the reason in {@code why} (the backend's classes or JCuda are
     * not in this build).
     */
    static Devices cuda(StringBuilder why) {
        try {
            return (Devices) Class.forName("dev.stagger.engine.backend.cuda.CudaDevices").getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            why.append("the GPU backend is not in this build (").append(e).append(')');
            return null;
        }
    }

    /**
     * This process's rank among those on its node: what Open MPI, MPICH, Slurm or Stagger's
     * in-process ranks say, else {@code fallback}.
     */
    static int localRank(Map<String, String> env, int fallback) {
        for (String name : List.of("OMPI_COMM_WORLD_LOCAL_RANK", "MPI_LOCALRANKID", "SLURM_LOCALID")) {
            String v = env.get(name);
            if (v != null) {
                try {
                    return Integer.parseInt(v.trim());
                } catch (NumberFormatException e) {
                    // an unexpected value: try the next source
                }
            }
        }
        return fallback;
    }
}
