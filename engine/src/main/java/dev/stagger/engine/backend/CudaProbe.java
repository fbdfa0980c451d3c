package dev.stagger.engine.backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What this machine and this build lack for the CUDA backend: first what can be seen without
 * loading anything native (the JCuda classes, the driver library {@code libcuda.so.1}, devices
 * hidden by {@code CUDA_VISIBLE_DEVICES}), so a machine without a driver never crashes here; then,
 * only when those are there, the driver itself (initialised, with at least one device). The PTX
 * target and the memory needed against the memory free are checked per rank when its device opens.
 */
public final class CudaProbe {

    private static final List<String> LIBRARY_DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib",
            "/usr/local/cuda/lib64", "/usr/local/cuda/compat", "/usr/lib/wsl/lib", "/usr/lib/aarch64-linux-gnu");

    private final Map<String, String> env;
    private final Path root;
    private final ClassLoader loader;

    private final java.util.function.Function<StringBuilder, Devices> driver;

    /**
     * {@code root} stands for "/" and {@code driver} for the backend's devices (tests give their
     * own; the real ones load JCuda's native library).
     */
    CudaProbe(Map<String, String> env, Path root, ClassLoader loader,
            java.util.function.Function<StringBuilder, Devices> driver) {
        this.env = env;
        this.root = root;
        this.loader = loader;
        this.driver = driver;
    }

    public static CudaProbe ofThisMachine() {
        return new CudaProbe(System.getenv(), Path.of("/"), CudaProbe.class.getClassLoader(), CudaProbe::shared);
    }

    /** The backend's devices of this process: the driver is initialised once. */
    private static synchronized Devices shared(StringBuilder why) {
        if (loaded == null) {
            loaded = Devices.cuda(why);
        }
        return loaded;
    }

    /** What is missing, one phrase each; empty when the CUDA backend can run here. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!hasClass("jcuda.driver.JCudaDriver")) {
            missing.add("the JCuda library (jcuda.driver.JCudaDriver is not on the class path)");
        }
        if (driverLibrary() == null) {
            missing.add("the NVIDIA driver (no libcuda.so.1 in LD_LIBRARY_PATH or " + String.join(", ", LIBRARY_DIRS)
                    + ")");
        }
        String visible = env.get("CUDA_VISIBLE_DEVICES");
        if (visible != null && (visible.isBlank() || visible.trim().startsWith("-1"))) {
            missing.add("a visible GPU (CUDA_VISIBLE_DEVICES=" + visible + " hides them all)");
        }
        if (missing.isEmpty()) {
            // everything is in place to ask the driver itself
            StringBuilder why = new StringBuilder();
            Devices devices = devices(why);
            if (devices == null) {
                missing.add(why.toString());
            } else {
                missing.addAll(devices.problems());
            }
        }
        return missing;
    }

    /** The backend's devices, or null with the reason in {@code why}. */
    public Devices devices(StringBuilder why) {
        return driver.apply(why);
    }

    private static Devices loaded;

    private boolean hasClass(String name) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private Path driverLibrary() {
        List<String> dirs = new ArrayList<>();
        String ld = env.get("LD_LIBRARY_PATH");
        if (ld != null) {
            for (String d : ld.split(":")) {
                if (!d.isBlank()) {
                    dirs.add(d);
                }
            }
        }
        dirs.addAll(LIBRARY_DIRS);
        for (String d : dirs) {
            Path p = root.resolve(d.startsWith("/") ? d.substring(1) : d).resolve("libcuda.so.1");
            if (Files.exists(p)) {
                return p;
            }
        }
        return null;
    }
}
