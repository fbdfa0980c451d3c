package dev.stagger.remote.testcluster;

import java.util.List;

/** What a finished local command (often an {@code ssh} client) gave back. */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

    public CommandResult {
        command = List.copyOf(command);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Standard output without the trailing newline(s). */
    public String out() {
        return stdout.stripTrailing();
    }

    /** This result, or an {@link AssertionError} that shows everything when the command failed. */
    public CommandResult requireSuccess() {
        if (!succeeded()) {
            throw new AssertionError("command failed: " + this);
        }
        return this;
    }

    @Override
    public String toString() {
        return String.join(" ", command) + "\n  exit " + exitCode
                + "\n  stdout: " + stdout.stripTrailing().replace("\n", "\n          ")
                + "\n  stderr: " + stderr.stripTrailing().replace("\n", "\n          ");
    }
}
