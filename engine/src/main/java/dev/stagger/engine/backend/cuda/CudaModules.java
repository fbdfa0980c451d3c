package dev.stagger.engine.backend.cuda;

import dev.stagger.engine.model.ModelCannotRunException;
import dev.stagger.engine.model.lang.check.CheckedModel;
import dev.stagger.engine.model.lang.cuda.CudaEmitter;
import dev.stagger.engine.model.lang.cuda.PtxBuild;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;
import jcuda.nvrtc.JNvrtc;
import jcuda.nvrtc.nvrtcProgram;

/**
 * The GPU code of a model: the PTX packaged at build time when a built-in model's generated
 * source is this one's (nvcc was there), else PTX compiled now by NVRTC from the same generated
 * source, else a clear error. Both are made with the same flags (no fused multiply-add), so the
 * numbers are those of the CPU backend.
 */
final class CudaModules {
    private CudaModules() {}

    /** A loaded module and its entry points, looked up once each. */
    static final class Module {
        private final CUmodule module;
        private final Map<String, CUfunction> functions = new HashMap<>();

        Module(CUmodule module) {
            this.module = module;
        }

        CUfunction function(String name) {
            return functions.computeIfAbsent(name, n -> {
                CUfunction f = new CUfunction();
                JCudaDriver.cuModuleGetFunction(f, module, n);
                return f;
            });
        }

        void unload() {
            JCudaDriver.cuModuleUnload(module);
        }
    }

    static Module load(CheckedModel model, boolean f32) {
        String ptx = ptx(model, f32);
        CUmodule module = new CUmodule();
        JCudaDriver.cuModuleLoadData(module, ptx);
        return new Module(module);
    }

    /** The PTX text of the model in this precision. */
    static String ptx(CheckedModel model, boolean f32) {
        Optional<String> packaged;
        try {
            packaged = PtxBuild.packaged(model, f32);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the engine's packaged PTX", e);
        }
        return packaged.orElseGet(() -> compile(model, f32));
    }

    /** NVRTC, where its library is installed: the generated source and its two headers, compiled as nvcc would. */
    private static String compile(CheckedModel model, boolean f32) {
        String source = CudaEmitter.source(model, f32);
        try {
            JNvrtc.setExceptionsEnabled(true);
            nvrtcProgram program = new nvrtcProgram();
            List<String> headers = List.of(CudaEmitter.HELPERS, CudaEmitter.SHIM);
            String[] texts = new String[headers.size()];
            for (int h = 0; h < texts.length; h++) {
                texts[h] = header(headers.get(h));
            }
            JNvrtc.nvrtcCreateProgram(program, source, model.file().name() + ".cu", texts.length, texts,
                    headers.toArray(new String[0]));
            try {
                String[] options = {"--gpu-architecture=compute_" + CudaDevice.PTX_TARGET, "--fmad=false"};
                try {
                    JNvrtc.nvrtcCompileProgram(program, options.length, options);
                } catch (RuntimeException e) {
                    String[] log = new String[1];
                    JNvrtc.nvrtcGetProgramLog(program, log);
                    throw new ModelCannotRunException("NVRTC could not compile model " + model.file().name()
                            + " for the GPU (a Stagger bug; please report it):\n" + log[0]);
                }
                String[] ptx = new String[1];
                JNvrtc.nvrtcGetPTX(program, ptx);
                return ptx[0];
            } finally {
                JNvrtc.nvrtcDestroyProgram(program);
            }
        } catch (LinkageError e) {
            throw new ModelCannotRunException("model " + model.file().name() + " has no PTX packaged with Stagger (it is"
                    + " not a built-in model, or this build had no nvcc), and NVRTC, which would compile it now,"
                    + " is not installed: it needs libnvrtc.so.12 from the CUDA 12 toolkit (" + e.getMessage()
                    + "); install it or add its folder to LD_LIBRARY_PATH, or run with --backend cpu");
        }
    }

    private static String header(String name) {
        try (InputStream in = CudaEmitter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the engine");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
