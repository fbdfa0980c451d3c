package dev.stagger.engine.model;

/**
 * A model that cannot run here, for a reason the user can act on (no Java compiler for a model file,
 * a model that cannot restart from a checkpoint): the message says what and what to do, and the
 * run ends with it rather than with a stack trace.
 */
public class ModelCannotRunException extends RuntimeException {
    public ModelCannotRunException(String message) {
        super(message, null, false, false);
    }
}
