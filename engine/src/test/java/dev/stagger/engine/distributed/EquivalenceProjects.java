package dev.stagger.engine.distributed;

/**
 * The project files of the "many ranks give the numbers of one" tests, in process and under mpirun:
 * a diffusion problem with a structured but non-symmetric initial condition, so a misplaced halo
 * or block shows up in the numbers.
 */
public final class EquivalenceProjects {
    /** Dirichlet with expressions, Neumann with a value and with an expression: every kind of side. */
    public static final String MIXED_2D = "      x-low: {type: dirichlet, value: \"sin(3*y)\"}\n"
            + "      x-high: {type: neumann, value: 0.5}\n      y-low: {type: dirichlet, value: 1}\n"
            + "      y-high: {type: neumann, value: \"x^2\"}\n";

    private EquivalenceProjects() {}

    /** Project text; {@code boundary} holds indented side entries (or is blank), outputs only at the end. */
    public static String yaml(int dims, String cells, String periodic, String boundary, long steps) {
        String origin = dims == 1 ? "[-1]" : dims == 2 ? "[-1, -0.5]" : "[-1, -0.5, 0]";
        String extent = dims == 1 ? "[2]" : dims == 2 ? "[2, 1.5]" : "[2, 1.5, 1]";
        String initial = dims == 1 ? "exp(-4*x^2) + 0.1*sin(7*x)"
                : dims == 2 ? "exp(-4*x^2 - 9*y^2) + 0.1*sin(7*x*y)"
                : "exp(-4*x^2 - 9*y^2 - 3*(z-0.5)^2) + 0.1*sin(7*x*y*z)";
        return "format: 1\ntitle: equivalence\ngrid:\n  origin: " + origin + "\n  extent: " + extent + "\n  cells: "
                + cells + "\n  periodic: " + periodic + "\nmodel:\n  name: diffusion\n  parameters: {chi: 0.8}\n"
                + "fields:\n  C:\n    initial: " + initial + "\n" + (boundary.isBlank() ? "" : "    boundary:\n" + boundary)
                + "run:\n  steps: " + steps + "\n  threads: 1\noutput:\n  every: 0\n";
    }
}
