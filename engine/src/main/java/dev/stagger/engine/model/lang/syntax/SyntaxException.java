package dev.stagger.engine.model.lang.syntax;

/** A mistake inside one expression or statement, at a 1-based column of its text. */
public final class SyntaxException extends RuntimeException {
    private final int column;

    public SyntaxException(String reason, int column) {
        super(reason, null, false, false);
        this.column = column;
    }

    public int column() {
        return column;
    }
}
