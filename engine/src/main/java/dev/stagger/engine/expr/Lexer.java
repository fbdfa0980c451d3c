package dev.stagger.engine.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits expression text into tokens, rejecting characters the grammar does not use. */
final class Lexer {
    private final String text;
    private int pos;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) {
        return new Lexer(text).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos >= text.length()) {
                tokens.add(new Token(Token.Kind.END, "", 0, ExpressionException.AT_END));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        char c = text.charAt(pos);
        int column = pos + 1;
        if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return number(column);
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return new Token(Token.Kind.NAME, text.substring(start, pos), 0, column);
        }
        pos++;
        Token.Kind kind = switch (c) {
            case '+' -> Token.Kind.PLUS;
            case '-' -> Token.Kind.MINUS;
            case '*' -> Token.Kind.STAR;
            case '/' -> Token.Kind.SLASH;
            case '^' -> Token.Kind.CARET;
            case '(' -> Token.Kind.LEFT;
            case ')' -> Token.Kind.RIGHT;
            case ',' -> Token.Kind.COMMA;
            default -> throw new ExpressionException("unexpected character '" + c + "'", column);
        };
        return new Token(kind, String.valueOf(c), 0, column);
    }

    private Token number(int column) {
        int start = pos;
        digits();
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            digits();
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos >= text.length() || !Character.isDigit(text.charAt(pos))) {
                // "2e" or "2ex": the exponent is missing, which is a typo rather than a name
                pos = Math.max(pos, mark + 1);
                throw new ExpressionException("malformed number '" + text.substring(start, pos) + "'", column);
            }
            digits();
        }
        if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
            // "2x" would silently mean nothing sensible; ask for the explicit product
            throw new ExpressionException("missing operator between '" + text.substring(start, pos)
                    + "' and '" + text.charAt(pos) + "' (write " + text.substring(start, pos) + "*"
                    + text.charAt(pos) + ")", pos + 1);
        }
        String literal = text.substring(start, pos);
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            // 1e400 would silently become Infinity; refused like a parameter written that way
            throw new ExpressionException("expected a finite number, got " + literal + " (too large)", column,
                    "the largest is about 1.8e308");
        }
        return new Token(Token.Kind.NUMBER, literal, value, column);
    }

    private void digits() {
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
    }
}
