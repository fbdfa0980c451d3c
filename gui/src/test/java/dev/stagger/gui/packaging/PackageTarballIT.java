package dev.stagger.gui.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster tarball as a user gets it: {@code dev/package --tarball-only} from the jars this build
 * made, unpacked into an empty folder and run from another one with nothing of this machine's Java,
 * Maven or sources on the way (a bare PATH, no JAVA_HOME). Needs the JDK's jlink (skipped, saying
 * so, on a Java runtime without it); the app image and the .deb are built by dev/package itself.
 */
class PackageTarballIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    static Path tmp;

    static Path installed;

    private record Result(int exit, String output) {}

    private static Result run(Path dir, List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Path log = Files.createTempFile(tmp, "out", ".txt");
        builder.redirectOutput(log.toFile());
        if (env != null) {
            builder.environment().clear();
            builder.environment().putAll(env);
        }
        Process p = builder.start();
        // a guard against a hang, not a timing assertion
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not end; output: " + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log));
    }

    /** What a user's shell has, and no more. */
    private static Map<String, String> bareEnvironment() {
        return Map.of("PATH", "/usr/bin:/bin", "HOME", tmp.resolve("home").toString(), "LANG", "C.UTF-8");
    }

    @BeforeAll
    static void buildAndUnpack() throws Exception {
        Path jdk = Path.of(System.getProperty("java.home"));
        assumeTrue(Files.isExecutable(jdk.resolve("bin/jlink")) && Files.isExecutable(jdk.resolve("bin/jdeps")),
                "skipped: " + jdk + " has no jlink/jdeps (a JRE, not a JDK): dev/package needs them");
        assumeTrue(Files.isDirectory(ROOT.resolve("gui/target/lib")),
                "skipped: gui/target/lib is missing; run this IT through Maven's verify (it packages the jars first)");
        Files.createDirectories(tmp.resolve("home"));
        Path dist = tmp.resolve("dist");
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put("JAVA_HOME", jdk.toString());
        Result packaged = run(ROOT, List.of("dev/package", "--tarball-only", "--skip-build", "--dest", dist.toString()),
                env);
        assertThat(packaged.exit()).as(packaged.output()).isZero();
        Path tarball;
        try (Stream<Path> files = Files.list(dist)) {
            tarball = files.filter(f -> f.getFileName().toString().matches("stagger-.+-linux-x64\\.tar\\.gz"))
                    .findFirst().orElseThrow(() -> new AssertionError("no tarball in " + dist + ": " + packaged.output()));
        }
        Path unpack = Files.createDirectories(tmp.resolve("opt"));
        Result untar = run(unpack, List.of("tar", "xzf", tarball.toString()), null);
        assertThat(untar.exit()).as(untar.output()).isZero();
        String top = tarball.getFileName().toString().replace(".tar.gz", "");
        installed = unpack.resolve(top);
        assertThat(installed).isDirectory();
    }

    @Test
    void hasTheLauncherTheJarsTheEngineBundleAndARuntime() throws Exception {
        assertThat(installed.resolve("bin/stagger")).isExecutable();
        for (String jar : List.of("stagger-gui-", "stagger-remote-", "stagger-engine-", "javafx-graphics-", "picocli-")) {
            try (Stream<Path> lib = Files.list(installed.resolve("lib"))) {
                assertThat(lib.map(p -> p.getFileName().toString())).as(jar).anyMatch(n -> n.startsWith(jar));
            }
        }
        try (Stream<Path> engine = Files.list(installed.resolve("lib/engine"))) {
            assertThat(engine.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("stagger-engine-.*\\.jar"));
        }
        assertThat(installed.resolve("lib/samples/diffusion-2d.yaml")).isRegularFile();
        Result modules = run(installed, List.of(installed.resolve("runtime/bin/java").toString(), "--list-modules"),
                bareEnvironment());
        assertThat(modules.output()).contains("jdk.incubator.vector@", "java.compiler@", "java.prefs@", "java.desktop@",
                "jdk.unsupported@", "jdk.crypto.ec@");
    }

    @Test
    void showsItsVersionAndRunsASampleFromAnEmptyFolder() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        String stagger = installed.resolve("bin/stagger").toString();
        Result version = run(work, List.of(stagger, "--version"), bareEnvironment());
        assertThat(version.exit()).as(version.output()).isZero();
        assertThat(version.output()).containsPattern("(?m)^Stagger \\d+\\.\\d+\\.\\d+\\S* \\(commit [0-9a-f]{7,}(-modified)?\\)$")
                .contains("(" + System.getProperty("java.vendor") + ", " + installed.resolve("runtime") + ")")
                .containsPattern("(?m)^JavaFX 2\\d\\.")
                .doesNotContain("WARNING");
        Path project = Files.copy(installed.resolve("lib/samples/diffusion-2d.yaml"), work.resolve("d.yaml"));
        Result ran = run(work, List.of(stagger, "run", project.toString(), "--steps", "20", "--out", "OUT"),
                bareEnvironment());
        assertThat(ran.exit()).as(ran.output()).isZero();
        assertThat(ran.output()).contains("Done: 20 steps");
        assertThat(work.resolve("OUT/d.pvd")).isRegularFile();
        Result edited = run(work, List.of(stagger, "edit", project.toString(), "--set", "parameters.chi=0.5"),
                bareEnvironment());
        assertThat(edited.exit()).as(edited.output()).isZero();
        assertThat(Files.readString(project)).contains("chi: 0.5");
    }

    @Test
    void aProjectArgumentWithoutADisplaySaysWhatToDoInstead() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("nodisplay"));
        Path project = Files.copy(installed.resolve("lib/samples/diffusion-1d.yaml"), work.resolve("p.yaml"));
        Result r = run(work, List.of(installed.resolve("bin/stagger").toString(), project.toString()),
                bareEnvironment());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.output()).contains("needs a display").contains("stagger validate|run|edit").doesNotContain("Exception");
        Result missing = run(work, List.of(installed.resolve("bin/stagger").toString(), "nothing.yaml"),
                bareEnvironment());
        assertThat(missing.output()).contains("nothing.yaml: no such project file");
    }
}
