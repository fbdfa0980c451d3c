package dev.stagger.engine.run;

/**
 * A run that cannot go on, for a reason every rank found together (so no rank has to end the
 * others): the message is for the user and the same on every rank, step and time are where the
 * run stopped. Live clients were already told; outputs written before stay as they are.
 */
public final class RunFailedException extends RuntimeException {
    private final long step;
    private final double time;

    public RunFailedException(String message, long step, double time) {
        // the message says everything; a stack trace would only hide it
        super(message, null, false, false);
        this.step = step;
        this.time = time;
    }

    public long step() {
        return step;
    }

    public double time() {
        return time;
    }
}
