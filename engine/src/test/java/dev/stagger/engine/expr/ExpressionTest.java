package dev.stagger.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionTest {

    private static double eval(String text, double x, double y, double z) {
        return Expression.parse(text).bind(Map.of("chi", 2.0), 3).value(x, y, z);
    }

    private static double eval(String text) {
        return eval(text, 0, 0, 0);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
        "1 + 2 * 3; 7",
        "(1 + 2) * 3; 9",
        "2 ^ 3 ^ 2; 512",
        "(2 ^ 3) ^ 2; 64",
        "-2 ^ 2; -4",
        "(-2) ^ 2; 4",
        "2 ^ -1; 0.5",
        "-2 ^ -2; -0.25",
        "8 / 4 / 2; 1",
        "8 - 4 - 2; 2",
        "2 * 3 ^ 2; 18",
        "- - 3; 3",
        "+3 - -3; 6",
        "1 - 2 + 3; 2",
        "6 / 2 * 3; 9",
        "2 ^ 2 * 3; 12",
        "-3 * -2; 6",
        ".5 + 1e-3 + 2.5E2; 250.501",
        "1e+2; 100",
        "chi * 3; 6",
    })
    void precedenceAndAssociativity(String text, double expected) {
        assertThat(eval(text)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void unaryMinusAppliesAfterThePowerOfAVariable() {
        assertThat(eval("-x^2", 3, 0, 0)).isEqualTo(-9.0);
        assertThat(eval("-x^2 - y^2", 1, 2, 0)).isEqualTo(-5.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {"exp", "sin", "cos", "tan", "sqrt", "abs", "tanh", "log"})
    void everyOneArgumentFunctionMatchesJavaMath(String name) {
        java.util.function.DoubleUnaryOperator reference = switch (name) {
            case "exp" -> Math::exp;
            case "sin" -> Math::sin;
            case "cos" -> Math::cos;
            case "tan" -> Math::tan;
            case "sqrt" -> Math::sqrt;
            case "abs" -> Math::abs;
            case "tanh" -> Math::tanh;
            default -> Math::log;
        };
        CompiledExpression f = Expression.parse(name + "(x)").bind(Map.of(), 1);
        for (double x : new double[] {0.1, 0.7, 1.3, 2.9, 17.5}) {
            double expected = reference.applyAsDouble(x);
            assertThat(f.value(x, 0, 0)).as("%s(%s)", name, x).isEqualTo(expected);
        }
    }

    @Test
    void minAndMaxTakeTwoOrMoreArguments() {
        assertThat(eval("min(3, 1, 2)")).isEqualTo(1.0);
        assertThat(eval("max(3, 1, 2)")).isEqualTo(3.0);
        assertThat(eval("max(x, y)", -1, 4, 0)).isEqualTo(4.0);
        assertThat(eval("min(x, y, z)", 5, 4, -7)).isEqualTo(-7.0);
        assertThat(eval("abs(x)", -0.4, 0, 0)).isEqualTo(0.4);
    }

    @Test
    void evaluatesLikeJavaMathAtManyPoints() {
        CompiledExpression f = Expression.parse("exp(-x^2 - y^2) + 0.5*sin(pi*z)^3 - abs(x*y)/(1 + z^4)")
                .bind(Map.of(), 3);
        for (double x = -2; x <= 2; x += 0.37) {
            for (double y = -2; y <= 2; y += 0.41) {
                for (double z = -1; z <= 1; z += 0.29) {
                    double expected = Math.exp(-Math.pow(x, 2) - Math.pow(y, 2))
                            + 0.5 * Math.pow(Math.sin(Math.PI * z), 3) - Math.abs(x * y) / (1 + Math.pow(z, 4));
                    assertThat(f.value(x, y, z)).isCloseTo(expected, within(1e-14));
                }
            }
        }
    }

    @Test
    void foldsSubtreesWithoutCoordinates() {
        CompiledExpression constant = Expression.parse("2*pi*chi + sqrt(16) - max(1, 2, chi^2)")
                .bind(Map.of("chi", 3.0), 2);
        assertThat(constant.isConstant()).isTrue();
        assertThat(constant).isInstanceOf(CompiledExpression.Constant.class);
        assertThat(constant.constantValue()).isCloseTo(2 * Math.PI * 3 + 4 - 9, within(1e-12));

        CompiledExpression varying = Expression.parse("x + 2*3").bind(Map.of(), 1);
        assertThat(varying.isConstant()).isFalse();
        assertThatThrownBy(varying::constantValue).isInstanceOf(IllegalStateException.class);
        assertThat(varying.value(1, 0, 0)).isEqualTo(7.0);
    }

    @Test
    void namesListsIdentifiersButNotFunctions() {
        assertThat(Expression.parse("chi*exp(-x^2) + max(y, pi, q)").names()).containsExactly("chi", "x", "y", "pi", "q");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "1 + sinn(x) | 5 | unknown function 'sinn' at column 5; functions: exp, sin, cos, tan, sqrt, abs, tanh, log, min, max",
        "(1 + 2) * 3) | 12 | unexpected ')' at column 12",
        "1 + | 0 | expected an operand at the end of the expression",
        "max(x) | 1 | 'max' takes at least 2 arguments, got 1 at column 1",
        "2 * min() | 5 | 'min' takes at least 2 arguments, got 0 at column 5",
        "sin(x, y) | 1 | 'sin' takes 1 argument, got 2 at column 1",
        "exp(1 | 0 | expected ')' to close the call of 'exp' at column 1 at the end of the expression",
        "(x + 1 | 0 | expected ')' to close the '(' at column 1 at the end of the expression",
        "(x 1) | 4 | expected ')' to close the '(' at column 1, found '1' at column 4",
        "x $ 2 | 3 | unexpected character '$' at column 3",
        "2x | 2 | missing operator between '2' and 'x' (write 2*x) at column 2",
        "1e+ | 1 | malformed number '1e+' at column 1",
        "`  ` | 1 | the expression is empty at column 1",
        "* 2 | 1 | unexpected '*' at column 1",
        "sin + 1 | 1 | 'sin' is a function: write sin(...) at column 1",
        "1 2 | 3 | unexpected '2' at column 3",
    })
    void syntaxErrorsSayWhatAndWhere(String text, int column, String message) {
        assertThatThrownBy(() -> Expression.parse(text))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.column()).isEqualTo(column == 0 ? ExpressionException.AT_END : column);
                });
    }

    @Test
    void unknownNamesAreReportedWhenBindingWithTheKnownOnes() {
        Map<String, Double> constants = new LinkedHashMap<>();
        constants.put("chi", 1.0);
        Expression e = Expression.parse("x*q + y");
        assertThatThrownBy(() -> e.bind(constants, 2))
                .isInstanceOfSatisfying(ExpressionException.class, ex -> {
                    assertThat(ex.getMessage()).isEqualTo("unknown name 'q' at column 3; known names: x, y, pi, chi");
                    assertThat(ex.column()).isEqualTo(3);
                    assertThat(ex.reason()).isEqualTo("unknown name 'q'");
                });
    }

    @Test
    void aCoordinateTheGridLacksIsNamedAsSuch() {
        assertThatThrownBy(() -> Expression.parse("sin(z)").bind(Map.of(), 2))
                .hasMessage("'z' is not a coordinate of a 2D grid at column 5; known names: x, y, pi");
        assertThatThrownBy(() -> Expression.parse("y").bind(Map.of(), 1))
                .hasMessage("'y' is not a coordinate of a 1D grid at column 1; known names: x, pi");
    }

    @Test
    void caretPointsAtTheColumn() {
        String text = "exp(-x^2 - q)";
        ExpressionException error = org.junit.jupiter.api.Assertions.assertThrows(ExpressionException.class,
                () -> Expression.parse(text).bind(Map.of(), 1));
        String nl = System.lineSeparator();
        assertThat(ErrorCaret.render(text, error, "  "))
                .isEqualTo("  exp(-x^2 - q)" + nl + "  " + " ".repeat(11) + "^ unknown name 'q'; known names: x, pi");
        ExpressionException atEnd = org.junit.jupiter.api.Assertions.assertThrows(ExpressionException.class,
                () -> Expression.parse("1 +"));
        assertThat(ErrorCaret.render("1 +", atEnd)).isEqualTo("1 +" + nl + "   ^ expected an operand");
    }

    @Test
    void sixteenMillionPointsEvaluateQuickly() {
        CompiledExpression f = Expression.parse("exp(-x^2 - y^2)").bind(Map.of(), 2);
        int n = 4096;
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double y = -2 + 4.0 * j / n;
            for (int i = 0; i < n; i++) {
                sum += f.value(-2 + 4.0 * i / n, y, 0);
            }
        }
        // the integral of exp(-x²-y²) over [-2,2]² is about π·erf(2)² ≈ 3.1123; the grid sum approximates it
        assertThat(sum * (4.0 / n) * (4.0 / n)).isCloseTo(3.1123, within(1e-3));
    }
}
