package dev.stagger.engine.model.lang;

import dev.stagger.engine.model.lang.cuda.CudaEmitter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The compilers the CUDA tests use (g++ for the CPU shim, nvcc for PTX), found on the PATH, and a
 * folder under {@code target/} for what they read and write (never the source tree).
 */
final class CudaToolchain {
    private CudaToolchain() {}

    /** The g++ flags of the CPU path: no contraction, so a*b+c is never fused (as Java computes it). */
    static final List<String> GXX_FLAGS = List.of("-x", "c++", "-std=c++17", "-O2", "-ffp-contract=off",
            "-fsanitize=address", "-fno-omit-frame-pointer");

    static final List<String> NVCC_FLAGS = List.of("-ptx", "-arch=compute_75", "--fmad=false");

    static Optional<Path> find(String program) {
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(path == null ? List.of() : List.of(path.split(java.io.File.pathSeparator)));
        if (program.equals("nvcc")) {
            String home = System.getenv("CUDA_HOME");
            if (home != null) {
                dirs.add(home + "/bin");
            }
            dirs.add("/usr/local/cuda/bin");
        }
        for (String dir : dirs) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** A fresh folder under the engine's target directory. */
    static Path workFolder(String name) throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        Path dir = target.resolve("cuda-test").resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_"));
        Files.createDirectories(dir);
        return dir;
    }

    /** Writes the helper header and the shim from the engine's resources into the folder. */
    static void writeHeaders(Path dir) throws IOException {
        for (String header : List.of(CudaEmitter.HELPERS, CudaEmitter.SHIM)) {
            try (InputStream in = CudaEmitter.class.getResourceAsStream(header)) {
                if (in == null) {
                    throw new IOException(header + " is missing from the engine's resources");
                }
                Files.write(dir.resolve(header), in.readAllBytes());
            }
        }
    }

    static String testResource(String name) throws IOException {
        try (InputStream in = CudaToolchain.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Runs a command in the folder; a non-zero exit is an AssertionError with the output. */
    static String run(Path dir, List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        return run(dir, command, java.util.Map.of(), timeoutSeconds);
    }

    static String run(Path dir, List<String> command, java.util.Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=0:exitcode=23");
        Process p = pb.start();
        byte[] output;
        try (InputStream in = p.getInputStream()) {
            output = in.readAllBytes();
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (exit " + p.exitValue() + "):\n" + text);
        }
        return text;
    }
}
