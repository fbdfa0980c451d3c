package dev.stagger.engine.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over the grammar
 * <pre>
 * sum     = product (('+' | '-') product)*
 * product = unary (('*' | '/') unary)*
 * unary   = ('-' | '+') unary | power
 * power   = primary ('^' unary)?
 * primary = number | name | name '(' sum (',' sum)* ')' | '(' sum ')'
 * </pre>
 * so {@code ^} is right-associative and binds tighter than a leading minus, as in Julia and
 * mathematics: {@code -x^2 = -(x^2)}, {@code 2^3^2 = 2^9}, while {@code 2^-1} still works.
 *
 * <p>Sums and products are loops, so a sum of thousands of terms costs no stack. Everything else
 * that nests (parentheses, calls, signs, exponents) recurses, and is refused beyond
 * {@link Expression#MAX_NESTING} levels with a message rather than a StackOverflowError.
 */
final class Parser {
    private final List<Token> tokens;
    private int pos;
    private int depth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Ast parse(String text) {
        if (text.length() > Expression.MAX_LENGTH) {
            throw new ExpressionException("expression is " + text.length() + " characters long, more than the "
                    + Expression.MAX_LENGTH + " allowed", 1, "simplify it");
        }
        Parser parser = new Parser(Lexer.tokenize(text));
        if (parser.peek().kind() == Token.Kind.END) {
            throw new ExpressionException("the expression is empty", 1);
        }
        Ast root = parser.sum();
        Token rest = parser.peek();
        if (rest.kind() != Token.Kind.END) {
            throw new ExpressionException("unexpected " + rest.describe(), rest.column());
        }
        return root;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token take() {
        return tokens.get(pos++);
    }

    private boolean at(Token.Kind kind) {
        return peek().kind() == kind;
    }

    private Ast sum() {
        Ast left = product();
        while (at(Token.Kind.PLUS) || at(Token.Kind.MINUS)) {
            Token op = take();
            left = new Ast.Binary(op.text().charAt(0), left, product(), op.column());
        }
        return left;
    }

    private Ast product() {
        Ast left = unary();
        while (at(Token.Kind.STAR) || at(Token.Kind.SLASH)) {
            Token op = take();
            left = new Ast.Binary(op.text().charAt(0), left, unary(), op.column());
        }
        return left;
    }

    private Ast unary() {
        if (at(Token.Kind.MINUS)) {
            Token op = take();
            enter(op);
            Ast operand = unary();
            leave();
            return new Ast.Negate(operand, op.column());
        }
        if (at(Token.Kind.PLUS)) {
            enter(take());
            Ast operand = unary();
            leave();
            return operand;
        }
        return power();
    }

    private Ast power() {
        Ast base = primary();
        if (at(Token.Kind.CARET)) {
            Token op = take();
            enter(op);
            Ast exponent = unary();
            leave();
            return new Ast.Binary('^', base, exponent, op.column());
        }
        return base;
    }

    private Ast primary() {
        Token token = take();
        switch (token.kind()) {
            case NUMBER:
                return new Ast.Number(token.number(), token.column());
            case LEFT: {
                enter(token);
                Ast inner = sum();
                expect(Token.Kind.RIGHT, "')' to close the '(' at column " + token.column());
                leave();
                return inner;
            }
            case NAME:
                return at(Token.Kind.LEFT) ? call(token) : plainName(token);
            case END:
                throw new ExpressionException("expected an operand", ExpressionException.AT_END);
            default:
                throw new ExpressionException("unexpected " + token.describe(), token.column());
        }
    }

    private Ast plainName(Token token) {
        if (MathFunction.find(token.text()).isPresent()) {
            throw new ExpressionException("'" + token.text() + "' is a function: write " + token.text() + "(...)",
                    token.column());
        }
        return new Ast.Name(token.text(), token.column());
    }

    private Ast call(Token name) {
        MathFunction function = MathFunction.find(name.text()).orElseThrow(() -> new ExpressionException(
                "unknown function '" + name.text() + "'", name.column(), "functions: " + MathFunction.names()));
        take();
        enter(name);
        List<Ast> arguments = new ArrayList<>();
        if (!at(Token.Kind.RIGHT)) {
            arguments.add(sum());
            while (at(Token.Kind.COMMA)) {
                take();
                arguments.add(sum());
            }
        }
        expect(Token.Kind.RIGHT, "')' to close the call of '" + name.text() + "' at column " + name.column());
        leave();
        String arity = function.arityProblem(arguments.size());
        if (arity != null) {
            throw new ExpressionException(arity, name.column());
        }
        return new Ast.Call(function, arguments, name.column());
    }

    /**
     * One level deeper: a parenthesis, a call, a sign or an exponent. The limit keeps the parser, the
     * compiler and the evaluator (which all recurse once per level) far from the end of any thread's
     * stack. A failed parse is abandoned, so {@link #leave} needs no finally.
     */
    private void enter(Token opening) {
        if (++depth > Expression.MAX_NESTING) {
            throw new ExpressionException("expression nested deeper than " + Expression.MAX_NESTING + " levels",
                    opening.column(), "simplify it");
        }
    }

    private void leave() {
        depth--;
    }

    private void expect(Token.Kind kind, String what) {
        Token token = peek();
        if (token.kind() != kind) {
            if (token.kind() == Token.Kind.END) {
                throw new ExpressionException("expected " + what, ExpressionException.AT_END);
            }
            throw new ExpressionException("expected " + what + ", found " + token.describe(), token.column());
        }
        take();
    }
}
