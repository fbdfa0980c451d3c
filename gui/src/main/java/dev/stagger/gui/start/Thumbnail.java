package dev.stagger.gui.start;

import dev.stagger.engine.expr.CompiledExpression;
import dev.stagger.engine.expr.Expression;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.model.Model;
import dev.stagger.engine.model.Models;
import dev.stagger.engine.model.lang.catalogue.DimensionFamily;
import dev.stagger.engine.model.lang.run.LangModel;
import dev.stagger.engine.model.lang.run.StartPicture;
import dev.stagger.engine.project.FieldSetup;
import dev.stagger.engine.project.GridSpec;
import dev.stagger.engine.project.Project;
import dev.stagger.engine.render.Colormap;
import java.util.Map;

/**
 * A small picture of a project's initial condition as ARGB pixels (row 0 at the top), made without
 * the toolkit: the first field's initial expression evaluated on a raster over the domain (2D as a
 * heatmap with y up and the domain's aspect, 3D as the middle z slice, 1D as a filled curve),
 * coloured with viridis. A model that sets up its own state (Stokes, shallow ice) is drawn from its
 * own start instead ({@link StartPicture}) when the project gives it no initial condition that varies.
 */
public record Thumbnail(int width, int height, int[] argb) {

    private static final int BACKGROUND = 0x00000000;

    /** The thumbnail of {@code project} fitting in {@code maxWidth x maxHeight}; blank if it has no field. */
    public static Thumbnail of(Project project, int maxWidth, int maxHeight) {
        GridSpec grid = project.grid();
        Map<String, Double> params = Models.find(project.model().name())
                .map(m -> project.model().resolvedParameters(m.description()))
                .orElse(project.model().parameters());
        Thumbnail fromProject = null;
        if (!project.fields().isEmpty()) {
            FieldSetup field = project.fields().values().iterator().next();
            CompiledExpression f = Expression.parse(field.initial()).bind(params, grid.dims());
            if (grid.dims() == 1) {
                return curve(grid, f, maxWidth, maxHeight);
            }
            int[] size = size(grid, maxWidth, maxHeight);
            double[] v = sampled(grid, f, size[0], size[1]);
            fromProject = heatmap(v, size[0], size[1]);
            double[] range = range(v);
            if (range[1] > range[0]) {
                return fromProject;
            }
        }
        // a model file, or the member of a family (diffusion) the grid's dimensions pick
        Model model = Models.find(project.model().name()).orElse(null);
        LangModel lang = model instanceof LangModel l ? l
                : model instanceof DimensionFamily f && model.description().supportsDims(grid.dims())
                        ? f.forDims(grid.dims()) : null;
        if (grid.dims() >= 2 && lang != null) {
            int[] size = size(grid, maxWidth, maxHeight);
            int[] cells = grid.dims() == 2 ? new int[] {size[0], size[1]} : new int[] {size[0], size[1], 3};
            try {
                var picture = StartPicture.of(lang, Grid.of(grid.origin(), grid.extent(), cells), params);
                if (picture.isPresent()) {
                    double[] v = new double[size[0] * size[1]];
                    for (int row = 0; row < size[1]; row++) {
                        // the picture's row 0 is the lowest y; the thumbnail's is the top
                        System.arraycopy(picture.get().values(), (size[1] - 1 - row) * size[0], v, row * size[0],
                                size[0]);
                    }
                    return heatmap(v, size[0], size[1]);
                }
            } catch (RuntimeException e) {
                // a model whose start cannot be drawn on this raster: the project's picture, or none
            }
        }
        return fromProject != null ? fromProject : new Thumbnail(maxWidth, maxHeight, new int[maxWidth * maxHeight]);
    }

    /** Width and height within the bounds with the domain's aspect. */
    private static int[] size(GridSpec grid, int maxWidth, int maxHeight) {
        double[] e = grid.extent();
        double aspect = e[0] / e[1];
        int w = maxWidth;
        int h = (int) Math.round(w / aspect);
        if (h > maxHeight) {
            h = maxHeight;
            w = Math.max(1, (int) Math.round(h * aspect));
        }
        return new int[] {Math.max(2, w), Math.max(2, h)};
    }

    private static double[] sampled(GridSpec grid, CompiledExpression f, int w, int h) {
        double[] o = grid.origin();
        double[] e = grid.extent();
        double z = grid.dims() == 3 ? o[2] + e[2] / 2 : 0;
        double[] v = new double[w * h];
        for (int row = 0; row < h; row++) {
            double y = o[1] + e[1] * (h - row - 0.5) / h;
            for (int col = 0; col < w; col++) {
                double x = o[0] + e[0] * (col + 0.5) / w;
                v[row * w + col] = f.value(x, y, z);
            }
        }
        return v;
    }

    private static Thumbnail heatmap(double[] v, int w, int h) {
        double[] range = range(v);
        int[] argb = new int[w * h];
        for (int i = 0; i < v.length; i++) {
            argb[i] = Colormap.VIRIDIS.argb(normalise(v[i], range));
        }
        return new Thumbnail(w, h, argb);
    }

    private static Thumbnail curve(GridSpec grid, CompiledExpression f, int w, int h) {
        double o = grid.origin()[0];
        double e = grid.extent()[0];
        double[] v = new double[w];
        for (int col = 0; col < w; col++) {
            v[col] = f.value(o + e * (col + 0.5) / w, 0, 0);
        }
        double[] range = range(v);
        int[] argb = new int[w * h];
        java.util.Arrays.fill(argb, BACKGROUND);
        int margin = Math.max(2, h / 12);
        for (int col = 0; col < w; col++) {
            double t = normalise(v[col], range);
            int top = margin + (int) Math.round((1 - t) * (h - 2 * margin - 1));
            for (int row = top; row < h; row++) {
                // the area under the curve shaded by height, the curve itself drawn in full colour
                double shade = row - top < 2 ? 1.0 : 0.55;
                argb[row * w + col] = dim(Colormap.VIRIDIS.argb((double) (h - row) / h * t + (1 - t) * 0.05), shade);
            }
        }
        return new Thumbnail(w, h, argb);
    }

    private static double[] range(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            if (Double.isFinite(d)) {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
        }
        return new double[] {lo, hi};
    }

    private static double normalise(double d, double[] range) {
        if (!Double.isFinite(d)) {
            return 0;
        }
        double span = range[1] - range[0];
        return span > 0 ? (d - range[0]) / span : 0.5;
    }

    private static int dim(int argb, double factor) {
        int r = (int) (((argb >> 16) & 0xff) * factor);
        int g = (int) (((argb >> 8) & 0xff) * factor);
        int b = (int) ((argb & 0xff) * factor);
        return 0xff000000 | r << 16 | g << 8 | b;
    }
}
