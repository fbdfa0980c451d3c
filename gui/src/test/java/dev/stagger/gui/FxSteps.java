package dev.stagger.gui;

import java.util.function.BooleanSupplier;
import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Steps of the screenshot apps, run on the FX thread without blocking it: after a pause, or once a
 * condition holds (looked at every 600 ms, for at most two minutes; then the JVM exits with 1 and
 * says what it waited for, so the test that started it fails at once with the reason).
 */
public final class FxSteps {
    private static final long STEP_MILLIS = 600;
    private static final long PATIENCE_MILLIS = 120_000;

    private FxSteps() {}

    public static void after(long millis, Runnable r) {
        PauseTransition p = new PauseTransition(Duration.millis(millis));
        p.setOnFinished(e -> r.run());
        p.play();
    }

    public static void later(Runnable r) {
        after(STEP_MILLIS, r);
    }

    /** Runs {@code then} a step after {@code ready} first holds. */
    public static void waitFor(BooleanSupplier ready, Runnable then) {
        waitFor(ready, then, System.nanoTime() + PATIENCE_MILLIS * 1_000_000L);
    }

    private static void waitFor(BooleanSupplier ready, Runnable then, long deadline) {
        later(() -> {
            if (ready.getAsBoolean()) {
                later(then);
            } else if (System.nanoTime() > deadline) {
                System.err.println("gave up after " + PATIENCE_MILLIS / 1000 + " s waiting for " + ready);
                System.exit(1);
            } else {
                waitFor(ready, then, deadline);
            }
        });
    }
}
