package dev.stagger.engine.expr;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Turns an {@link Ast} into nested lambdas, folding every subtree without coordinates into a
 * constant and turning small whole powers into products (pow is slow and x^2 is everywhere in
 * initial conditions).
 */
final class Compiler {
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
            return binary(b.operator(), compile(b.left()), compile(b.right()));
        }
        Ast.Call call = (Ast.Call) node;
        return call.function().variadic() ? minMax(call) : unary(call.function().unary(), compile(call.arguments().get(0)));
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
