package dev.stagger.gui.shell;

import dev.stagger.engine.live.RunEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code ./stagger run} started by a test, as a user would from a terminal: one thread, no
 * output steps, many steps (the test stops it). Closing it kills what is left of it, by its ids.
 */
final class CliRun implements AutoCloseable {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    final Process process;
    final Path out;

    private CliRun(Process process, Path out) {
        this.process = process;
        this.out = out;
    }

    static CliRun start(Path project, Path out) throws IOException {
        Files.createDirectories(out);
        Process p = new ProcessBuilder(List.of(ROOT.resolve("stagger").toString(), "run", project.toString(), "--out",
                out.toString(), "--steps", "1000000000", "--threads", "1", "--set", "output.every=0", "-q"))
                .redirectErrorStream(true).redirectOutput(out.resolveSibling(out.getFileName() + ".console").toFile())
                .start();
        return new CliRun(p, out);
    }

    /** The run's endpoint once it serves. */
    RunEndpoint awaitEndpoint() throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (!Files.exists(out.resolve(RunEndpoint.FILE_NAME))) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("the run did not start serving: "
                        + Files.readString(out.resolveSibling(out.getFileName() + ".console")));
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        return RunEndpoint.read(out);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
