package dev.stagger.remote.sshconfig;

import java.util.Optional;

/**
 * An SSH configuration that cannot be used as written. The message names the file and line where there is
 * one, says what is wrong and what to do about it, and is ready to show as it is.
 */
public final class SshConfigException extends Exception {
    private final transient ConfigLocation location;

    public SshConfigException(String message) {
        super(message);
        this.location = null;
    }

    public SshConfigException(ConfigLocation location, String message) {
        super(location == null ? message : location + ": " + message);
        this.location = location;
    }

    public SshConfigException(String message, Throwable cause) {
        super(message, cause);
        this.location = null;
    }

    /** The line at fault, when the problem is on one line. */
    public Optional<ConfigLocation> location() {
        return Optional.ofNullable(location);
    }
}
