package dev.stagger.engine.model.diffusion;

import dev.stagger.engine.model.Models;
import dev.stagger.engine.bc.BoundarySetup;
import dev.stagger.engine.bc.FaceValues;
import dev.stagger.engine.distributed.CartesianExchange;
import dev.stagger.engine.field.Precision;
import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Side;
import dev.stagger.engine.launch.KernelExecutor;
import dev.stagger.engine.launch.Launcher;
import dev.stagger.engine.model.Solver;
import dev.stagger.engine.run.RankContext;
import java.util.Map;

/** Builds solvers of the registry's {@code diffusion} (the catalogue's model files) for tests without a project file. */
final class DiffusionFixture {
    private DiffusionFixture() {}

    static Solver solver(Grid grid, Precision precision, KernelExecutor executor, double chi,
            FaceValues.CoordinateFunction initial, BoundarySetup boundaries) {
        RankContext context = new RankContext(grid, precision, Map.of(DiffusionModel.CHI, chi),
                new Launcher(executor), CartesianExchange.singleRank(grid), Map.of("C", initial), Map.of("C", boundaries));
        return Models.find("diffusion").orElseThrow().createSolver(context); // the model projects run
    }

    /** The same constant condition on every non-periodic side. */
    static BoundarySetup uniform(Grid grid, boolean dirichlet, double value) {
        BoundarySetup setup = new BoundarySetup(grid.dims());
        for (int d = 0; d < grid.dims(); d++) {
            if (!grid.periodic(d)) {
                for (Side side : Side.values()) {
                    setup.setConstant(d, side, dirichlet, value);
                }
            }
        }
        return setup;
    }

    static double stableStep(Grid grid, double chi) {
        return Models.find("diffusion").orElseThrow().stableTimeStep(grid, Map.of(DiffusionModel.CHI, chi));
    }
}
