package dev.stagger.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Expressions too deep or too long for a recursive parser, compiler or evaluator: refused with a
 * message at a column, or (long sums, products, min/max) simply working. Never a StackOverflowError.
 */
class ExpressionLimitsTest {

    private static CompiledExpression bind(String text) {
        return Expression.parse(text).bind(Map.of("chi", 2.0), 3);
    }

    private static void assertRefused(String text, int column, String reason) {
        assertThatThrownBy(() -> bind(text)).isInstanceOfSatisfying(ExpressionException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.hint()).isEqualTo("simplify it");
            assertThat(e.column()).isEqualTo(column);
        });
    }

    @Test
    void aThousandNestedParenthesesAreRefusedAtTheFirstLevelTooDeep() {
        assertRefused("(".repeat(1000) + "x" + ")".repeat(1000), 257, "expression nested deeper than 256 levels");
    }

    @Test
    void tenThousandUnaryMinusesAreRefused() {
        assertRefused("-".repeat(10_000) + "x", 257, "expression nested deeper than 256 levels");
        assertRefused("+".repeat(10_000) + "x", 257, "expression nested deeper than 256 levels");
    }

    @Test
    void fiveThousandNestedCallsAreRefused() {
        assertRefused("sin(".repeat(5000) + "x" + ")".repeat(5000), 256 * 4 + 1,
                "expression nested deeper than 256 levels");
    }

    @Test
    void aLongPowerTowerIsNestingToo() {
        assertRefused("x" + "^x".repeat(1000), 2 + 2 * 256, "expression nested deeper than 256 levels");
    }

    @Test
    void exactlyTheLimitStillWorks() {
        int depth = Expression.MAX_NESTING;
        assertThat(bind("(".repeat(depth) + "x + 1" + ")".repeat(depth)).value(2, 0, 0)).isEqualTo(3.0);
        assertThat(bind("-".repeat(depth) + "x").value(2, 0, 0)).isEqualTo(2.0);
        assertThat(bind("abs(".repeat(depth) + "x" + ")".repeat(depth)).value(-2, 0, 0)).isEqualTo(2.0);
    }

    @Test
    void aTextLongerThanTheLimitIsRefusedAsAWhole() {
        String text = "x" + "+x".repeat(Expression.MAX_LENGTH / 2);
        assertRefused(text, 1, "expression is " + text.length() + " characters long, more than the "
                + Expression.MAX_LENGTH + " allowed");
    }

    @Test
    void aSumOfSevenThousandTermsWorksAndKeepsTheOrderOfOperations() {
        StringBuilder text = new StringBuilder("x");
        for (int i = 1; i < 7000; i++) {
            text.append(i % 3 == 0 ? " - " : " + ").append(i % 7 == 0 ? "x*y" : i % 5 == 0 ? i + "e-3" : "0.1*x");
        }
        CompiledExpression f = bind(text.toString());
        for (double x : new double[] {0.3, -1.7, 1e6}) {
            double y = 0.25;
            // the same operations, left to right, as the parser reads them
            double expected = x;
            for (int i = 1; i < 7000; i++) {
                double term = i % 7 == 0 ? x * y : i % 5 == 0 ? Double.parseDouble(i + "e-3") : 0.1 * x;
                expected = i % 3 == 0 ? expected - term : expected + term;
            }
            assertThat(f.value(x, y, 0)).isEqualTo(expected);
        }
    }

    @Test
    void longProductsAndMinMaxWorkToo() {
        assertThat(bind("x" + "*x".repeat(6999)).value(1.0001, 0, 0)).isEqualTo(power(1.0001, 7000));
        assertThat(bind("max(x" + ", y".repeat(6999) + ", 7)").value(1, 2, 0)).isEqualTo(7.0);
        assertThat(bind("min(x" + ", y".repeat(6999) + ")").value(1, -2, 0)).isEqualTo(-2.0);
        assertThat(bind("8" + "/x".repeat(7000)).value(1, 0, 0)).isEqualTo(8.0);
    }

    private static double power(double base, int n) {
        double p = base;
        for (int i = 1; i < n; i++) {
            p *= base;
        }
        return p;
    }

    @Test
    void aLongRunOfConstantsFoldsToOneValue() {
        CompiledExpression f = bind("1" + " + 1".repeat(6999));
        assertThat(f.isConstant()).isTrue();
        assertThat(f.constantValue()).isEqualTo(7000.0);
        // constants after a coordinate stay in place: (x + 1) + 1 is not x + 2 in floating point
        CompiledExpression g = bind("x" + " + 1e-16".repeat(10));
        assertThat(g.value(1, 0, 0)).isEqualTo(1.0);
    }

    @Test
    void namesOfALongSumAreListedInOrder() {
        assertThat(Expression.parse("x" + " + y".repeat(7000) + " + chi*z").names()).containsExactly("x", "y", "chi",
                "z");
    }

    @Test
    void theWorstNestingAllowedEvaluatesOnASmallThreadStack() throws Exception {
        // every level a run of operations as long as still nests as lambdas, the deep part innermost
        String text = "x";
        for (int i = 0; i < Expression.MAX_NESTING; i++) {
            text = "(" + text + ")*x*x*x*x + x + x + x + x";
        }
        String deepest = text;
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                CompiledExpression f = Expression.parse(deepest).bind(Map.of(), 1);
                double sum = 0;
                for (int i = 0; i < 10_000; i++) {
                    sum += f.value(0.5 + i * 1e-5, 0, 0);
                }
                result.set(sum);
            } catch (Throwable e) {
                result.set(e);
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        assertThat(result.get()).isInstanceOf(Double.class);
    }

    @Test
    void aStackTooSmallForTheLimitStillGivesAMessage() throws Exception {
        String deep = "sin(".repeat(Expression.MAX_NESTING) + "x" + ")".repeat(Expression.MAX_NESTING);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                Expression.parse(deep).bind(Map.of(), 1);
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "tiny-stack", 64 * 1024);
        t.start();
        t.join();
        // the JVM may round a tiny stack up; whatever it gives, only a message may come out
        if (thrown.get() != null) {
            assertThat(thrown.get()).isInstanceOf(ExpressionException.class)
                    .hasMessage("expression nested too deeply to read at column 1; simplify it");
        }
    }

    @Test
    void aNumberTooLargeForADoubleIsRefusedLikeAParameter() {
        assertThatThrownBy(() -> Expression.parse("2 + 1e400")).isInstanceOfSatisfying(ExpressionException.class,
                e -> assertThat(e.getMessage()).isEqualTo("expected a finite number, got 1e400 (too large) at column 5;"
                        + " the largest is about 1.8e308"));
        // within range it is a number; what it computes to is validation's business (not finite there)
        assertThat(bind("1e308*10").constantValue()).isInfinite();
        assertThat(bind("1e-400").constantValue()).isZero();
    }
}
