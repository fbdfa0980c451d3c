package dev.stagger.engine.model.lang.run;

import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.model.lang.check.CheckedModel;
import dev.stagger.engine.model.lang.check.Node;
import dev.stagger.engine.model.lang.eval.ReferenceEvaluator;
import dev.stagger.engine.model.lang.syntax.ModelFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A picture of how a model starts when it sets up its own state (Stokes writes T in its init
 * kernel; the shallow-ice bed is a function of position): the largest part of a kernel statement
 * that depends on the coordinates and the run's scalars alone, evaluated on the centres of a grid
 * (for 3D, its middle z plane). Statements of the init program come first. Without the toolkit,
 * for the workbench's sample thumbnails.
 *
 * @param field the field the statement writes
 * @param values nx·ny values, x fastest, row 0 at the lowest y
 */
public record StartPicture(String field, int nx, int ny, double[] values) {

    /** The picture of {@code model} on {@code grid}, or empty when no statement depends on position alone. */
    public static Optional<StartPicture> of(LangModel model, Grid grid, Map<String, Double> parameters) {
        CheckedModel m = model.checked();
        if (grid.dims() != m.dims()) {
            return Optional.empty();
        }
        Node best = null;
        String field = null;
        int bestSize = 0;
        for (List<CheckedModel.Op> program : List.of(m.init(), m.program())) {
            for (CheckedModel.Kernel k : kernels(m, program)) {
                for (CheckedModel.Statement s : k.statements()) {
                    for (Node candidate : pureParts(s.value())) {
                        int size = size(candidate);
                        if (size > bestSize) {
                            bestSize = size;
                            best = candidate;
                            field = s.field() >= 0 ? m.fields().get(s.field()).name() : k.name();
                        }
                    }
                }
            }
            if (best != null) {
                break;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        double[] scalars = new double[m.scalarNames().size()];
        GridScalars.fill(m, grid, scalars);
        for (ModelFile.Parameter p : m.file().parameters()) {
            scalars[m.slot(p.name())] = parameters.getOrDefault(p.name(), p.defaultValue());
        }
        for (CheckedModel.Assignment c : m.constants()) {
            scalars[c.slot()] = ReferenceEvaluator.scalar(c.value(), scalars);
        }
        int nx = grid.axis(0).globalCells();
        int ny = grid.dims() > 1 ? grid.axis(1).globalCells() : 1;
        int k = grid.dims() > 2 ? (grid.axis(2).globalCells() + 1) / 2 : 1;
        double[] values = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                values[j * nx + i] = ReferenceEvaluator.atPoint(best, scalars, grid.dims(), i + 1, j + 1, k);
            }
        }
        return Optional.of(new StartPicture(field, nx, ny, values));
    }

    private static List<CheckedModel.Kernel> kernels(CheckedModel m, List<CheckedModel.Op> ops) {
        List<CheckedModel.Kernel> out = new ArrayList<>();
        for (CheckedModel.Op op : ops) {
            if (op instanceof CheckedModel.RunKernel r) {
                out.add(m.kernels().get(r.kernel()));
            } else if (op instanceof CheckedModel.Loop l) {
                out.addAll(kernels(m, l.body()));
            } else if (op instanceof CheckedModel.If f) {
                out.addAll(kernels(m, f.body()));
            }
        }
        return out;
    }

    /** The maximal subtrees of {@code n} that read no field and no local but do read a coordinate. */
    static List<Node> pureParts(Node n) {
        List<Node> out = new ArrayList<>();
        collect(n, out);
        return out;
    }

    private static void collect(Node n, List<Node> out) {
        if (pure(n)) {
            if (hasCoordinate(n)) {
                out.add(n);
            }
            return;
        }
        children(n).forEach(c -> collect(c, out));
    }

    private static boolean pure(Node n) {
        if (n instanceof Node.Read || n instanceof Node.Local || n instanceof Node.Shift) {
            return false;
        }
        return children(n).stream().allMatch(StartPicture::pure);
    }

    private static boolean hasCoordinate(Node n) {
        return n instanceof Node.Coord || children(n).stream().anyMatch(StartPicture::hasCoordinate);
    }

    private static int size(Node n) {
        int s = 1;
        for (Node c : children(n)) {
            s += size(c);
        }
        return s;
    }

    private static List<Node> children(Node n) {
        if (n instanceof Node.If f) {
            return List.of(f.condition(), f.then(), f.otherwise());
        } else if (n instanceof Node.Shift s) {
            return List.of(s.child());
        } else if (n instanceof Node.Neg g) {
            return List.of(g.operand());
        } else if (n instanceof Node.Bin b) {
            return List.of(b.left(), b.right());
        } else if (n instanceof Node.Fn f) {
            return f.args();
        } else if (n instanceof Node.Pow p) {
            return List.of(p.base());
        } else if (n instanceof Node.PowReal p) {
            return List.of(p.base(), p.exponent());
        }
        return List.of();
    }
}
