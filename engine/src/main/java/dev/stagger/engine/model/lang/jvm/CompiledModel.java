package dev.stagger.engine.model.lang.jvm;

import dev.stagger.engine.model.lang.check.CheckedModel;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model's kernels and reductions compiled to JVM code for one precision. {@link #run} is the one
 * entry point; each call covers a box of points with no per-point dispatch.
 */
public final class CompiledModel {
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final MethodType RUN = MethodType.methodType(double.class, int.class, Object[].class,
            double[].class, int[].class, int.class, int.class, int.class, int.class, int.class, int.class);

    private final MethodHandle run;
    private final String source;

    private CompiledModel(MethodHandle run, String source) {
        this.run = run;
        this.source = source;
    }

    /** Whether this JVM has the vector module (the launcher and the tests add it) and SIMD is not turned off. */
    public static final boolean SIMD = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("stagger.scalar");

    public static CompiledModel compile(CheckedModel model, boolean f32) {
        return compile(model, f32, SIMD);
    }

    /** {@code simd}: vector kernels where a kernel allows them (needs the vector module in this JVM). */
    public static CompiledModel compile(CheckedModel model, boolean f32, boolean simd) {
        String name = "StaggerModel_" + model.file().name().replaceAll("[^A-Za-z0-9_]", "_") + (f32 ? "_f32_" : "_f64_")
                + (simd ? "simd_" : "") + SERIAL.incrementAndGet();
        String source = JavaEmitter.source(model, f32, simd, name);
        dump(name, source);
        Class<?> type = InMemoryCompiler.compile(name, source, simd);
        try {
            MethodHandle handle = MethodHandles.publicLookup().findStatic(type, "run", RUN);
            return new CompiledModel(handle, source);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("generated class " + name + " has no run method", e);
        }
    }

    /** {@code STAGGER_DUMP_KERNELS=DIR} (or the system property stagger.dumpKernels): the source, for a bug report. */
    private static void dump(String name, String source) {
        String dir = System.getProperty("stagger.dumpKernels", System.getenv("STAGGER_DUMP_KERNELS"));
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            Path folder = Path.of(dir);
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(name + ".java"), source);
        } catch (IOException | RuntimeException e) {
            // a dump is a courtesy; the run goes on without it
        }
    }

    public String source() {
        return source;
    }

    /** Runs entry {@code which} (kernels, then reductions) over the inclusive box. */
    public double run(int which, Object[] arrays, double[] scalars, int[] geometry, int i0, int i1, int j0, int j1,
            int k0, int k1) {
        try {
            return (double) run.invokeExact(which, arrays, scalars, geometry, i0, i1, j0, j1, k0, k1);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
