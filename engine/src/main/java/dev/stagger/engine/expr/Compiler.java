package dev.stagger.engine.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Turns an {@link Ast} into nested lambdas, folding every subtree without coordinates into a
 * constant and turning small whole powers into products (pow is slow and x^2 is everywhere in
 * initial conditions).
 *
 * <p>Runs of operations ({@code a + b - c + ...}, {@code min(a, b, c, ...)}) are walked in loops,
 * never one call per term: short runs become nested lambdas, which the JIT inlines, and longer ones
 * an {@link OperationChain}, so neither compiling nor evaluating a sum of thousands of terms goes
 * deeper on the stack than a sum of two.
 */
final class Compiler {
    /** Longest run of operations compiled as nested lambdas; longer runs evaluate in a loop. */
    static final int NESTED_RUN = 4;

    private final Map<String, Double> constants;
    private final int dims;
    private final String knownNames;

    Compiler(Map<String, Double> constants, int dims, String knownNames) {
        this.constants = constants;
        this.dims = dims;
        this.knownNames = knownNames;
    }

    CompiledExpression compile(Ast node) {
        if (node instanceof Ast.Number n) {
            return CompiledExpression.constant(n.value());
        }
        if (node instanceof Ast.Name n) {
            return name(n);
        }
        if (node instanceof Ast.Negate n) {
            CompiledExpression a = compile(n.operand());
            return a.isConstant() ? CompiledExpression.constant(-a.constantValue()) : (x, y, z) -> -a.value(x, y, z);
        }
        if (node instanceof Ast.Binary b) {
            return run(b);
        }
        Ast.Call call = (Ast.Call) node;
        return call.function().variadic() ? minMax(call) : unary(call.function().unary(), compile(call.arguments().get(0)));
    }

    /**
     * The parser builds {@code a + b - c} as {@code (a + b) - c}: a spine of operations down the left
     * side, as long as the run has terms. It is collected in a loop; only the right operands, one
     * level of nesting deeper, are compiled recursively.
     */
    private CompiledExpression run(Ast.Binary last) {
        List<Ast.Binary> spine = new ArrayList<>();
        Ast node = last;
        while (node instanceof Ast.Binary b) {
            spine.add(b);
            node = b.left();
        }
        Collections.reverse(spine);
        CompiledExpression first = compile(node);
        if (spine.size() <= NESTED_RUN) {
            CompiledExpression result = first;
            for (Ast.Binary b : spine) {
                result = binary(b.operator(), result, compile(b.right()));
            }
            return result;
        }
        List<Character> operators = new ArrayList<>(spine.size());
        List<CompiledExpression> operands = new ArrayList<>(spine.size());
        for (Ast.Binary b : spine) {
            operators.add(b.operator());
            operands.add(compile(b.right()));
        }
        return OperationChain.of(first, operators, operands);
    }

    private CompiledExpression name(Ast.Name n) {
        int coordinate = switch (n.name()) {
            case "x" -> 0;
            case "y" -> 1;
            case "z" -> 2;
            default -> -1;
        };
        if (coordinate >= 0) {
            if (coordinate >= dims) {
                throw new ExpressionException("'" + n.name() + "' is not a coordinate of a " + dims + "D grid",
                        n.column(), "known names: " + knownNames);
            }
            return coordinate == 0 ? (x, y, z) -> x : coordinate == 1 ? (x, y, z) -> y : (x, y, z) -> z;
        }
        if (n.name().equals("pi")) {
            return CompiledExpression.constant(Math.PI);
        }
        Double value = constants.get(n.name());
        if (value == null) {
            throw new ExpressionException("unknown name '" + n.name() + "'", n.column(), "known names: " + knownNames);
        }
        return CompiledExpression.constant(value);
    }

    private static CompiledExpression binary(char op, CompiledExpression a, CompiledExpression b) {
        if (a.isConstant() && b.isConstant()) {
            return CompiledExpression.constant(apply(op, a.constantValue(), b.constantValue()));
        }
        if (op == '^' && b.isConstant()) {
            CompiledExpression power = smallPower(a, b.constantValue());
            if (power != null) {
                return power;
            }
        }
        if (a.isConstant()) {
            double c = a.constantValue();
            return switch (op) {
                case '+' -> (x, y, z) -> c + b.value(x, y, z);
                case '-' -> (x, y, z) -> c - b.value(x, y, z);
                case '*' -> (x, y, z) -> c * b.value(x, y, z);
                case '/' -> (x, y, z) -> c / b.value(x, y, z);
                default -> (x, y, z) -> Math.pow(c, b.value(x, y, z));
            };
        }
        if (b.isConstant()) {
            double c = b.constantValue();
            return switch (op) {
                case '+' -> (x, y, z) -> a.value(x, y, z) + c;
                case '-' -> (x, y, z) -> a.value(x, y, z) - c;
                case '*' -> (x, y, z) -> a.value(x, y, z) * c;
                case '/' -> (x, y, z) -> a.value(x, y, z) / c;
                default -> (x, y, z) -> Math.pow(a.value(x, y, z), c);
            };
        }
        return switch (op) {
            case '+' -> (x, y, z) -> a.value(x, y, z) + b.value(x, y, z);
            case '-' -> (x, y, z) -> a.value(x, y, z) - b.value(x, y, z);
            case '*' -> (x, y, z) -> a.value(x, y, z) * b.value(x, y, z);
            case '/' -> (x, y, z) -> a.value(x, y, z) / b.value(x, y, z);
            default -> (x, y, z) -> Math.pow(a.value(x, y, z), b.value(x, y, z));
        };
    }

    /** x^2, x^3, x^4 as products: within an ulp or two of Math.pow and several times faster. */
    private static CompiledExpression smallPower(CompiledExpression a, double exponent) {
        if (exponent == 1) {
            return a;
        }
        if (exponent == 2) {
            return (x, y, z) -> {
                double v = a.value(x, y, z);
                return v * v;
            };
        }
        if (exponent == 3) {
            return (x, y, z) -> {
                double v = a.value(x, y, z);
                return v * v * v;
            };
        }
        if (exponent == 4) {
            return (x, y, z) -> {
                double v = a.value(x, y, z);
                double v2 = v * v;
                return v2 * v2;
            };
        }
        return null;
    }

    static double apply(char op, double a, double b) {
        return switch (op) {
            case '+' -> a + b;
            case '-' -> a - b;
            case '*' -> a * b;
            case '/' -> a / b;
            default -> Math.pow(a, b);
        };
    }

    private static CompiledExpression unary(DoubleUnaryOperator f, CompiledExpression a) {
        if (a.isConstant()) {
            return CompiledExpression.constant(f.applyAsDouble(a.constantValue()));
        }
        return (x, y, z) -> f.applyAsDouble(a.value(x, y, z));
    }

    private CompiledExpression minMax(Ast.Call call) {
        boolean max = call.function() == MathFunction.MAX;
        List<Ast> args = call.arguments();
        if (args.size() - 1 > NESTED_RUN) {
            List<CompiledExpression> rest = new ArrayList<>(args.size() - 1);
            for (int i = 1; i < args.size(); i++) {
                rest.add(compile(args.get(i)));
            }
            char step = max ? OperationChain.MAX : OperationChain.MIN;
            return OperationChain.of(compile(args.get(0)), Collections.nCopies(rest.size(), step), rest);
        }
        CompiledExpression result = compile(args.get(0));
        for (int i = 1; i < args.size(); i++) {
            CompiledExpression a = result;
            CompiledExpression b = compile(args.get(i));
            if (a.isConstant() && b.isConstant()) {
                double v = max ? Math.max(a.constantValue(), b.constantValue()) : Math.min(a.constantValue(), b.constantValue());
                result = CompiledExpression.constant(v);
            } else {
                result = max ? (x, y, z) -> Math.max(a.value(x, y, z), b.value(x, y, z))
                        : (x, y, z) -> Math.min(a.value(x, y, z), b.value(x, y, z));
            }
        }
        return result;
    }
}
