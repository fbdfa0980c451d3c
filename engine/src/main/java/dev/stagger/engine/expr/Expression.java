package dev.stagger.engine.expr;

import java.util.ArrayList;
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
        return new Expression(text, Parser.parse(text));
    }

    public String text() {
        return text;
    }

    /** Identifiers other than function names, in order of first use: coordinates, pi, constants. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        collect(root, names);
        return names;
    }

    private static void collect(Ast node, Set<String> names) {
        if (node instanceof Ast.Name n) {
            names.add(n.name());
        } else if (node instanceof Ast.Negate n) {
            collect(n.operand(), names);
        } else if (node instanceof Ast.Binary b) {
            collect(b.left(), names);
            collect(b.right(), names);
        } else if (node instanceof Ast.Call c) {
            c.arguments().forEach(a -> collect(a, names));
        }
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
        return new Compiler(Map.copyOf(constants), dims, String.join(", ", known)).compile(root);
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
