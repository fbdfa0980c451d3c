package dev.stagger.engine.expr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed math expression such as {@code exp(-x^2 - y^2)} or {@code chi*sin(pi*x)}: numbers,
 * {@code + - * / ^}, parentheses, the functions {@code exp sin cos tan sqrt abs min max tanh log},
 * the coordinates {@code x y z}, {@code pi} and named constants supplied when binding.
 * Parsing checks the syntax; {@link #bind} checks the names against what the caller allows.
 */
public final class Expression {
    /**
     * Most levels of parentheses, calls, signs and exponents inside one another. Real initial
     * conditions use a handful; the limit keeps every recursive pass over an expression a few
     * hundred frames deep, safe on any thread's stack.
     */
    public static final int MAX_NESTING = 256;

    /**
     * Most characters in one expression: thousands of terms, still cheap to check on a grid. Long
     * sums and products themselves cost no stack (they are loops everywhere).
     */
    public static final int MAX_LENGTH = 100_000;

    private static final String[] COORDINATES = {"x", "y", "z"};

    private final String text;
    private final Ast root;

    private Expression(String text, Ast root) {
        this.text = text;
        this.root = root;
    }

    /** Parses {@code text}; throws {@link ExpressionException} pointing at the first mistake. */
    public static Expression parse(String text) {
        Objects.requireNonNull(text, "text");
        try {
            return new Expression(text, Parser.parse(text));
        } catch (StackOverflowError e) {
            throw tooDeep();
        }
    }

    /**
     * The last resort when a thread's stack is smaller than the nesting limit assumes: a message,
     * never a StackOverflowError, reaches the user.
     */
    private static ExpressionException tooDeep() {
        return new ExpressionException("expression nested too deeply to read", 1, "simplify it");
    }

    public String text() {
        return text;
    }

    /**
     * The functions an expression may call, each as "name(x)" or "name(a, b, ...)" for those that
     * take two or more arguments, in the order the parser knows them (the workbench's manual lists them).
     */
    public static java.util.List<String> functions() {
        return java.util.Arrays.stream(MathFunction.values())
                .map(f -> f.label() + (f.variadic() ? "(a, b, ...)" : "(x)")).toList();
    }

    /** Identifiers other than function names, in order of first use: coordinates, pi, constants. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        // a stack of nodes still to visit, not recursion: a sum's tree is as deep as it has terms
        Deque<Ast> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Ast node = pending.pop();
            if (node instanceof Ast.Name n) {
                names.add(n.name());
            } else if (node instanceof Ast.Negate n) {
                pending.push(n.operand());
            } else if (node instanceof Ast.Binary b) {
                pending.push(b.right());
                pending.push(b.left());
            } else if (node instanceof Ast.Call c) {
                for (int i = c.arguments().size() - 1; i >= 0; i--) {
                    pending.push(c.arguments().get(i));
                }
            }
        }
        return names;
    }

    /**
     * Binds the expression for a grid of {@code dims} dimensions: it may use the first {@code dims}
     * of x, y, z, {@code pi}, and the given constants. Throws {@link ExpressionException} at the
     * column of the first name that is none of these, listing the names that are allowed.
     */
    public CompiledExpression bind(Map<String, Double> constants, int dims) {
        if (dims < 1 || dims > 3) {
            throw new IllegalArgumentException("dims must be 1, 2 or 3, got " + dims);
        }
        List<String> known = new ArrayList<>();
        for (int d = 0; d < dims; d++) {
            known.add(COORDINATES[d]);
        }
        known.add("pi");
        for (String name : constants.keySet()) {
            if (name.equals("pi") || name.equals("x") || name.equals("y") || name.equals("z")
                    || MathFunction.find(name).isPresent()) {
                throw new IllegalArgumentException("constant name '" + name + "' is reserved");
            }
            known.add(name);
        }
        try {
            return new Compiler(Map.copyOf(constants), dims, String.join(", ", known)).compile(root);
        } catch (StackOverflowError e) {
            throw tooDeep();
        }
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Expression e && e.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
