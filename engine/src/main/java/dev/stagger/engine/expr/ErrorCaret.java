package dev.stagger.engine.expr;

/** Renders an expression mistake for a terminal: the text, then a caret under the column. */
public final class ErrorCaret {
    private ErrorCaret() {}

    /**
     * Two lines, e.g.
     * <pre>
     *   exp(-x^2 - q)
     *             ^ unknown name 'q'; known names: x, y, pi
     * </pre>
     * {@code indent} is prepended to both lines so the caret stays aligned under a prefix.
     */
    public static String render(String text, ExpressionException error, String indent) {
        int column = Math.max(1, Math.min(error.columnIn(text), text.length() + 1));
        StringBuilder pad = new StringBuilder(indent);
        for (int i = 0; i < column - 1; i++) {
            // keep tabs as tabs so the caret lines up however the terminal expands them
            pad.append(text.charAt(i) == '\t' ? '\t' : ' ');
        }
        String detail = error.reason() + (error.hint() == null ? "" : "; " + error.hint());
        return indent + text + System.lineSeparator() + pad + "^ " + detail;
    }

    public static String render(String text, ExpressionException error) {
        return render(text, error, "");
    }
}
