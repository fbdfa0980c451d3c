package dev.stagger.engine.expr;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/** The functions an expression may call, with their arity. */
enum MathFunction {
    EXP("exp", Math::exp),
    SIN("sin", Math::sin),
    COS("cos", Math::cos),
    TAN("tan", Math::tan),
    SQRT("sqrt", Math::sqrt),
    ABS("abs", Math::abs),
    TANH("tanh", Math::tanh),
    LOG("log", Math::log),
    MIN("min", null),
    MAX("max", null);

    private final String label;
    private final DoubleUnaryOperator unary;

    MathFunction(String label, DoubleUnaryOperator unary) {
        this.label = label;
        this.unary = unary;
    }

    String label() {
        return label;
    }

    /** The operation of a one-argument function; null for min and max. */
    DoubleUnaryOperator unary() {
        return unary;
    }

    boolean variadic() {
        return unary == null;
    }

    /** Null when the argument count fits, else the reason it does not. */
    String arityProblem(int arguments) {
        if (variadic()) {
            return arguments >= 2 ? null : "'" + label + "' takes at least 2 arguments, got " + arguments;
        }
        return arguments == 1 ? null : "'" + label + "' takes 1 argument, got " + arguments;
    }

    static Optional<MathFunction> find(String name) {
        return Arrays.stream(values()).filter(f -> f.label.equals(name)).findFirst();
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(MathFunction::label).toList());
    }
}
