package dev.stagger.engine.model.diffusion;

import dev.stagger.engine.bc.FieldBoundaries;
import dev.stagger.engine.distributed.HaloExchange;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import dev.stagger.engine.launch.Box;
import dev.stagger.engine.launch.Launcher;
import dev.stagger.engine.launch.RangeKernel;
import dev.stagger.engine.launch.SideHook;
import dev.stagger.engine.model.Solver;
import dev.stagger.engine.model.SolverContext;
import java.util.List;

/**
 * Diffusion on one rank: C and a work buffer of the same shape. Each step computes the buffer from
 * C with the launcher's inner/outer split, fills the buffer's halos (exchange, then boundary
 * conditions, per dimension z, y, x) and swaps the two.
 */
final class DiffusionSolver implements Solver {
    /** Outer width of the launch split: the halo (1) plus the layer next to it. */
    static final int OUTER_WIDTH = 2;

    private final Field c;
    private final Field next;
    private final FieldBoundaries nextBoundaries;
    private final Launcher launcher;
    private final HaloExchange exchange;
    private final Grid grid;
    private final double chi;
    private final Box full;
    private final int[] outerWidth;
    private double ax;
    private double ay;
    private double az;
    private final RangeKernel kernel;
    private final SideHook fillHalos;

    DiffusionSolver(SolverContext context) {
        this.grid = context.grid();
        Location[] centers = Location.all(Location.CENTER, grid.dims());
        this.c = context.newField("C", centers);
        this.next = context.newField("C.next", centers);
        this.launcher = context.launcher();
        this.exchange = context.exchange();
        this.chi = context.parameter(DiffusionModel.CHI);
        this.full = Launcher.fullRange(grid.cells());
        this.outerWidth = new int[grid.dims()];
        // the halo exchange sends layer 1 and the boundary conditions read it: it must be in a slab
        java.util.Arrays.fill(outerWidth, OUTER_WIDTH);
        context.initialize(c, "C");
        FieldBoundaries initial = context.boundaries(c, "C");
        for (int d = grid.dims() - 1; d >= 0; d--) {
            exchange.exchange(d, c);
            initial.apply(d);
        }
        this.nextBoundaries = context.boundaries(next, "C");
        this.kernel = box -> DiffusionKernels.step(c, next, box, ax, ay, az);
        this.fillHalos = d -> {
            exchange.exchange(d, next);
            nextBoundaries.apply(d);
        };
    }

    @Override
    public List<Field> fields() {
        return List.of(c);
    }

    @Override
    public void step(double dt) {
        ax = coefficient(0, dt);
        ay = coefficient(1, dt);
        az = coefficient(2, dt);
        if (fitsOuterWidth()) {
            launcher.launch(full, outerWidth, kernel, fillHalos);
        } else {
            launcher.launch(full, grid.dims(), kernel, fillHalos);
        }
        c.swapValues(next);
    }

    private boolean fitsOuterWidth() {
        for (int d = 0; d < grid.dims(); d++) {
            if (full.extent(d) < 2 * outerWidth[d]) {
                return false;
            }
        }
        return true;
    }

    private double coefficient(int d, double dt) {
        if (d >= grid.dims()) {
            return 0;
        }
        double h = grid.spacing(d);
        return dt * chi / (h * h);
    }

    @Override
    public long effectiveBytesPerStep() {
        // C is the one updated array: read once, written once
        return 2L * grid.totalCells() * c.precision().bytes();
    }
}
