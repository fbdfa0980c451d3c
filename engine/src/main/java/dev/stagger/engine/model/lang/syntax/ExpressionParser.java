package dev.stagger.engine.model.lang.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the expressions and statements of a model file. Precedence as in Julia, whose semantics
 * Chmy's models are written in: {@code ^} (right-associative) above unary minus, which binds
 * tighter than {@code * /}, then {@code + -} (left to right), then comparisons. {@code ∂x} is read
 * as the name {@code d_x}; {@code π} is a name like any other.
 */
public final class ExpressionParser {
    /** Deeper nesting is a mistake (or an attack), never a model. */
    private static final int MAX_DEPTH = 200;

    private final String text;
    private int pos;
    private int depth;

    private ExpressionParser(String text) {
        this.text = text;
    }

    public static Ast expression(String text) {
        ExpressionParser p = new ExpressionParser(text);
        Ast e = p.comparison();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw new SyntaxException("unexpected '" + text.charAt(p.pos) + "'", p.pos + 1);
        }
        return e;
    }

    /** {@code name = expr}, {@code name += expr}, ... */
    public static Ast.Statement statement(String text) {
        ExpressionParser p = new ExpressionParser(text);
        p.skipSpace();
        int at = p.pos + 1;
        String target = p.name();
        if (target == null) {
            throw new SyntaxException("a statement starts with the name it assigns, as in 'q = -chi*∂x(C)'", at);
        }
        p.skipSpace();
        String op = null;
        for (String candidate : new String[] {"+=", "-=", "*=", "/=", "="}) {
            if (text.startsWith(candidate, p.pos)) {
                op = candidate;
                break;
            }
        }
        if (op == null || (op.equals("=") && text.startsWith("==", p.pos))) {
            throw new SyntaxException("expected '=', '+=', '-=', '*=' or '/=' after '" + target + "'", p.pos + 1);
        }
        p.pos += op.length();
        Ast value = p.comparison();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw new SyntaxException("unexpected '" + text.charAt(p.pos) + "'", p.pos + 1);
        }
        return new Ast.Statement(target, at, op, value);
    }

    private Ast comparison() {
        Ast left = additive();
        skipSpace();
        for (String op : new String[] {"<=", ">=", "<", ">"}) {
            if (text.startsWith(op, pos)) {
                int at = pos + 1;
                pos += op.length();
                return new Ast.Binary(op, left, additive(), at);
            }
        }
        return left;
    }

    private Ast additive() {
        Ast left = multiplicative();
        while (true) {
            skipSpace();
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                int at = pos + 1;
                String op = String.valueOf(text.charAt(pos++));
                left = new Ast.Binary(op, left, multiplicative(), at);
            } else {
                return left;
            }
        }
    }

    private Ast multiplicative() {
        Ast left = unary();
        while (true) {
            skipSpace();
            if (pos < text.length() && (text.charAt(pos) == '*' || text.charAt(pos) == '/' || text.charAt(pos) == '·')) {
                int at = pos + 1;
                String op = text.charAt(pos) == '/' ? "/" : "*";
                pos++;
                left = new Ast.Binary(op, left, unary(), at);
            } else {
                return left;
            }
        }
    }

    private Ast unary() {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '-') {
            int at = pos + 1;
            pos++;
            enter(at);
            Ast operand = unary();
            depth--;
            return new Ast.Neg(operand, at);
        }
        if (pos < text.length() && text.charAt(pos) == '+') {
            pos++;
            return unary();
        }
        return power();
    }

    private Ast power() {
        Ast base = primary();
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '^') {
            int at = pos + 1;
            pos++;
            enter(at);
            Ast exponent = unary();
            depth--;
            return new Ast.Binary("^", base, exponent, at);
        }
        return base;
    }

    private Ast primary() {
        skipSpace();
        int at = pos + 1;
        if (pos >= text.length()) {
            throw new SyntaxException("the expression ends where a value was expected", at);
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            enter(at);
            Ast inner = comparison();
            depth--;
            expect(')', "a ')' to close the '(' at column " + at);
            return inner;
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return number();
        }
        if (c == '@') {
            pos++;
            int start = pos;
            while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
                pos++;
            }
            String code = text.substring(start, pos).toUpperCase(Locale.ROOT);
            if (code.isEmpty() || !code.chars().allMatch(ch -> ch == 'C' || ch == 'V')) {
                throw new SyntaxException("a location is written @ and one letter per dimension, C (center) or V"
                        + " (vertex), as in @CV", at);
            }
            return new Ast.Loc(code, at);
        }
        String name = name();
        if (name == null) {
            throw new SyntaxException("unexpected '" + c + "'", at);
        }
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '(') {
            pos++;
            enter(at);
            List<Ast> args = new ArrayList<>();
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == ')') {
                pos++;
            } else {
                while (true) {
                    args.add(comparison());
                    skipSpace();
                    if (pos < text.length() && text.charAt(pos) == ',') {
                        pos++;
                        continue;
                    }
                    expect(')', "',' or ')' in the arguments of " + name);
                    break;
                }
            }
            depth--;
            return new Ast.Call(name, args, at);
        }
        return new Ast.Name(name, at);
    }

    private Ast number() {
        int start = pos;
        int at = pos + 1;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        String literal = text.substring(start, pos);
        try {
            double v = Double.parseDouble(literal);
            if (!Double.isFinite(v)) {
                throw new SyntaxException("the number " + literal + " is too large", at);
            }
            return new Ast.Num(v, literal, at);
        } catch (NumberFormatException e) {
            throw new SyntaxException("'" + literal + "' is not a number", at);
        }
    }

    /** A name ({@code C}, {@code V.x}, {@code τ.xy}, {@code ∂x} read as {@code d_x}), or null. */
    private String name() {
        if (pos >= text.length()) {
            return null;
        }
        if (text.charAt(pos) == '∂') {
            if (pos + 1 < text.length() && "xyz".indexOf(text.charAt(pos + 1)) >= 0) {
                String n = "d_" + text.charAt(pos + 1);
                pos += 2;
                return n;
            }
            throw new SyntaxException("∂ is followed by the dimension, as in ∂x", pos + 1);
        }
        if (!Character.isLetter(text.charAt(pos)) && text.charAt(pos) != '_') {
            return null;
        }
        int start = pos;
        while (pos < text.length() && isNamePart(text.charAt(pos))) {
            pos++;
        }
        if (pos + 1 < text.length() && text.charAt(pos) == '.' && Character.isLetter(text.charAt(pos + 1))) {
            pos++;
            while (pos < text.length() && isNamePart(text.charAt(pos))) {
                pos++;
            }
        }
        return text.substring(start, pos);
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private void expect(char c, String what) {
        skipSpace();
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw new SyntaxException("expected " + what, pos + 1);
        }
        pos++;
    }

    private void enter(int at) {
        if (++depth > MAX_DEPTH) {
            throw new SyntaxException("the expression is nested more than " + MAX_DEPTH + " levels deep", at);
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
