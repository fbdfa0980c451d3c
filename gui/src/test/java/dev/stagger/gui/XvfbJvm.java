package dev.stagger.gui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM on the test's class path with a real (Xvfb) display, for the tests of the real window: it
 * runs {@code mainClass} with the given system properties and writes its output to {@code log}.
 * The test is skipped where xvfb-run is not installed.
 */
public final class XvfbJvm {
    /** Where screenshots go: {@code gui/target/screenshots} (look at them). */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

    /** How the JVM ended: in time or not, its exit code, and what it printed. */
    public record Result(boolean finished, int exitCode, String output) {}

    private XvfbJvm() {}

    public static Result run(Class<?> mainClass, Map<String, String> properties, Path log, long timeoutSeconds)
            throws IOException, InterruptedException {
        return run(mainClass, properties, Map.of(), log, timeoutSeconds);
    }

    /** As {@link #run(Class, Map, Path, long)}, with {@code environment} added to the JVM's environment. */
    public static Result run(Class<?> mainClass, Map<String, String> properties, Map<String, String> environment,
            Path log, long timeoutSeconds) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/xvfb-run")),
                "xvfb-run is not installed (apt-get install xvfb libgtk-3-0); no screenshots taken");
        Files.createDirectories(SCREENSHOTS);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", java,
                "--add-modules", "jdk.incubator.vector", "-cp", cp, "-Dstagger.screenshots=" + SCREENSHOTS,
                "-Dprism.order=sw"));
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add(mainClass.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(environment);
        Process p = pb.start();
        boolean finished;
        try {
            finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        return new Result(finished, finished ? p.exitValue() : -1, Files.readString(log));
    }
}
