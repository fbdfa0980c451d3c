package dev.stagger.remote.testcluster;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs local commands with a deadline, reading both output streams (so neither pipe can fill up). */
final class Commands {
    private static final File NO_INPUT = new File("/dev/null");
    /** Blocking reads get their own threads: the common pool may have a single one. */
    private static final Executor READERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "command-output-reader");
        thread.setDaemon(true);
        return thread;
    });

    private Commands() {
    }

    static CommandResult run(List<String> command, Duration timeout) {
        return run(command, null, timeout);
    }

    static CommandResult run(List<String> command, Path workingDirectory, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(NO_INPUT);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        CompletableFuture<String> stdout = readAsync(process.getInputStream());
        CompletableFuture<String> stderr = readAsync(process.getErrorStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new IllegalStateException("no answer within " + timeout + " from " + String.join(" ", command)
                        + "\n  stdout so far: " + stdout.getNow("") + "\n  stderr so far: " + stderr.getNow(""));
            }
            // a daemon the command left behind may hold the pipes open: do not wait for it forever
            return new CommandResult(command, process.exitValue(), awaitOutput(stdout), awaitOutput(stderr));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /**
     * Runs a command whose output goes to {@code log} (stdout and stderr together) rather than to
     * pipes: for scripts that start daemons, which could otherwise inherit and hold the pipes.
     */
    static int runLogged(List<String> command, Path log, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(NO_INPUT)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new IllegalStateException("no answer within " + timeout + " from " + String.join(" ", command)
                        + " (output in " + log + ")");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static String awaitOutput(CompletableFuture<String> output) {
        try {
            return output.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return output.getNow("") + "[output still open 5 s after the command ended]";
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read a command's output", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static CompletableFuture<String> readAsync(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, READERS);
    }
}
