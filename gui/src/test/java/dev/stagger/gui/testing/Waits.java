package dev.stagger.gui.testing;

import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Test helpers: a single "UI thread" executor, and waiting for a condition read on it (with a deadline against hangs). */
public final class Waits {
    private Waits() {}

    public static <T> T onUi(ExecutorService ui, Callable<T> c) throws Exception {
        return ui.submit(c).get(60, TimeUnit.SECONDS);
    }

    public static void until(ExecutorService ui, Callable<Boolean> condition, Supplier<String> what) throws Exception {
        Instant deadline = Instant.now().plusSeconds(180);
        while (!onUi(ui, condition)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting: " + what.get());
            }
            Thread.sleep(100);
        }
    }
}
