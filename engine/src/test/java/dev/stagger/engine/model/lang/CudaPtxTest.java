package dev.stagger.engine.model.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagger.engine.field.Precision;
import dev.stagger.engine.model.lang.check.CheckedModel;
import dev.stagger.engine.model.lang.cuda.CudaEmitter;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.stagger.engine.model.lang.check.Node;
import dev.stagger.engine.model.lang.check.Nodes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same generated {@code .cu} that the CPU shim runs compiles unchanged with nvcc to PTX for the
 * oldest target CUDA 13 has (compute_75), without fused multiply-adds, and the PTX has an entry for
 * every kernel, reduction and common entry point the host code launches.
 */
class CudaPtxTest {

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.stagger.engine.model.lang.CudaShimKernelsTest#models")
    void generatedCudaCompilesToPtxWithEveryEntryPoint(String name, Precision precision) throws Exception {
        Optional<Path> nvcc = CudaToolchain.find("nvcc");
        Assumptions.assumeTrue(nvcc.isPresent(), "nvcc is not on the PATH (nor in CUDA_HOME or /usr/local/cuda):"
                + " the generated CUDA C is not compiled to PTX");
        CheckedModel model = CudaShimKernelsTest.model(name);
        boolean f32 = precision == Precision.F32;
        Path dir = CudaToolchain.workFolder("ptx_" + name + "_" + precision);
        CudaToolchain.writeHeaders(dir);
        Files.writeString(dir.resolve("model.cu"), CudaEmitter.source(model, f32));
        List<String> command = new ArrayList<>();
        command.add(nvcc.get().toString());
        command.addAll(CudaToolchain.NVCC_FLAGS);
        command.addAll(List.of("-I.", "model.cu", "-o", "model.ptx"));
        CudaToolchain.run(dir, command, 300);
        String ptx = Files.readString(dir.resolve("model.ptx"));
        assertThat(ptx).contains(".target sm_75");
        List<String> entries = new ArrayList<>(List.of("stagger_bc", "stagger_pack", "stagger_unpack",
                "stagger_copy_layer", "stagger_preview", "stagger_reduce_partials_max", "stagger_reduce_partials_min",
                "stagger_reduce_partials_sum"));
        for (int k = 0; k < model.kernels().size(); k++) {
            entries.add(CudaEmitter.kernelEntry(model, k));
        }
        for (int r = 0; r < model.reductions().size(); r++) {
            entries.add(CudaEmitter.reductionEntry(model, r));
        }
        for (String entry : entries) {
            assertThat(ptx).as("PTX entry " + entry).containsPattern("\\.entry " + entry + "\\(");
        }
        // no fused multiply-add, so the GPU computes what the Java backend computes; except inside
        // CUDA's own exp and pow (libdevice computes them with fma whatever --fmad says), which
        // can therefore differ from Java's Math.exp and Math.pow in the last bit
        Set<String> libraryMath = new HashSet<>();
        for (int k = 0; k < model.kernels().size(); k++) {
            if (model.kernels().get(k).statements().stream().anyMatch(st -> usesLibraryMath(st.value()))) {
                libraryMath.add(CudaEmitter.kernelEntry(model, k));
            }
        }
        for (int r = 0; r < model.reductions().size(); r++) {
            if (usesLibraryMath(model.reductions().get(r).of())) {
                libraryMath.add(CudaEmitter.reductionEntry(model, r));
            }
        }
        int checked = 0;
        for (String entry : entries) {
            String body = entryBody(ptx, entry);
            if (!libraryMath.contains(entry)) {
                assertThat(body).as("PTX of " + entry).doesNotContain("fma.rn.f64").doesNotContain("fma.rn.f32");
                checked++;
            }
        }
        assertThat(checked).as("entries checked for fma").isGreaterThanOrEqualTo(8);
        // the precision is the one asked for: field loads of that width
        assertThat(ptx).contains(f32 ? "ld.global.f32" : "ld.global.f64");
    }

    static boolean usesLibraryMath(Node n) {
        if (n instanceof Node.PowReal || (n instanceof Node.Fn f && f.name().equals("exp"))) {
            return true;
        }
        return Nodes.children(n).stream().anyMatch(CudaPtxTest::usesLibraryMath);
    }

    /** The PTX of one entry: from its {@code .entry} line to the next entry or function. */
    static String entryBody(String ptx, String entry) {
        int start = ptx.indexOf(".entry " + entry + "(");
        assertThat(start).as("PTX entry " + entry).isGreaterThanOrEqualTo(0);
        int end = ptx.length();
        for (String next : List.of("\n.visible .entry ", "\n.func ", "\n.entry ")) {
            int at = ptx.indexOf(next, start + 1);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return ptx.substring(start, end);
    }
}
