package dev.stagger.engine.model.lang.eval;

import dev.stagger.engine.field.Field;
import dev.stagger.engine.launch.Box;
import dev.stagger.engine.model.lang.check.CheckedModel;
import dev.stagger.engine.model.lang.check.Node;

/**
 * The slow reference: interprets a checked model point by point through {@link Field#get}, one
 * tree walk per value. Every compiled path is tested against it. In single precision every
 * operation is rounded to float, which is what float arithmetic does (double rounding is exact for
 * + - * / and sqrt).
 */
public final class ReferenceEvaluator {
    private final Field[] fields;
    private final double[] scalars;
    private final boolean f32;
    /** The number of dimensions, for the slots of coordinates (scalar expressions have none). */
    private final int dims;

    public ReferenceEvaluator(Field[] fields, double[] scalars, boolean f32) {
        this(fields, scalars, f32, fields.length > 0 ? fields[0].dims() : 3);
    }

    private ReferenceEvaluator(Field[] fields, double[] scalars, boolean f32, int dims) {
        this.fields = fields;
        this.scalars = scalars;
        this.f32 = f32;
        this.dims = dims;
    }

    /**
     * An expression of coordinates and scalars alone (no field reads, no locals) at grid point
     * (i, j, k) of a {@code dims}-dimensional grid, in double: what the workbench draws a model's start from.
     */
    public static double atPoint(Node n, double[] scalars, int dims, int i, int j, int k) {
        return new ReferenceEvaluator(new Field[0], scalars, false, dims).at(n, null, i, j, k);
    }

    /** A scalar expression (constants, per-step scalars, loop conditions), always in double. */
    public static double scalar(Node n, double[] scalars) {
        return new ReferenceEvaluator(new Field[0], scalars, false).at(n, null, 1, 1, 1);
    }

    /** Runs {@code kernel} over the points of {@code box} (already clipped to the kernel's range). */
    public void run(CheckedModel.Kernel kernel, Box box) {
        double[] locals = new double[kernel.locals()];
        for (int k = box.k0(); k <= box.k1(); k++) {
            for (int j = box.j0(); j <= box.j1(); j++) {
                for (int i = box.i0(); i <= box.i1(); i++) {
                    for (CheckedModel.Statement s : kernel.statements()) {
                        double v = at(s.value(), locals, i, j, k);
                        if (s.field() >= 0) {
                            Field f = fields[s.field()];
                            f.set(f.index(i, j, k), v);
                        } else {
                            locals[s.local()] = v;
                        }
                    }
                }
            }
        }
    }

    /** The reduction over {@code box} on this rank (before any reduction across ranks). */
    public double reduce(CheckedModel.Reduction r, Box box) {
        double acc = Reductions.initial(r.op());
        for (int k = box.k0(); k <= box.k1(); k++) {
            for (int j = box.j0(); j <= box.j1(); j++) {
                for (int i = box.i0(); i <= box.i1(); i++) {
                    acc = Reductions.combine(r.op(), acc, at(r.of(), null, i, j, k));
                }
            }
        }
        return acc;
    }

    /** Slots of the coordinate origin and offset of dimension d: after dt, step, iter, spacings, inverses, counts. */
    private int originSlot(int d) {
        return originSlot(dims, d);
    }

    public static int originSlot(int dims, int d) {
        return CheckedModel.ITER + 1 + 3 * dims + 2 * d;
    }

    private double round(double v) {
        return f32 ? (float) v : v;
    }

    double at(Node n, double[] locals, int i, int j, int k) {
        if (n instanceof Node.Const c) {
            return round(c.value());
        }
        if (n instanceof Node.Scalar s) {
            return round(scalars[s.slot()]);
        }
        if (n instanceof Node.Read r) {
            Field f = fields[r.field()];
            return f.get(f.index(i, j, k));
        }
        if (n instanceof Node.Coord c) {
            int index = c.dim() == 0 ? i : c.dim() == 1 ? j : k;
            double origin = scalars[originSlot(c.dim())];
            int offset = (int) scalars[originSlot(c.dim()) + 1];
            double spacing = scalars[CheckedModel.ITER + 1 + c.dim()];
            return round(c.vertex() ? origin + (offset + index - 1) * spacing : origin + (offset + index - 0.5) * spacing);
        }
        if (n instanceof Node.If f) {
            return at(f.condition(), locals, i, j, k) != 0 ? at(f.then(), locals, i, j, k)
                    : at(f.otherwise(), locals, i, j, k);
        }
        if (n instanceof Node.Local l) {
            return locals[l.slot()];
        }
        if (n instanceof Node.Shift s) {
            return at(s.child(), locals, s.dim() == 0 ? i + s.delta() : i, s.dim() == 1 ? j + s.delta() : j,
                    s.dim() == 2 ? k + s.delta() : k);
        }
        if (n instanceof Node.Neg g) {
            return -at(g.operand(), locals, i, j, k);
        }
        if (n instanceof Node.Bin b) {
            double l = at(b.left(), locals, i, j, k);
            double r = at(b.right(), locals, i, j, k);
            return switch (b.op()) {
                case "+" -> round(l + r);
                case "-" -> round(l - r);
                case "*" -> round(l * r);
                case "/" -> round(l / r);
                case "<" -> l < r ? 1 : 0;
                case "<=" -> l <= r ? 1 : 0;
                case ">" -> l > r ? 1 : 0;
                case ">=" -> l >= r ? 1 : 0;
                default -> throw new IllegalStateException(b.op());
            };
        }
        if (n instanceof Node.Fn f) {
            double a = at(f.args().get(0), locals, i, j, k);
            return switch (f.name()) {
                case "abs" -> Math.abs(a);
                case "sqrt" -> round(Math.sqrt(a));
                case "exp" -> round(Math.exp(a));
                case "ceil" -> Math.ceil(a);
                case "floor" -> Math.floor(a);
                case "min" -> Math.min(a, at(f.args().get(1), locals, i, j, k));
                case "max" -> Math.max(a, at(f.args().get(1), locals, i, j, k));
                default -> throw new IllegalStateException(f.name());
            };
        }
        if (n instanceof Node.Pow p) {
            double x = at(p.base(), locals, i, j, k);
            return f32 ? Arithmetic.pow((float) x, p.n()) : Arithmetic.pow(x, p.n());
        }
        Node.PowReal p = (Node.PowReal) n;
        return round(Math.pow(at(p.base(), locals, i, j, k), at(p.exponent(), locals, i, j, k)));
    }
}
