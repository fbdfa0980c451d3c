package dev.stagger.engine.launch;

/** A kernel launch that may still be running; {@link #await()} finishes it (the caller may help). */
@FunctionalInterface
public interface Pending {
    void await();

    Pending DONE = () -> {};
}
