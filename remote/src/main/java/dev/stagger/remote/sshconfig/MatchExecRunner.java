package dev.stagger.remote.sshconfig;

import java.io.IOException;
import java.time.Duration;

/**
 * Runs the command of a {@code Match exec} criterion, the one place where resolving a configuration runs code.
 * Tests put a fake here; {@link #shell(Duration)} is the real thing.
 */
@FunctionalInterface
public interface MatchExecRunner {

    /**
     * Whether {@code command} (tokens already expanded) exits with status 0. Throws when it cannot be run or
     * does not finish in time; the resolver reports that with the file and line of the {@code Match}.
     */
    boolean succeeds(String command) throws IOException;

    /** Runs the command with {@code /bin/sh -c}, no input, output discarded, killed after {@code timeout}. */
    static MatchExecRunner shell(Duration timeout) {
        return new ShellMatchExec(timeout);
    }
}
