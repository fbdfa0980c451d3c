package dev.stagger.engine.expr;

/** One lexical unit of an expression; {@code column} is 1-based. */
record Token(Kind kind, String text, double number, int column) {

    enum Kind {
        NUMBER,
        NAME,
        PLUS,
        MINUS,
        STAR,
        SLASH,
        CARET,
        LEFT,
        RIGHT,
        COMMA,
        END
    }

    /** How the token reads in a message. */
    String describe() {
        return kind == Kind.END ? "the end of the expression" : "'" + text + "'";
    }
}
