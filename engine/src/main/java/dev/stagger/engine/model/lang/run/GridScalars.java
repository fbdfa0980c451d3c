package dev.stagger.engine.model.lang.run;

import dev.stagger.engine.grid.Axis;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.model.lang.check.CheckedModel;
import dev.stagger.engine.model.lang.eval.ReferenceEvaluator;

/** Fills the scalar slots a grid gives a model: spacings, their inverses, global cell counts, coordinates. */
public final class GridScalars {
    private GridScalars() {}

    public static void fill(CheckedModel model, Grid grid, double[] scalars) {
        for (int d = 0; d < grid.dims(); d++) {
            char axis = "xyz".charAt(d);
            Axis a = grid.axis(d);
            double h = grid.spacing(d);
            scalars[model.slot("d" + axis)] = h;
            scalars[model.slot("inv_d" + axis)] = 1.0 / h;
            scalars[model.slot("n" + axis)] = a.globalCells();
            int origin = ReferenceEvaluator.originSlot(grid.dims(), d);
            // vertex(1 - offset) is the domain's first vertex, exactly: (offset + 1 - offset - 1)·Δ = 0
            scalars[origin] = a.vertex(1 - a.offset());
            scalars[origin + 1] = a.offset();
        }
    }
}
