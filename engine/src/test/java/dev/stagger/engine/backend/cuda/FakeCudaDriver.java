package dev.stagger.engine.backend.cuda;

import dev.stagger.engine.model.lang.check.CheckedModel;
import dev.stagger.engine.model.lang.cuda.CudaEmitter;
import dev.stagger.engine.model.lang.cuda.PtxBuild;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Builds the CPU stand-in for the CUDA driver ({@code src/test/native/fakecuda/fake_cuda.cpp}) as
 * {@code libcuda.so.1}, and the modules it runs: each model's generated CUDA C compiled by g++
 * through the CPU shim, named by the hash of the PTX the backend will load for it. Every entry
 * point JCuda's native library links against and the stand-in does not implement answers
 * CUDA_ERROR_NOT_SUPPORTED, so a backend that calls one fails loudly instead of crashing.
 */
final class FakeCudaDriver {
    /** JCuda's driver binding inside its natives jar. */
    static final String JCUDA_DRIVER = "/lib/libJCudaDriver-12.0.0-linux-x86_64.so";

    /** JCuda's NVRTC binding inside its natives jar. */
    static final String JCUDA_NVRTC = "/lib/libJNvrtc-12.0.0-linux-x86_64.so";

    final Path dir;
    final Path modules;
    /** Where the NVRTC stand-in lies, apart: a run finds it only when this folder is on its library path. */
    final Path nvrtc;

    private FakeCudaDriver(Path dir) {
        this.dir = dir;
        this.modules = dir.resolve("modules");
        this.nvrtc = dir.resolve("nvrtc");
    }

    /** Why the stand-in cannot be built here (no g++ or nm, no packaged PTX), or empty. */
    static Optional<String> unavailable() throws IOException {
        for (String tool : List.of("g++", "nm")) {
            if (find(tool).isEmpty()) {
                return Optional.of("no " + tool + " on the PATH");
            }
        }
        if (PtxBuild.packaged(dev.stagger.engine.model.lang.catalogue.Catalogue.checked("diffusion-2d.yaml"), false)
                .isEmpty()) {
            return Optional.of("no packaged PTX (this build had no nvcc)");
        }
        return Optional.empty();
    }

    static Optional<Path> find(String program) {
        String path = System.getenv("PATH");
        for (String d : path == null ? new String[0] : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(d, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Builds (or reuses) the stand-in in target/fake-cuda. */
    static FakeCudaDriver build() throws Exception {
        Path dir = Path.of("target", "fake-cuda").toAbsolutePath();
        FakeCudaDriver driver = new FakeCudaDriver(dir);
        Files.createDirectories(driver.modules);
        Files.createDirectories(driver.nvrtc);
        Path source = Path.of("src/test/native/fakecuda/fake_cuda.cpp").toAbsolutePath();
        Path nvrtcSource = Path.of("src/test/native/fakecuda/fake_nvrtc.cpp").toAbsolutePath();
        Path library = dir.resolve("libcuda.so.1");
        Path stamp = dir.resolve("libcuda.so.1.from");
        String from = Files.readString(source) + Files.readString(nvrtcSource);
        if (Files.isRegularFile(library) && Files.isRegularFile(stamp) && Files.readString(stamp).equals(from)) {
            return driver;
        }
        // NVRTC's stand-in: its symbols in the version JCuda's binding asks for
        Files.writeString(dir.resolve("nvrtc.map"), "libnvrtc.so.12 { global: nvrtc*; local: *; };\n");
        link(dir, nvrtcSource, JCUDA_NVRTC, "nvrtc", "3; /* INVALID_INPUT */",
                List.of("-Wl,--version-script=nvrtc.map", "-Wl,-soname,libnvrtc.so.12", "-o",
                        driver.nvrtc.resolve("libnvrtc.so.12").toString()));
        link(dir, source, JCUDA_DRIVER, "cu", "801; /* NOT_SUPPORTED */",
                List.of("-o", library.toString(), "-ldl", "-lpthread"));
        Files.writeString(stamp, from);
        return driver;
    }

    /**
     * Compiles a stand-in and links it with a stub for every entry point (named {@code prefix...})
     * that JCuda's native library {@code binding} links against and the stand-in leaves out.
     */
    private static void link(Path dir, Path source, String binding, String prefix, String stubResult,
            List<String> linkArguments) throws Exception {
        String name = source.getFileName().toString().replace(".cpp", "");
        Path jni = dir.resolve(name + "-binding.so");
        try (InputStream in = FakeCudaDriver.class.getResourceAsStream(binding)) {
            if (in == null) {
                throw new IOException(binding + " is not on the class path (the jcuda-natives jar)");
            }
            Files.write(jni, in.readAllBytes());
        }
        run(dir, List.of("g++", "-std=c++17", "-O1", "-fPIC", "-c", source.toString(), "-o", name + ".o"));
        TreeSet<String> wanted = symbols(dir, List.of("nm", "-D", "--undefined-only", jni.toString()));
        TreeSet<String> defined = symbols(dir, List.of("nm", "--defined-only", name + ".o"));
        StringBuilder stubs = new StringBuilder("// entry points JCuda links against that the stand-in leaves out\n");
        for (String symbol : wanted) {
            if (symbol.startsWith(prefix) && !defined.contains(symbol)) {
                stubs.append("extern \"C\" int ").append(symbol).append("() { return ").append(stubResult).append(" }\n");
            }
        }
        Files.writeString(dir.resolve(name + "-stubs.cpp"), stubs);
        List<String> command = new ArrayList<>(List.of("g++", "-shared", "-fPIC", name + ".o", name + "-stubs.cpp"));
        command.addAll(linkArguments);
        run(dir, command);
    }

    private static TreeSet<String> symbols(Path dir, List<String> command) throws Exception {
        TreeSet<String> names = new TreeSet<>();
        for (String line : run(dir, command).split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 2) {
                names.add(parts[parts.length - 1].replaceAll("@.*", ""));
            }
        }
        return names;
    }

    /** Compiles the module the stand-in runs for a model's packaged PTX, unless it is there. */
    void module(CheckedModel model, boolean f32) throws Exception {
        String ptx = PtxBuild.packaged(model, f32).orElseThrow(() -> new IOException("no packaged PTX for "
                + model.file().name()));
        Path so = modules.resolve(String.format("%016x.so", fnv1a(ptx.getBytes(StandardCharsets.UTF_8))));
        if (Files.isRegularFile(so)) {
            return;
        }
        Path work = Files.createTempDirectory(dir, "module");
        for (String header : List.of(CudaEmitter.HELPERS, CudaEmitter.SHIM)) {
            try (InputStream in = CudaEmitter.class.getResourceAsStream(header)) {
                Files.write(work.resolve(header), in.readAllBytes());
            }
        }
        Files.writeString(work.resolve("model.cu"), CudaEmitter.source(model, f32));
        Path partial = work.resolve("module.so");
        run(work, List.of("g++", "-x", "c++", "-std=c++17", "-O1", "-ffp-contract=off", "-fPIC", "-shared",
                "-DSTAGGER_SHIM_LAUNCH", "-I.", "model.cu", "-o", partial.toString(), "-lpthread"));
        Files.move(partial, so, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The environment of a process that should find the stand-in instead of the NVIDIA driver (no NVRTC). */
    Map<String, String> environment(int devices, Path log) {
        return environment(devices, log, false);
    }

    /** As {@link #environment(int, Path)}, with NVRTC's stand-in too when {@code withNvrtc}. */
    Map<String, String> environment(int devices, Path log, boolean withNvrtc) {
        return Map.of("LD_LIBRARY_PATH", withNvrtc ? dir + ":" + nvrtc : dir.toString(), "STAGGER_FAKE_CUDA_MODULES",
                modules.toString(), "STAGGER_FAKE_CUDA_DEVICES", Integer.toString(devices), "STAGGER_FAKE_CUDA_LOG",
                log.toString());
    }

    /** FNV-1a, 64 bits: how the stand-in names a module image. */
    static long fnv1a(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static String run(Path dir, List<String> command) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
