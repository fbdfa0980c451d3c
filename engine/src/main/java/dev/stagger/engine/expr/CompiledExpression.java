package dev.stagger.engine.expr;

/**
 * An expression bound to its constants and ready to evaluate at a point. Coordinates a grid lacks
 * are ignored (pass 0). Built as a tree of small lambdas, so the JIT inlines it into the fill loop.
 */
@FunctionalInterface
public interface CompiledExpression {

    double value(double x, double y, double z);

    /** True when no coordinate is used: the value is the same everywhere. */
    default boolean isConstant() {
        return false;
    }

    /** The value of a constant expression; only valid when {@link #isConstant()}. */
    default double constantValue() {
        throw new IllegalStateException("the expression depends on the coordinates");
    }

    static CompiledExpression constant(double value) {
        return new Constant(value);
    }

    /** A folded expression: evaluation returns the stored value, and callers may fill in bulk. */
    record Constant(double value) implements CompiledExpression {
        @Override
        public double value(double x, double y, double z) {
            return value;
        }

        @Override
        public boolean isConstant() {
            return true;
        }

        @Override
        public double constantValue() {
            return value;
        }
    }
}
