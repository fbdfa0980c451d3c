package dev.stagger.engine.model.diffusion;

/**
 * Whether the JVM was started with {@code --add-modules jdk.incubator.vector} (the launcher and the
 * test configuration do this). HotSpot's auto-vectorizer does not vectorize the shifted loads of a
 * stencil, so the explicit SIMD kernels are what lets a step run at memory bandwidth; without the
 * module the scalar kernels give the same numbers, only slower.
 */
final class VectorSupport {
    static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("stagger.scalar");

    private VectorSupport() {}
}
