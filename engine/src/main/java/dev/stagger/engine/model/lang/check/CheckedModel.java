package dev.stagger.engine.model.lang.check;

import dev.stagger.engine.model.lang.syntax.ModelFile;
import java.util.List;

/**
 * A model that passed every check: names resolved to slots, locations consistent, the step program
 * valid. What the reference evaluator and the JVM compiler work from.
 *
 * @param scalarNames every scalar slot's name: dt, step, iter, spacings, inverse spacings,
 *     parameters, constants, per-step scalars, reductions, in that order
 * @param halo the halo width the fields need so that every read stays inside the stored arrays
 */
public record CheckedModel(ModelFile file, int dims, List<String> scalarNames, List<Field> fields,
        List<Assignment> constants, Node stableDt, List<Kernel> kernels, List<Reduction> reductions,
        List<Assignment> scalars, List<Op> init, List<Op> program, int halo) {

    /** Slot of dt; then come step, iter, dx, dy, dz, inv_dx, inv_dy, inv_dz (as many as dims). */
    public static final int DT = 0;
    public static final int STEP = 1;
    public static final int ITER = 2;

    public int slot(String scalarName) {
        return scalarNames.indexOf(scalarName);
    }

    /** One component of a declared field (a scalar field is its own one component). */
    public record Field(String name, String parent, String kind, String location, boolean prognostic,
            ModelFile.BoundarySpec boundary, boolean output, String unit, String help) {}

    /** {@code slot = value}: a constant, a per-step scalar. */
    public record Assignment(int slot, String name, Node value) {}

    /** One statement of a kernel: to a field ({@code field >= 0}) or to a local ({@code local >= 0}). */
    public record Statement(int field, int local, Node value, String text, int line) {}

    /**
     * @param range "all" (Chmy's launcher range 0..n+1 in every dimension) or "interior" (the
     *     interior points of the fields it writes, which share one location)
     * @param location the location of the written fields for "interior", else null
     * @param then fields whose halos are exchanged and boundary conditions applied after the kernel
     */
    public record Kernel(String name, String range, String location, List<Statement> statements, int locals,
            List<Integer> then) {}

    /** {@code op} over the points of {@code location} ("interior" or "all") of {@code of}. */
    public record Reduction(int slot, String name, String op, Node of, String location, String range) {}

    public sealed interface Op {}

    public record RunKernel(int kernel) implements Op {}

    public record Swap(int a, int b) implements Op {}

    public record Copy(int to, int from) implements Op {}

    public record Reduce(int reduction) implements Op {}

    public record Compute(Assignment scalar) implements Op {}

    /**
     * A pseudo-transient loop: {@code body} at most {@code max} times; every {@code checkEvery}
     * iterations {@code check} runs (boundary conditions of residuals, reductions), then the loop
     * ends when every condition of {@code until} holds, and the run fails when a reduction the
     * conditions read is not finite.
     */
    public record Loop(Node max, Node checkEvery, List<Node> until, List<String> untilText, List<Op> body,
            List<Op> check) implements Op {}

    public record If(Node condition, String text, List<Op> body) implements Op {}

    public record Boundary(List<Integer> fields) implements Op {}
}
