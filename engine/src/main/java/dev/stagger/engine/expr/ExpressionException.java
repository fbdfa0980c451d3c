package dev.stagger.engine.expr;

/**
 * A mistake in an expression the user wrote. Unchecked because callers (project validation, the
 * CLI) turn it into a message at once; it never reaches the user as a stack trace.
 *
 * <p>{@link #column()} is 1-based; {@link #AT_END} means "after the last character", where a
 * message says "at the end of the expression" rather than naming a column past the text.
 */
public final class ExpressionException extends RuntimeException {
    /** Column value for problems found after the last character. */
    public static final int AT_END = -1;

    private final int column;
    private final String reason;
    private final String hint;

    public ExpressionException(String reason, int column) {
        this(reason, column, null);
    }

    public ExpressionException(String reason, int column, String hint) {
        super(format(reason, column, hint), null, false, false);
        this.reason = reason;
        this.column = column;
        this.hint = hint;
    }

    private static String format(String reason, int column, String hint) {
        String where = column == AT_END ? " at the end of the expression" : " at column " + column;
        return reason + where + (hint == null ? "" : "; " + hint);
    }

    /** 1-based column of the offending character, or {@link #AT_END}. */
    public int column() {
        return column;
    }

    /** Column within {@code text}: {@link #AT_END} becomes one past the last character. */
    public int columnIn(String text) {
        return column == AT_END ? text.length() + 1 : column;
    }

    /** What is wrong, without the position ("unknown function 'sinn'"). */
    public String reason() {
        return reason;
    }

    /** What would be right, or null ("known names: x, y, pi"). */
    public String hint() {
        return hint;
    }
}
