package dev.stagger.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The published function list is what the parser accepts, each with the arguments it says. */
class ExpressionFunctionsTest {
    @Test
    void everyListedFunctionParsesWithItsArguments() {
        assertThat(Expression.functions()).contains("exp(x)", "log(x)", "min(a, b, ...)", "max(a, b, ...)");
        for (String f : Expression.functions()) {
            String call = f.replace("(a, b, ...)", "(x, y, 1)");
            assertThat(Expression.parse(call).names()).as(call).contains("x");
        }
        assertThat(Expression.functions()).hasSize(MathFunction.values().length);
    }
}
