package dev.stagger.engine.live;

import java.io.IOException;

/**
 * The run's server answered and turned the client away, with its reason (wrong token, protocol
 * mismatch, too many clients). Unlike a server that does not answer, the reason is the whole truth:
 * nothing else (such as the run's state file) needs to be consulted.
 */
public final class LiveRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    LiveRefusedException(String reason) {
        super("the run refused the connection: " + reason);
    }
}
