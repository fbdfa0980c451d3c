package dev.stagger.engine.model.lang.cuda;

import dev.stagger.engine.model.lang.catalogue.Catalogue;
import dev.stagger.engine.model.lang.check.CheckedModel;
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
 * PTX of the built-in models, made at build time by nvcc where it exists: for each catalogue file
 * and precision, {@code ptx/<file>_<f64|f32>.ptx} beside this class (the GPU backend loads it as a
 * resource). Without nvcc nothing is built and the report says so; user models, and builds without
 * nvcc, will need NVRTC at run time.
 */
public final class PtxBuild {
    /** The flags of every PTX Stagger ships: the oldest target CUDA 13 has, no fused multiply-add. */
    public static final List<String> NVCC_FLAGS = List.of("-ptx", "-arch=compute_75", "--fmad=false");

    private PtxBuild() {}

    /**
     * Beside each PTX, the SHA-256 of the CUDA C it was built from: the backend loads a packaged
     * PTX only for a model whose generated source has that hash (never a stale one).
     */
    public static final String SOURCE_HASH = ".source-sha256";

    /** The hex SHA-256 of a generated source. */
    public static String sourceHash(String source) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(source.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /**
     * The packaged PTX of a model, if a built-in model's generated source equals this one's: the
     * PTX text, or empty (no nvcc at build time, or a model of the user's).
     */
    public static Optional<String> packaged(CheckedModel model, boolean f32) throws IOException {
        String hash = sourceHash(CudaEmitter.source(model, f32));
        for (String file : Catalogue.FILES) {
            String resource = resource(file, f32);
            try (InputStream h = CudaEmitter.class.getResourceAsStream(resource + SOURCE_HASH)) {
                if (h == null || !new String(h.readAllBytes(), StandardCharsets.UTF_8).trim().equals(hash)) {
                    continue;
                }
            }
            try (InputStream in = CudaEmitter.class.getResourceAsStream(resource)) {
                if (in != null) {
                    return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return Optional.empty();
    }

    /** The resource name of a built-in model's PTX, relative to this class. */
    public static String resource(String catalogueFile, boolean f32) {
        return "ptx/" + catalogueFile.replace(".yaml", "") + (f32 ? "_f32" : "_f64") + ".ptx";
    }

    /** nvcc on the PATH, in CUDA_HOME/bin or in /usr/local/cuda/bin. */
    public static Optional<Path> nvcc() {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(java.io.File.pathSeparator)));
        }
        String home = System.getenv("CUDA_HOME");
        if (home != null) {
            dirs.add(home + "/bin");
        }
        dirs.add("/usr/local/cuda/bin");
        for (String dir : dirs) {
            Path p = Path.of(dir, "nvcc");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Builds every built-in model's PTX into {@code classes} (the build's output folder), with
     * sources and nvcc's output in {@code work}; returns one line per model and precision, or the
     * line that says why nothing was built. A failing nvcc is an exception: the build stops.
     */
    public static List<String> build(Path classes, Path work) throws IOException, InterruptedException {
        return build(classes, work, nvcc());
    }

    /** As {@link #build(Path, Path)} with the given nvcc, or none. */
    public static List<String> build(Path classes, Path work, Optional<Path> nvcc)
            throws IOException, InterruptedException {
        if (nvcc.isEmpty()) {
            return List.of("nvcc not found (PATH, CUDA_HOME, /usr/local/cuda): the built-in models' PTX is not packaged;"
                    + " the GPU backend will need NVRTC at run time");
        }
        Path out = classes.resolve(CudaEmitter.class.getPackageName().replace('.', '/'));
        Files.createDirectories(work);
        StringBuilder headers = new StringBuilder();
        for (String header : List.of(CudaEmitter.HELPERS, CudaEmitter.SHIM)) {
            try (InputStream in = CudaEmitter.class.getResourceAsStream(header)) {
                if (in == null) {
                    throw new IOException(header + " is missing from the engine's resources");
                }
                byte[] bytes = in.readAllBytes();
                Files.write(work.resolve(header), bytes);
                headers.append(new String(bytes, StandardCharsets.UTF_8));
            }
        }
        List<String> report = new ArrayList<>();
        for (String file : Catalogue.FILES) {
            CheckedModel model = Catalogue.checked(file);
            for (boolean f32 : new boolean[] {false, true}) {
                String resource = resource(file, f32);
                Path source = work.resolve(Path.of(resource).getFileName().toString().replace(".ptx", ".cu"));
                String text = CudaEmitter.source(model, f32);
                Path target = out.resolve(resource);
                // a rebuild whose source and headers did not change keeps its PTX (nvcc takes seconds a file)
                Path stamp = source.resolveSibling(source.getFileName() + ".built-from");
                String from = text + headers;
                if (Files.isRegularFile(target) && Files.isRegularFile(stamp)
                        && Files.readString(stamp, StandardCharsets.UTF_8).equals(from)
                        && Files.isRegularFile(target.resolveSibling(target.getFileName() + SOURCE_HASH))) {
                    report.add(resource + " (unchanged)");
                    continue;
                }
                Files.deleteIfExists(stamp);
                Files.writeString(source, text, StandardCharsets.UTF_8);
                Files.createDirectories(target.getParent());
                List<String> command = new ArrayList<>();
                command.add(nvcc.get().toString());
                command.addAll(NVCC_FLAGS);
                command.addAll(List.of("-I" + work, source.toString(), "-o", target.toString()));
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output;
                try (InputStream in = p.getInputStream()) {
                    output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    throw new IOException("nvcc failed on " + source + ":\n" + output);
                }
                Files.writeString(stamp, from, StandardCharsets.UTF_8);
                Files.writeString(target.resolveSibling(target.getFileName() + SOURCE_HASH), sourceHash(text),
                        StandardCharsets.UTF_8);
                report.add(resource + " (" + Files.size(target) + " bytes)");
            }
        }
        return report;
    }
}
