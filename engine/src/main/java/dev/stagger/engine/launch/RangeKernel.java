package dev.stagger.engine.launch;

/**
 * A kernel over an inclusive index box. Implementations clip the box to the points they update
 * once, then loop with running flat indices; they must compute each point independently of the
 * order, so that any split of the box gives bit-for-bit the same result.
 */
@FunctionalInterface
public interface RangeKernel {
    void run(Box box);
}
