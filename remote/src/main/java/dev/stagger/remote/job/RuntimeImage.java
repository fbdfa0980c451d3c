package dev.stagger.remote.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A Java runtime for clusters that have no Java 17+: a {@code jlink} image of this machine's JDK
 * with just the modules the engine needs, packed as a {@code .tar.gz}. Built once per JDK and
 * kept in {@code $XDG_CACHE_HOME/stagger/runtimes/}. It only runs where this machine's OS and
 * architecture do, which {@link #fits} checks against the cluster's {@code uname -sm}.
 *
 * @param id names the image: JDK version, architecture and module set ({@code 17.0.15-x86_64-m2})
 */
public record RuntimeImage(String id, Path archive) {
    /**
     * What the engine's classes use (jdeps), plus what is loaded by name or only on some paths: model
     * files are compiled to JVM code when they load, through {@code javax.tools} (java.compiler), whose
     * implementation is jdk.compiler.
     */
    static final List<String> MODULES = List.of("java.base", "java.desktop", "java.management", "java.xml",
            "java.logging", "jdk.unsupported", "jdk.incubator.vector", "java.compiler", "jdk.compiler");

    /** Changes whenever {@link #MODULES} does, so an image cached with fewer modules is not reused. */
    static final String MODULES_REVISION = "m2";

    /** This machine's architecture in {@code uname -m} spelling. */
    public static String localArch() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
    }

    /** Whether an image made here runs on a host whose {@code uname -sm} printed this. */
    public static boolean fits(String unameSm) {
        String[] parts = unameSm.strip().split("\\s+");
        return parts.length == 2 && parts[0].equals("Linux") && System.getProperty("os.name", "").equals("Linux")
                && parts[1].equals(localArch());
    }

    /** The image for this JDK, made with jlink into {@code cache} unless it is there already. */
    public static RuntimeImage build(Path cache) throws IOException {
        String id = Runtime.version().toString().replaceAll("[^A-Za-z0-9.+-]", "_") + "-" + localArch() + "-"
                + MODULES_REVISION;
        Path archive = cache.resolve("runtime-" + id + ".tar.gz");
        if (Files.isRegularFile(archive)) {
            return new RuntimeImage(id, archive);
        }
        Files.createDirectories(cache);
        Path work = Files.createTempDirectory(cache, ".jlink-");
        try {
            Path image = work.resolve("runtime");
            Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
            if (!Files.isExecutable(jlink)) {
                throw new IOException("this Java (" + System.getProperty("java.home") + ") has no jlink to make a runtime"
                        + " for the cluster; run Stagger with a full JDK, or install Java 17+ on the cluster");
            }
            run(List.of(jlink.toString(), "--add-modules", String.join(",", MODULES), "--strip-debug", "--no-header-files",
                    "--no-man-pages", "--output", image.toString()), work);
            Path partial = work.resolve("runtime.tar.gz");
            run(List.of("tar", "-czf", partial.toString(), "-C", image.toString(), "."), work);
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new RuntimeImage(id, archive);
        } finally {
            deleteTree(work);
        }
    }

    private static void run(List<String> command, Path dir) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("making the cluster runtime failed: " + String.join(" ", command) + ": " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while making the cluster runtime");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> all = new ArrayList<>();
        try (var walk = Files.walk(root)) {
            walk.forEach(all::add);
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            Files.deleteIfExists(all.get(i));
        }
    }
}
