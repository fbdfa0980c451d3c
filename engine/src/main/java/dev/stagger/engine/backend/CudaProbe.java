package dev.stagger.engine.backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What this machine and this build lack for the CUDA backend, found without loading anything
 * native (so a machine without a driver never crashes here): the GPU backend in this build, the
 * JCuda classes, the driver library {@code libcuda.so.1}, a visible NVIDIA device (respecting
 * {@code CUDA_VISIBLE_DEVICES}). The PTX target and the memory needed against the memory free
 * can only be asked of a device, once the backend can talk to one.
 */
public final class CudaProbe {
    /** Whether this build has a GPU backend (engine/.../backend/cuda); it does not yet. */
    static final boolean BACKEND_BUILT = false;

    private static final List<String> LIBRARY_DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib",
            "/usr/local/cuda/lib64", "/usr/local/cuda/compat", "/usr/lib/wsl/lib", "/usr/lib/aarch64-linux-gnu");

    private final Map<String, String> env;
    private final Path root;
    private final ClassLoader loader;

    /** {@code root} stands for "/" (tests give a folder of their own). */
    CudaProbe(Map<String, String> env, Path root, ClassLoader loader) {
        this.env = env;
        this.root = root;
        this.loader = loader;
    }

    public static CudaProbe ofThisMachine() {
        return new CudaProbe(System.getenv(), Path.of("/"), CudaProbe.class.getClassLoader());
    }

    /** What is missing, one phrase each; empty when the CUDA backend can run here. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!BACKEND_BUILT) {
            missing.add("the GPU backend (this build of Stagger generates and checks CUDA code but cannot run it yet)");
        }
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
        } else if (!Files.exists(root.resolve("dev/nvidia0")) && !Files.exists(root.resolve("dev/dxg"))) {
            missing.add("a GPU (no /dev/nvidia0)");
        }
        return missing;
    }

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
