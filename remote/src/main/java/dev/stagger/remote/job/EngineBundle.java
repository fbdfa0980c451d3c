package dev.stagger.remote.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a cluster needs to run the engine, less Open MPI's {@code mpi.jar} (which must match the
 * cluster's Open MPI): the engine jar and its libraries. Identified by a hash of names and contents,
 * so it is uploaded once per version and runs pin the exact bundle they started with.
 *
 * @param engineJar the engine's jar
 * @param libraries its dependencies (no mpi.jar, no SSH or GUI jars)
 */
public record EngineBundle(Path engineJar, List<Path> libraries, String hash) {

    /** Name of the engine jar inside a deployed bundle. */
    public static final String ENGINE_JAR = "stagger-engine.jar";

    /**
     * The bundle in a folder laid out as the build leaves it and the launcher copies it: the engine
     * jar and {@code lib/}.
     */
    public static EngineBundle in(Path folder) throws IOException {
        Path jar;
        try (Stream<Path> s = Files.list(folder)) {
            jar = s.filter(p -> p.getFileName().toString().matches("stagger-engine.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IOException(folder + " holds no stagger-engine jar (build it: ./mvnw -pl engine package)"));
        }
        List<Path> libs = new ArrayList<>();
        Path lib = folder.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> s = Files.list(lib)) {
                s.filter(p -> p.getFileName().toString().endsWith(".jar")).filter(p -> !excluded(p)).sorted().forEach(libs::add);
            }
        }
        return new EngineBundle(jar, libs, hash(jar, libs));
    }

    /** The bundle this process would deploy: named by -Dstagger.engine.dir (set by ./stagger), else the build's. */
    public static EngineBundle current() throws IOException {
        String dir = System.getProperty("stagger.engine.dir");
        if (dir != null) {
            return in(Path.of(dir));
        }
        Path root = Path.of(System.getProperty("stagger.root", "."));
        Path target = root.resolve("engine/target");
        if (Files.isDirectory(target)) {
            return in(target);
        }
        throw new IOException("cannot find the engine to deploy: run Stagger through ./stagger, or set"
                + " -Dstagger.engine.dir to a folder holding the engine jar and lib/");
    }

    /** Open MPI's bindings come from the cluster; SSH and test jars are not needed there. */
    private static boolean excluded(Path jar) {
        String n = jar.getFileName().toString();
        return n.startsWith("mpi-") || n.equals("mpi.jar") || n.startsWith("jsch-");
    }

    private static String hash(Path jar, List<Path> libs) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, ENGINE_JAR, jar);
            for (Path lib : libs) {
                update(digest, "lib/" + lib.getFileName(), lib);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String name, Path file) throws IOException {
        digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        digest.update((byte) 0);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        digest.update((byte) 0);
    }
}
