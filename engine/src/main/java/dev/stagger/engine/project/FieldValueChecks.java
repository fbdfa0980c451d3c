package dev.stagger.engine.project;

import dev.stagger.engine.expr.CompiledExpression;
import dev.stagger.engine.expr.Expression;
import dev.stagger.engine.expr.ExpressionException;
import dev.stagger.engine.grid.Dimension;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import dev.stagger.engine.grid.Side;
import dev.stagger.engine.model.FieldDescription;
import dev.stagger.engine.model.Model;
import java.util.Map;

/**
 * Evaluates each field's initial condition and boundary values at the grid points where the run
 * will, and reports the first point where one is not a finite number ({@code 1/0}, {@code log(0)},
 * {@code exp(1000)}): such a run would otherwise start from NaN or Infinity and end "successfully".
 * Expressions that do not parse or bind are skipped: {@link ProjectValidator} reported them.
 */
final class FieldValueChecks {
    /**
     * Points an initial condition is evaluated at, at most. Up to this the check covers the real grid;
     * beyond it a sample that keeps the domain's corners and edges (see {@link ValuePoints}). Two
     * million evaluations take some tens of milliseconds, and the workbench validates on every edit.
     */
    static final long INTERIOR_BUDGET = 1L << 21;

    /**
     * Points of one side a boundary value is evaluated at, at most: a field has up to six sides, and
     * 512 x 512 points along a face of 1024 x 1024 is already every other point.
     */
    static final long FACE_BUDGET = 1L << 18;

    /** Points times characters: a long expression costs more per point, so it gets fewer points. */
    static final long WORK_BUDGET = 1L << 26;

    /** Even the longest expression is checked at this many points (corners and edges included). */
    static final long MIN_POINTS = 4096;

    private final ProjectValidator v;
    private final Project project;
    private final Model model;
    private final Map<String, Double> constants;
    private final Grid grid;

    FieldValueChecks(ProjectValidator v, Project project, Model model, Map<String, Double> constants, Grid grid) {
        this.v = v;
        this.project = project;
        this.model = model;
        this.constants = constants;
        this.grid = grid;
    }

    void check() {
        for (FieldDescription field : model.fields(grid.dims())) {
            FieldSetup setup = project.fields().get(field.name());
            if (!field.prognostic() || setup == null) {
                continue;
            }
            String path = "fields." + field.name();
            Location[] location = field.location();
            if (location.length != grid.dims()) {
                continue; // not a scalar: no model has such a prognostic field, nor a way to initialise one
            }
            if (setup.initial() != null) {
                check(path + ".initial", setup.initial(), INTERIOR_BUDGET,
                        budget -> ValuePoints.interior(grid, location, budget));
            }
            boundaries(path, setup, location);
        }
    }

    /** Every side a condition applies to: its own, or {@code all}'s on each side without one. */
    private void boundaries(String path, FieldSetup setup, Location[] location) {
        boolean allReported = false;
        for (int d = 0; d < grid.dims(); d++) {
            if (grid.periodic(d)) {
                continue;
            }
            for (Side side : Side.values()) {
                BoundaryKey key = new BoundaryKey(d, side);
                boolean own = setup.sides().containsKey(key);
                if (!own && (setup.all() == null || allReported)) {
                    continue;
                }
                String valuePath = path + ".boundary." + (own ? key.label() : BoundaryKey.ALL) + ".value";
                int dim = d;
                boolean reported = check(valuePath, setup.boundary(d, side).value(), FACE_BUDGET,
                        budget -> ValuePoints.face(grid, location, dim, side, budget));
                // all's value is one expression: its first bad side is enough to act on
                allReported |= reported && !own;
            }
        }
    }

    /** How the points of one value are chosen, given how many may be evaluated. */
    private interface PointChoice {
        ValuePoints within(long budget);
    }

    /** Evaluates {@code text} at its points; true when it reported a problem. */
    private boolean check(String path, String text, long pointBudget, PointChoice points) {
        if (v.affected(path)) {
            return false;
        }
        CompiledExpression f;
        try {
            f = Expression.parse(text).bind(constants, grid.dims());
        } catch (ExpressionException e) {
            return false;
        }
        // an f32 run stores a value beyond the float range as Infinity: that is as bad as 1/0
        boolean f32 = project.run().precision() == dev.stagger.engine.field.Precision.F32;
        double limit = f32 ? Float.MAX_VALUE : Double.MAX_VALUE;
        String beyond = f32 ? " in f32 (the largest is about 3.4e38; use f64)" : "";
        if (f.isConstant()) {
            double value = f.constantValue();
            if (!(Math.abs(value) <= limit)) {
                v.report(at(path), path, "not a finite number" + (Double.isFinite(value) ? beyond : "") + " (value: "
                        + value + ")");
                return true;
            }
            return false;
        }
        long budget = Math.max(MIN_POINTS, Math.min(pointBudget, WORK_BUDGET / Math.max(1, text.length())));
        ValuePoints.NonFinite bad;
        try {
            bad = points.within(budget).firstBeyond(f, limit);
        } catch (StackOverflowError e) {
            // the nesting limit keeps evaluation shallow; a thread with a tiny stack still gets a message
            v.report(at(path), path, "expression nested too deeply to evaluate; simplify it");
            return true;
        }
        if (bad == null) {
            return false;
        }
        v.report(at(path), path, "not a finite number" + (Double.isFinite(bad.value()) ? beyond : "") + " at "
                + where(bad.point()) + " (value: "
                + bad.value() + ")" + (bad.ghost() ? ", a ghost point just outside the domain that the boundary"
                + " condition also sets" : ""));
        return true;
    }

    /** Where the expression's text starts when the file holds it verbatim, else where its value is. */
    private SourceMap.Position at(String path) {
        return v.map().verbatimTextPosition(path).orElseGet(() -> v.map().locate(path));
    }

    /** {@code x = -2, y = 0.015625}, six significant digits. */
    private static String where(double[] point) {
        StringBuilder s = new StringBuilder();
        for (int d = 0; d < point.length; d++) {
            s.append(d == 0 ? "" : ", ").append(Dimension.name(d)).append(" = ")
                    .append(ProjectValidator.number(point[d]));
        }
        return s.toString();
    }
}
