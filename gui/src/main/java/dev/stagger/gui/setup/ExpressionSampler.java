package dev.stagger.gui.setup;

import dev.stagger.engine.expr.CompiledExpression;
import dev.stagger.engine.expr.Expression;
import dev.stagger.engine.expr.ExpressionException;
import dev.stagger.engine.model.Model;
import dev.stagger.engine.model.Models;
import dev.stagger.engine.project.BoundaryKey;
import dev.stagger.engine.project.GridSpec;
import dev.stagger.engine.project.Project;
import dev.stagger.engine.render.Colormap;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates the expressions a user types (initial and boundary conditions) for the editors' small
 * previews: a heatmap of an initial condition and a line of a boundary value along its side. Pure
 * computation on flat arrays; safe to run off the FX thread. No toolkit classes.
 */
public final class ExpressionSampler {
    private static final System.Logger LOG = System.getLogger(ExpressionSampler.class.getName());

    private ExpressionSampler() {}

    /** The result of binding an expression: the compiled form, or the message with its column. */
    public record Bound(CompiledExpression expression, String error, int column) {
        public boolean ok() {
            return expression != null;
        }
    }

    /** An initial condition sampled on a raster: ARGB pixels (row 0 at the top, high y), value range. */
    public record Heatmap(int width, int height, int[] argb, double min, double max) {}

    /** A boundary value along a side: {@code coordinates[i]} on {@code axis}, {@code values[i]}. */
    public record Profile(String axis, double[] coordinates, double[] values, double min, double max) {}

    /** Parses and binds {@code text} with the project's parameters and dimensions. */
    public static Bound bind(Project project, String text) {
        try {
            Optional<Model> model = Models.find(project.model().name());
            Map<String, Double> constants = model.isPresent()
                    ? project.model().resolvedParameters(model.get().description())
                    : project.model().parameters();
            CompiledExpression e = Expression.parse(text == null ? "" : text).bind(constants, project.grid().dims());
            return new Bound(e, null, 0);
        } catch (ExpressionException e) {
            String t = text == null ? "" : text;
            int column = e.columnIn(t);
            String message = e.reason() + (e.hint() == null ? "" : "; " + e.hint()) + " (column " + column + ")";
            return new Bound(null, message, column);
        } catch (IllegalArgumentException e) {
            return new Bound(null, e.getMessage(), 0);
        }
    }

    /**
     * The expression at {@code size} points per side over the domain (x across, y up; 3D: the
     * middle z slice; 1D: one row repeated), coloured with {@code colormap} over its own range.
     */
    public static Heatmap heatmap(CompiledExpression e, GridSpec grid, int size, Colormap colormap) {
        double[] o = grid.origin();
        double[] ext = grid.extent();
        int dims = grid.dims();
        int w = size;
        int h = dims == 1 ? 1 : size;
        double[] values = new double[w * h];
        double z = dims == 3 ? o[2] + ext[2] / 2 : 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int k = 0;
        for (int j = 0; j < h; j++) {
            double y = dims == 1 ? 0 : o[1] + ext[1] * (h - 1 - j + 0.5) / h;
            for (int i = 0; i < w; i++) {
                double x = o[0] + ext[0] * (i + 0.5) / w;
                double v = e.value(x, y, z);
                values[k++] = v;
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) {
            min = 0;
            max = 1;
        }
        double span = max > min ? max - min : 1;
        int[] argb = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            argb[i] = Double.isFinite(v) ? colormap.argb((v - min) / span) : colormap.badArgb();
        }
        return new Heatmap(w, h, argb, min, max);
    }

    /**
     * The value along a side at {@code samples} points: in 2D along the side's edge, in 3D along the
     * first free axis through the middle of the face, in 1D the single end point.
     */
    public static Profile along(CompiledExpression e, GridSpec grid, BoundaryKey side, int samples) {
        double[] o = grid.origin();
        double[] ext = grid.extent();
        int dims = grid.dims();
        double[] point = new double[3];
        for (int d = 0; d < dims; d++) {
            point[d] = o[d] + ext[d] / 2;
        }
        point[side.dim()] = side.side() == dev.stagger.engine.grid.Side.LOW ? o[side.dim()] : o[side.dim()] + ext[side.dim()];
        int free = -1;
        for (int d = 0; d < dims; d++) {
            if (d != side.dim()) {
                free = d;
                break;
            }
        }
        int n = free < 0 ? 1 : samples;
        double[] coords = new double[n];
        double[] values = new double[n];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (free >= 0) {
                point[free] = o[free] + ext[free] * i / (n - 1.0);
                coords[i] = point[free];
            }
            values[i] = e.value(point[0], point[1], point[2]);
            if (Double.isFinite(values[i])) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
        }
        if (min > max) {
            min = 0;
            max = 0;
        }
        return new Profile(free < 0 ? "" : dev.stagger.engine.grid.Dimension.name(free), coords, values, min, max);
    }

    /** The model's stable step and the step a run would take, for the stability indicator. */
    public record Stability(double limit, double dt, boolean auto) {
        public boolean stable() {
            return auto || dt <= limit;
        }

        /** dt / limit: 1 at the limit. */
        public double ratio() {
            return dt / limit;
        }
    }

    /** The stability of the project's time step, or empty when the model, grid or parameters are unusable. */
    public static Optional<Stability> stability(Project project) {
        Optional<Model> model = Models.find(project.model().name());
        if (model.isEmpty()) {
            return Optional.empty();
        }
        try {
            Map<String, Double> params = project.model().resolvedParameters(model.get().description());
            for (var spec : model.get().description().parameters()) {
                if (!spec.accepts(params.get(spec.name()))) {
                    return Optional.empty();
                }
            }
            double limit = model.get().stableTimeStep(project.grid().toGrid(), params);
            if (!(limit > 0) || !Double.isFinite(limit)) {
                return Optional.empty();
            }
            Double dt = project.run().dt();
            return Optional.of(new Stability(limit, dt == null ? limit : dt, dt == null));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "no stability estimate for these parameters", e);
            return Optional.empty();
        }
    }
}
