package dev.stagger.engine.model.lang.check;

import java.util.List;

/**
 * A checked expression: every name resolved to a slot, every staggered-grid operator lowered to
 * neighbour reads ({@link Shift}) and arithmetic in Chmy's operation order. Both the reference
 * evaluator and the code generator walk this tree, so they cannot disagree on what a model means.
 */
public sealed interface Node {

    /** A number. */
    record Const(double value) implements Node {}

    /** A run scalar: parameter, constant, spacing, time step, reduction result, per-step scalar. */
    record Scalar(int slot, String name) implements Node {}

    /** A field component at the current point (plus the shifts around it). */
    record Read(int field, String name) implements Node {}

    /** The coordinate along {@code dim} of the current point as a center or a vertex there. */
    record Coord(int dim, boolean vertex) implements Node {}

    /** {@code condition != 0 ? then : otherwise}. */
    record If(Node condition, Node then, Node otherwise) implements Node {}

    /** A kernel-local temporary at the current point. */
    record Local(int slot, String name) implements Node {}

    /** {@code child} evaluated {@code delta} points away along dimension {@code dim}. */
    record Shift(int dim, int delta, Node child) implements Node {}

    record Neg(Node operand) implements Node {}

    /** {@code + - * /}, and comparisons {@code < <= > >=} (1 or 0) in loop conditions. */
    record Bin(String op, Node left, Node right) implements Node {}

    /** abs, sqrt, exp (one argument), min, max (two). */
    record Fn(String name, List<Node> args) implements Node {
        public Fn {
            args = List.copyOf(args);
        }
    }

    /** {@code base^n} for a literal whole n >= 1: multiplied out left to right, as Julia's literal powers. */
    record Pow(Node base, int n) implements Node {}

    /** {@code base^exponent} for anything else, through {@code Math.pow}. */
    record PowReal(Node base, Node exponent) implements Node {}
}
