package dev.stagger.engine.model.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.model.lang.catalogue.Catalogue;
import dev.stagger.engine.model.lang.check.CheckedModel;
import dev.stagger.engine.model.lang.jvm.CompiledModel;
import dev.stagger.engine.model.lang.jvm.JavaEmitter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kernel and reduction of a model compiled to JVM code gives bit for bit what the slow
 * reference evaluator gives, on random fields (halos included), in double and single precision:
 * a model that uses every operator, vectors and tensors, locals, both index ranges, and the
 * catalogue's own models.
 */
class LangCompiledMatchesReferenceTest {

    static final String EVERY_OPERATOR_2D = """
            format: 1
            name: every-operator-2d
            dims: 2
            parameters:
              eta: {default: 2.5, range: "(0, inf)"}
              G: {default: 1.5}
            constants:
              c1: eta/(G*dt)
            fields:
              P: {at: center}
              V: {kind: vector}
              tau: {kind: tensor}
              T: {at: center}
              qT: {kind: vector}
              E: {at: [vertex, center]}
            derived:
              Vmag: sqrt(lerp(V.x, @CC)^2 + lerp(V.y, @CC)^2)
              bump: xc*xc + yv*yv < 0.2
            kernels:
              stress:
                range: all
                do:
                  - divV = divg(V)
                  - tau.xx += (2*∂x(V.x) - divV/3 - tau.xx/eta)*c1
                  - tau.yy = -tau.yy*0.5 + abs(divV)*dt
                  - P -= divV*eta*dt + Vmag^3
              shear:
                range: all
                do:
                  - tau.xy = (∂y(V.x) + ∂x(V.y))*eta - lerp(P, @VV)
              flux:
                range: all
                do:
                  - qT.x = -eta*∂x(T) + max(V.x, 0)*left_x(T) + min(V.x, 0)*right_x(T)
                  - qT.y = -eta*∂y(T) + max(V.y, 0.0)*left_y(T) + min(V.y, 0)*right_y(T) - bump
                  - E = lerp(tau.xy, @VC) * 2 / G + (xv*xv + yc < 0.3) - ifelse(E >= yc, xv, ceil(E*3) + floor(yc))
              velocity:
                range: interior
                do:
                  - V.x = V.x + (-∂x(P) + ∂x(tau.xx) + ∂y(tau.xy))*dt/eta
              misc:
                range: interior
                do:
                  - t = exp(-T^2) + T^4 + T^5 + max(T, P, 0.1)
                  - t = t * 0.5
                  - T = t*min(T, 1) - sqrt(abs(P))/G + abs(T)^eta - T^7
            reductions:
              err: {op: maxabs, of: divg(V)}
              total: {op: sum, of: T*P}
              top: {op: max, of: "lerp(V.x, @CC)"}
              low: {op: min, of: qT.y, range: all}
            step: [stress, shear, flux, velocity, misc]
            """;

    static final String EVERY_OPERATOR_3D = """
            format: 1
            name: every-operator-3d
            dims: 3
            fields:
              P: {at: center}
              V: {kind: vector}
              tau: {kind: tensor}
            kernels:
              pressure:
                range: all
                do:
                  - P = P - divg(V)*dt
              shear:
                range: all
                do:
                  - tau.xy = lerp(P, @VVC) + ∂y(V.x)
                  - tau.xz = lerp(V.y, @VCV) * ∂z(V.x)
                  - tau.yz = ∂z(V.y) + ∂y(V.z) - right_y(left_z(P))
              velocity:
                range: interior
                do:
                  - V.z = V.z + (∂x(lerp(tau.xy, @VCV)) - ∂z(P))*dt
            reductions:
              err: {op: maxabs, of: divg(V)}
            step: [pressure, shear, velocity]
            """;

    static List<Arguments> models() throws Exception {
        List<Arguments> cases = new ArrayList<>();
        for (boolean simd : CompiledModel.SIMD ? new boolean[] {false, true} : new boolean[] {false}) {
            for (Precision precision : Precision.values()) {
                cases.add(Arguments.of("every operator 2D", EVERY_OPERATOR_2D, new int[] {37, 5}, precision, simd));
                cases.add(Arguments.of("every operator 3D", EVERY_OPERATOR_3D, new int[] {21, 4, 3}, precision, simd));
                for (String file : Catalogue.FILES) {
                    int dims = Catalogue.checked(file).dims();
                    int[] cells = dims == 1 ? new int[] {41} : dims == 2 ? new int[] {35, 5} : new int[] {23, 5, 3};
                    cases.add(Arguments.of(file, Catalogue.text(file), cells, precision, simd));
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}, {3}, simd {4}")
    @MethodSource("models")
    void everyKernelAndReductionMatchesTheReference(String label, String yaml, int[] cells, Precision precision,
            boolean simd) throws Exception {
        double[] origin = new double[cells.length];
        double[] extent = new double[cells.length];
        for (int d = 0; d < cells.length; d++) {
            origin[d] = -0.5 * (d + 1);
            extent[d] = 1.0 + 0.3 * d;
        }
        Grid grid = Grid.of(origin, extent, cells);
        KernelHarness h = new KernelHarness(yaml, grid, precision, 0.01);
        CompiledModel code = CompiledModel.compile(h.model, precision == Precision.F32, simd);
        if (simd) {
            // the SIMD path is really taken where a kernel allows it
            boolean any = h.model.kernels().stream().anyMatch(JavaEmitter::vectorizable);
            assertThat(code.source().contains(".intoArray(")).isEqualTo(any);
        }
        for (int seed = 1; seed <= 3; seed++) {
            for (CheckedModel.Kernel k : h.model.kernels()) {
                h.randomize(seed);
                double[][] before = h.snapshot();
                h.reference(k.name());
                double[][] reference = h.snapshot();
                assertThat(reference).as("kernel %s changes something", k.name()).isNotEqualTo(before);
                h.restore(before);
                h.compiled(code, k.name());
                assertThat(h.snapshot()).as("kernel %s, seed %d", k.name(), seed).isEqualTo(reference);
            }
            h.randomize(seed);
            for (int r = 0; r < h.model.reductions().size(); r++) {
                double expected = h.referenceReduction(r);
                assertThat(Double.isFinite(expected)).isTrue();
                assertThat(h.compiledReduction(code, r)).as("reduction %s", h.model.reductions().get(r).name())
                        .isEqualTo(expected);
            }
        }
    }
}
