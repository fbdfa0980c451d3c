package dev.stagger.engine.model.lang.check;

import java.util.List;

/** Walking {@link Node} trees. */
public final class Nodes {
    private Nodes() {}

    /** The direct children of a node, in evaluation order. */
    public static List<Node> children(Node n) {
        if (n instanceof Node.Shift s) {
            return List.of(s.child());
        }
        if (n instanceof Node.Neg g) {
            return List.of(g.operand());
        }
        if (n instanceof Node.Bin b) {
            return List.of(b.left(), b.right());
        }
        if (n instanceof Node.Fn f) {
            return f.args();
        }
        if (n instanceof Node.Pow p) {
            return List.of(p.base());
        }
        if (n instanceof Node.PowReal p) {
            return List.of(p.base(), p.exponent());
        }
        if (n instanceof Node.If f) {
            return List.of(f.condition(), f.then(), f.otherwise());
        }
        return List.of();
    }

    /** Whether the tree reads a field anywhere. */
    public static boolean readsField(Node n) {
        return n instanceof Node.Read || children(n).stream().anyMatch(Nodes::readsField);
    }
}
