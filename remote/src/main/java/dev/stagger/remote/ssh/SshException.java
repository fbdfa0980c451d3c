package dev.stagger.remote.ssh;

import java.io.IOException;

/**
 * A failure reaching or using a cluster, with a message for the user that names the host and the
 * step that failed and, where there is one, what to do about it.
 */
public class SshException extends IOException {
    public SshException(String message) {
        super(message);
    }

    public SshException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The connection itself is gone or could not be made (as opposed to a command that failed). */
    public static final class Unreachable extends SshException {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A host key that no known_hosts file lists was refused. */
    public static final class UnknownHostKey extends SshException {
        private final String host;
        private final String fingerprint;

        public UnknownHostKey(String message, String host, String fingerprint) {
            super(message);
            this.host = host;
            this.fingerprint = fingerprint;
        }

        public String host() {
            return host;
        }

        public String fingerprint() {
            return fingerprint;
        }
    }
}
