package dev.stagger.gui.common;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns a failure that came through a future into the sentence the user reads. */
public final class Failures {
    private Failures() {}

    /** The message of the failure under the future's wrappers; its class name when it has none. */
    public static String why(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
