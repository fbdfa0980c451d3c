package dev.stagger.engine.model.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.field.Field;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.model.lang.jvm.CompiledModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The language's staggered-grid operators against Chmy's own reference values (DESIGN section 4,
 * values 4 and 5), through the reference evaluator and through the compiled code.
 */
class LangOperatorsTest {

    private static final String ONE_D = """
            format: 1
            name: ops-1d
            dims: 1
            fields:
              C: {at: center}
              D: {at: vertex}
              L: {at: center}
              I: {at: vertex}
            kernels:
              first:
                range: all
                do:
                  - D = ∂x(C)
                  - I = lerp(C, @V)
              second:
                range: interior
                do:
                  - L = d_x(d_x(C))
            step: [first, second]
            """;

    private static final String TWO_D = """
            format: 1
            name: ops-2d
            dims: 2
            fields:
              A: {at: center}
              B: {at: vertex}
              AtV: {at: vertex}
              BtC: {at: center}
            kernels:
              toVertex: {range: interior, do: ["AtV = lerp(A, @VV)"]}
              toCenter: {range: interior, do: ["BtC = lerp(B, @CC)"]}
            step: [toVertex, toCenter]
            """;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void derivativeSecondDerivativeAndLerpOfXSquared(boolean compiled) throws Exception {
        KernelHarness h = new KernelHarness(ONE_D, Grid.of(new double[] {0}, new double[] {1}, new int[] {4}),
                Precision.F64, 0);
        Field c = h.field("C");
        double[] values = {0.015625, 0.140625, 0.390625, 0.765625};
        for (int i = 1; i <= 4; i++) {
            assertThat(c.coordinate(0, i) * c.coordinate(0, i)).isEqualTo(values[i - 1]);
            c.set(c.index(i), values[i - 1]);
        }
        run(h, compiled, "first", "second");
        Field d = h.field("D");
        assertThat(new double[] {d.at(2), d.at(3), d.at(4)}).containsExactly(0.5, 1.0, 1.5);
        Field l = h.field("L");
        assertThat(new double[] {l.at(2), l.at(3)}).containsExactly(2.0, 2.0);
        Field i = h.field("I");
        assertThat(new double[] {i.at(2), i.at(3), i.at(4)}).containsExactly(0.078125, 0.265625, 0.578125);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void lerpBetweenCentersAndVerticesIn2D(boolean compiled) throws Exception {
        KernelHarness h = new KernelHarness(TWO_D, Grid.of(new double[] {0, 0}, new double[] {1, 1}, new int[] {2, 2}),
                Precision.F64, 0);
        Field a = h.field("A");
        a.set(a.index(1, 1), 1);
        a.set(a.index(2, 1), 2);
        a.set(a.index(1, 2), 3);
        a.set(a.index(2, 2), 4);
        Field b = h.field("B");
        for (int j = 1; j <= 3; j++) {
            for (int i = 1; i <= 3; i++) {
                b.set(b.index(i, j), i + 3 * (j - 1));
            }
        }
        run(h, compiled, "toVertex", "toCenter");
        assertThat(h.field("AtV").at(2, 2)).isEqualTo(2.5);
        Field c = h.field("BtC");
        assertThat(new double[] {c.at(1, 1), c.at(2, 1), c.at(1, 2), c.at(2, 2)}).containsExactly(3, 4, 6, 7);
    }

    private static void run(KernelHarness h, boolean compiled, String... kernels) {
        CompiledModel code = compiled ? CompiledModel.compile(h.model, false) : null;
        for (String k : kernels) {
            if (compiled) {
                h.compiled(code, k);
            } else {
                h.reference(k);
            }
        }
    }

    private static final String VMAG_3D = """
            format: 1
            name: vmag-3d
            dims: 3
            fields:
              V: {kind: vector}
              M: {at: center}
            derived:
              vmag: sqrt(lerp(V.x, @CCC)^2 + lerp(V.y, @CCC)^2 + lerp(V.z, @CCC)^2)
            kernels:
              magnitude: {range: interior, do: ["M = vmag"]}
            step: [magnitude]
            """;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void vectorMagnitudeAtCentersIn3D(boolean compiled) throws Exception {
        KernelHarness h = new KernelHarness(VMAG_3D, Grid.of(new double[] {0, 0, 0}, new double[] {1, 1, 1},
                new int[] {3, 4, 2}), Precision.F64, 0);
        for (String c : new String[] {"V.x", "V.y", "V.z"}) {
            h.field(c).fill(2.0);
        }
        run(h, compiled, "magnitude");
        // DESIGN section 4, reference value 8: 3.4641 to 5 significant digits
        Field m = h.field("M");
        for (int k = 1; k <= 2; k++) {
            for (int j = 1; j <= 4; j++) {
                for (int i = 1; i <= 3; i++) {
                    assertThat(m.at(i, j, k)).isCloseTo(3.4641, org.assertj.core.api.Assertions.within(5e-5));
                }
            }
        }
    }
}
