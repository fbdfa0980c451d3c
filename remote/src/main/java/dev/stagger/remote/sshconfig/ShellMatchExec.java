package dev.stagger.remote.sshconfig;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** {@code Match exec} through {@code /bin/sh -c}, as OpenSSH runs it, but with a time limit OpenSSH lacks. */
final class ShellMatchExec implements MatchExecRunner {
    private final Duration timeout;

    ShellMatchExec(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public boolean succeeds(String command) throws IOException {
        Process process = new ProcessBuilder("/bin/sh", "-c", command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        process.getOutputStream().close(); // no input, as OpenSSH gives it /dev/null
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException("the command did not finish within " + describe(timeout));
            }
            return process.exitValue() == 0;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while running Match exec");
        }
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
