package dev.stagger.engine.model.lang.syntax;

import java.util.List;
import java.util.Map;

/**
 * A model file as read: every declaration in file order with where it was written, nothing
 * resolved yet. The checker ({@code lang.check}) turns it into a checked model.
 */
public record ModelFile(String source, String name, String title, String summary, int dims,
        List<Parameter> parameters, List<Definition> constants, Text stableDt, List<FieldDecl> fields,
        List<Definition> derived, List<Kernel> kernels, List<Reduction> reductions, List<Definition> scalars,
        List<Step> init, List<Step> step) {

    /** Where something is written; 1-based, line 0 when unknown. */
    public record Pos(String source, int line, int column) {
        /** The position of column {@code c} (1-based) of a text that starts here on one line. */
        public Pos at(int c) {
            return new Pos(source, line, column + c - 1);
        }
    }

    /**
     * An expression or statement as written, and the key path it sits at. {@code verbatim} says the
     * text is on one line of the file exactly as written, so a column inside it maps into the file.
     */
    public record Text(String text, String path, Pos pos, boolean verbatim) {
        public Pos at(int column) {
            return verbatim ? pos.at(column) : pos;
        }
    }

    public record Parameter(String name, String unit, double defaultValue, double min, double max,
            boolean minExclusive, String help, String path, Pos pos) {}

    public record Definition(String name, Text expression) {}

    /** One BC of a fixed kind on some sides: kind "dirichlet" or "neumann", a constant value. */
    public record FixedBoundary(String kind, double value) {}

    /**
     * Boundary conditions of a field: from the project ({@code projectField} names whose project
     * conditions apply, usually the field itself), or fixed per dimension (index 0..2), or none.
     */
    public record BoundarySpec(String projectField, Map<Integer, FixedBoundary> fixed, Pos pos) {}

    public record FieldDecl(String name, String kind, List<String> at, boolean prognostic, BoundarySpec boundary,
            boolean output, String unit, String help, String path, Pos pos) {}

    public record Kernel(String name, String range, List<Text> statements, List<String> then, String path, Pos pos) {}

    public record Reduction(String name, String op, Text of, String range, String path, Pos pos) {}

    public sealed interface Step {
        String path();

        Pos pos();
    }

    public record RunKernel(String kernel, String path, Pos pos) implements Step {}

    public record Swap(String a, String b, String path, Pos pos) implements Step {}

    public record Copy(String to, String from, String path, Pos pos) implements Step {}

    public record Reduce(String reduction, String path, Pos pos) implements Step {}

    public record Compute(String scalar, String path, Pos pos) implements Step {}

    /**
     * A pseudo-transient loop: the body runs at most {@code max} times; every {@code checkEvery}
     * iterations the criteria {@code until} (all true) are evaluated after the reductions they need.
     */
    public record Loop(Text max, Text checkEvery, List<Text> until, List<Step> body, List<Step> check, String path,
            Pos pos) implements Step {}

    /** Steps that run only when {@code condition} (a scalar comparison) holds. */
    public record If(Text condition, List<Step> body, String path, Pos pos) implements Step {}

    /** Halo exchange and boundary conditions of fields, without a kernel (z, y, x). */
    public record Boundary(List<String> fields, String path, Pos pos) implements Step {}
}
