package dev.stagger.engine.checkpoint;

import java.io.IOException;

/**
 * A sound checkpoint that does not fit the run restarting from it: another precision, grid, model
 * or field. A mistake in the options or the project (exit code 2), not a damaged file.
 */
public final class CheckpointMismatchException extends IOException {
    private static final long serialVersionUID = 1L;

    public CheckpointMismatchException(String message) {
        super(message);
    }
}
