package dev.stagger.engine.model.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagger.engine.model.lang.check.Checker;
import dev.stagger.engine.model.lang.syntax.ModelException;
import dev.stagger.engine.model.lang.syntax.ModelReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The location checker: wrong models are refused at load time with a message naming the file, the
 * key path, the line and column, the kernel and both locations. Each case is one statement in an
 * otherwise valid 2D model (the statement sits on line 15, its text starts in column 9).
 */
class LangCheckerTest {

    static String model(String... statements) {
        StringBuilder s = new StringBuilder("""
                format: 1
                name: wrong
                dims: 2
                parameters:
                  eta: {default: 1.0}
                fields:
                  P: {at: center}
                  V: {kind: vector}
                  tau: {kind: tensor}
                  q: {at: [vertex, center]}
                kernels:
                  k:
                    range: all
                    do:
                """);
        for (String statement : statements) {
            s.append("      - \"").append(statement).append("\"\n");
        }
        return s.append("step: [k]\n").toString();
    }

    static String problems(String yaml) {
        try {
            Checker.check(ModelReader.parse(yaml, "wrong.yaml"));
            return "no problem";
        } catch (ModelException e) {
            return e.getMessage();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "P = ∂x(P)|wrong.yaml:15:10: kernels.k.do[0]: kernel 'k', line 15: assigns a value at (Vertex, Center) to P at"
                + " (Center, Center)",
        "P = V.x|wrong.yaml:15:10: kernels.k.do[0]: kernel 'k', line 15: assigns a value at (Vertex, Center) to P at"
                + " (Center, Center)",
        "P = right_x(P)|wrong.yaml:15:10: kernels.k.do[0]: kernel 'k', line 15: assigns a value at (Vertex, Center) to P"
                + " at (Center, Center)",
        "tau.xy = lerp(P, @VC)|wrong.yaml:15:10: kernels.k.do[0]: kernel 'k', line 15: assigns a value at (Vertex, Center)"
                + " to tau.xy at (Vertex, Vertex)",
        "V.y = ∂y(V.x)|wrong.yaml:15:10: kernels.k.do[0]: kernel 'k', line 15: assigns a value at (Vertex, Vertex) to V.y"
                + " at (Center, Vertex)",
        "q = P + V.x|wrong.yaml:15:16: kernels.k.do[0]: kernel 'k', line 15: '+' adds a value at (Vertex, Center) to one"
                + " at (Center, Center); move one with lerp(..., @CC) or a derivative",
        "P = divg(V) * V.x|wrong.yaml:15:22: kernels.k.do[0]: kernel 'k', line 15: '*' multiplies a value at (Vertex,"
                + " Center) with one at (Center, Center); move one with lerp(..., @CC) or a derivative",
        "q = max(P, V.x)|wrong.yaml:15:21: kernels.k.do[0]: kernel 'k', line 15: max of values at (Center, Center) and"
                + " (Vertex, Center)",
        "P = ∂z(P)|wrong.yaml:15:17: kernels.k.do[0]: kernel 'k', line 15: d_z needs dimension z, and this model has 2",
        "P = divg(P)|wrong.yaml:15:19: kernels.k.do[0]: kernel 'k', line 15: divg takes a vector field by name, as in"
                + " divg(V)",
        "P = lerp(V.x, @CCC)|wrong.yaml:15:24: kernels.k.do[0]: kernel 'k', line 15: a location in 2D has 2 letters, @CCC"
                + " has 3",
        "P = ∂x(eta)|wrong.yaml:15:17: kernels.k.do[0]: kernel 'k', line 15: d_x of a value that is the same everywhere;"
                + " it needs a field",
        "V = P|wrong.yaml:15:10: kernels.k.do[0]: kernel 'k', line 15: cannot assign to 'V': it is a vector field; assign"
                + " its components, e.g. V.x",
        "eta = P|wrong.yaml:15:10: kernels.k.do[0]: kernel 'k', line 15: cannot assign to 'eta': it is a parameter or"
                + " scalar, the same at every point",
        "P = lerp(lerp(P, @VC), @CC)|wrong.yaml:15:1: kernels.k: kernel 'k', line 15: reads P at a neighbouring point while"
                + " the same kernel writes it; points would see each other's new values. Write it in an earlier kernel,"
                + " or into another field",
        "P = tau + 1|wrong.yaml:15:14: kernels.k.do[0]: kernel 'k', line 15: 'tau' is a tensor field; use a component"
                + " (tau.xx)"})
    void aWrongStatementIsRefusedWithItsExactMessage(String statement, String message) {
        assertThat(problems(model(statement))).isEqualTo(message);
    }

    @Test
    void aLocalHasNoNeighbours() {
        assertThat(problems(model("t = 2*P", "q = ∂x(t)"))).isEqualTo("wrong.yaml:16:17: kernels.k.do[1]: kernel 'k',"
                + " line 16: d_x reads its argument at neighbouring points, and a local has a value only at the current"
                + " point; declare it under derived instead");
    }

    @Test
    void aLocalKeepsItsLocation() {
        assertThat(problems(model("t = 2*P", "t = V.x", "P = t"))).startsWith("wrong.yaml:16:10: kernels.k.do[1]: kernel"
                + " 'k', line 16: local 't' is at (Center, Center); this assigns it a value at (Vertex, Center)");
    }

    @Test
    void aCorrectModelPasses() throws Exception {
        assertThat(problems(model("t = divg(V)", "P = P - t*eta*dt", "tau.xy = ∂y(V.x) + ∂x(V.y)",
                "q = -eta*∂x(tau.xx) + lerp(lerp(tau.yy, @VV), @VC)"))).isEqualTo("no problem");
    }

    @Test
    void unknownKeysMissingKeysAndWrongValuesAreAllReportedWithTheirPlace() {
        String yaml = """
                format: 1
                name: broken
                dims: 4
                colour: blue
                parameters:
                  chi: {default: -1, range: "(0, inf)", units: m}
                fields:
                  C: {at: middle}
                kernels:
                  k: {range: everywhere, do: ["C = 2*(C"]}
                step: [k, nope]
                """;
        assertThatThrownBy(() -> Checker.check(ModelReader.parse(yaml, "broken.yaml")))
                .isInstanceOf(ModelException.class)
                .hasMessage(String.join(System.lineSeparator(),
                        "broken.yaml:3:7: dims: expected 1, 2 or 3 dimensions, got 4",
                        "broken.yaml:4:1: colour: unknown key 'colour'; known keys here: format, name, title, summary,"
                                + " dims, parameters, constants, stable_dt, fields, derived, kernels, reductions, scalars,"
                                + " init, step",
                        "broken.yaml:6:18: parameters.chi.default: the default -1.0 lies outside the range of chi",
                        "broken.yaml:6:41: parameters.chi.units: unknown key 'units'; known keys here: unit, default,"
                                + " range, help",
                        "broken.yaml:8:11: fields.C.at: expected one of center, vertex, got \"middle\"",
                        "broken.yaml:10:14: kernels.k.range: expected one of all, interior, got \"everywhere\"",
                        "broken.yaml:10:40: kernels.k.do[0]: expected a ')' to close the '(' at column 7 (in \"C = 2*(C\")"));
    }

    @Test
    void theStepProgramNamesWhatExists() {
        String yaml = model("P = 2*P").replace("step: [k]", "step: [k, nope, {swap: [P, q]}]");
        assertThat(problems(yaml)).isEqualTo(String.join(System.lineSeparator(),
                "wrong.yaml:16:11: step[1]: no kernel named 'nope'; kernels: k",
                "wrong.yaml:16:24: step[2].swap: swap: P is at (Center, Center) and q at (Vertex, Center); they must share"
                        + " a location"));
    }

    @Test
    void namesStaggerDefinesCannotBeRedefined() {
        String yaml = model("P = 2*P").replace("  eta: {default: 1.0}", "  eta: {default: 1.0}\n  dx: {default: 2.0}")
                .replace("kernels:", "derived:\n  P: 2*eta*V.x\nkernels:");
        assertThat(problems(yaml)).isEqualTo(String.join(System.lineSeparator(),
                "wrong.yaml:6:7: parameters.dx: 'dx' is already defined by Stagger (dt, step, iter, dx, inv_dx, nx, pi, the"
                        + " coordinates xc xv ... and the operators are reserved)",
                "wrong.yaml:13:6: derived.P: 'P' is already defined"));
    }
}
