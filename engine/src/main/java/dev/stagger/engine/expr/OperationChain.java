package dev.stagger.engine.expr;

import java.util.List;

/**
 * A long left-to-right run of operations, {@code ((a op1 b) op2 c) op3 d ...}, evaluated in one
 * loop. Nested lambdas would call one another once per term: a sum of thousands of terms would then
 * overflow the stack at the first point. The result is the same as the nested form's, operation by
 * operation in the same order (only {@code ^} uses Math.pow throughout, where short chains turn
 * x^2 into x*x: within an ulp).
 */
final class OperationChain implements CompiledExpression {
    /** Operators beyond + - * / ^: the two-argument steps of min(...) and max(...). */
    static final char MIN = 'm';
    static final char MAX = 'M';

    private final CompiledExpression first;
    private final char[] operators;
    private final CompiledExpression[] operands;

    private OperationChain(CompiledExpression first, char[] operators, CompiledExpression[] operands) {
        this.first = first;
        this.operators = operators;
        this.operands = operands;
    }

    /**
     * {@code first}, then each operator applied with the next operand. A constant start is folded
     * with the constant operands that follow it; the rest stays a loop (folding later constants
     * would reorder the operations and change the rounding).
     */
    static CompiledExpression of(CompiledExpression first, List<Character> operators, List<CompiledExpression> operands) {
        CompiledExpression start = first;
        int i = 0;
        while (i < operands.size() && start.isConstant() && operands.get(i).isConstant()) {
            start = CompiledExpression.constant(apply(operators.get(i), start.constantValue(),
                    operands.get(i).constantValue()));
            i++;
        }
        if (i == operands.size()) {
            return start;
        }
        int n = operands.size() - i;
        char[] ops = new char[n];
        CompiledExpression[] values = new CompiledExpression[n];
        for (int k = 0; k < n; k++) {
            ops[k] = operators.get(i + k);
            values[k] = operands.get(i + k);
        }
        return new OperationChain(start, ops, values);
    }

    static double apply(char operator, double a, double b) {
        return switch (operator) {
            case MIN -> Math.min(a, b);
            case MAX -> Math.max(a, b);
            default -> Compiler.apply(operator, a, b);
        };
    }

    @Override
    public double value(double x, double y, double z) {
        double result = first.value(x, y, z);
        for (int i = 0; i < operators.length; i++) {
            result = apply(operators[i], result, operands[i].value(x, y, z));
        }
        return result;
    }
}
