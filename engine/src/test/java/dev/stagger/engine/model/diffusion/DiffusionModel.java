package dev.stagger.engine.model.diffusion;

import dev.stagger.engine.grid.Grid;
import dev.stagger.engine.grid.Location;
import dev.stagger.engine.model.FieldDescription;
import dev.stagger.engine.model.FieldKind;
import dev.stagger.engine.model.Model;
import dev.stagger.engine.model.ModelDescription;
import dev.stagger.engine.model.ParameterSpec;
import dev.stagger.engine.model.Solver;
import dev.stagger.engine.model.SolverContext;
import java.util.List;
import java.util.Map;

/**
 * Linear diffusion as in Chmy's examples: {@code q = -χ∇C}, {@code ∂C/∂t = -∇·q}, with the explicit
 * time step {@code Δt = min(Δ)²/χ/ndims/2.1}. C lives on cell centers, the flux q on the faces.
 */
public final class DiffusionModel implements Model {
    public static final String NAME = "diffusion";
    public static final String CHI = "chi";

    private static final ModelDescription DESCRIPTION = new ModelDescription(
            NAME,
            "Diffusion",
            "Linear diffusion of a scalar C: q = -χ∇C, ∂C/∂t = -∇·q, explicit in time (Chmy.jl's diffusion examples).",
            1,
            3,
            List.of(ParameterSpec.positive(CHI, "m²/s", 1.0, "diffusivity χ")),
            "min(Δ)²/χ/ndims/2.1");

    @Override
    public ModelDescription description() {
        return DESCRIPTION;
    }

    @Override
    public List<FieldDescription> fields(int dims) {
        return List.of(
                new FieldDescription("C", FieldKind.SCALAR, Location.all(Location.CENTER, dims), true, "",
                        "the diffusing quantity (concentration, temperature)"));
    }

    @Override
    public double stableTimeStep(Grid grid, Map<String, Double> parameters) {
        double h = grid.minSpacing();
        return h * h / parameters.get(CHI) / grid.dims() / 2.1;
    }

    @Override
    public int arraysPerRank(int dims) {
        // C and the buffer the next step is computed into (DiffusionSolver); the flux is never stored
        return 2;
    }

    @Override
    public Solver createSolver(SolverContext context) {
        return new DiffusionSolver(context);
    }
}
