package dev.stagger.gui.setup;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

/**
 * The tooltips of the setup editors, by control id (a prefix for the per-dimension and per-field
 * ones): what the control sets, in the words of the project file's key. Parameters have their own
 * (the model's help and default).
 */
final class Tips {
    private static final Map<String, String> TIPS = new LinkedHashMap<>();

    static {
        TIPS.put("grid-dims", "Number of dimensions (1 to 3): the length of grid.origin, extent and cells");
        TIPS.put("grid-origin-", "Where the domain starts along this axis (grid.origin)");
        TIPS.put("grid-extent-", "The domain's length along this axis (grid.extent); the spacing is extent / cells");
        TIPS.put("grid-cells-", "Cells along this axis (grid.cells), at least 2");
        TIPS.put("grid-periodic-", "Periodic along this axis (grid.periodic): the two sides join and take no boundary conditions");
        TIPS.put("grid-ranks-auto", "Let the run choose the MPI rank layout from the rank count (grid.ranks: auto)");
        TIPS.put("grid-ranks-", "MPI ranks along this axis (grid.ranks); the blocks are drawn on the grid");
        TIPS.put("grid-auto-ranks", "A rank count to preview the automatic layout with (not saved)");
        TIPS.put("run-precision", "Floating-point precision of the fields (run.precision): f64, or f32 for half the memory");
        TIPS.put("run-steps", "Time steps to run (run.steps); or give an end time instead");
        TIPS.put("run-end-time", "Simulated time to run to (run.end_time); the last step is shortened to land on it");
        TIPS.put("run-dt", "Time step (run.dt): auto for the model's stable limit, or a number no larger than it");
        TIPS.put("run-threads", "Worker threads (run.threads): auto for all cores");
        TIPS.put("output-every", "Steps between outputs (output.every); 0 writes the final state only");
        TIPS.put("boundary-field", "The field whose boundary conditions are edited");
        TIPS.put("boundary-type", "Dirichlet fixes the value on the side, Neumann the outward derivative (zero-flux: 0)");
        TIPS.put("boundary-value", "A number or an expression of the boundary coordinates and the parameters");
        TIPS.put("initial-", "The initial value: a number or an expression of x, y, z, pi and the parameters");
    }

    private Tips() {}

    /** The tip of a control id; null when it has none. */
    static String of(String id) {
        if (id == null) {
            return null;
        }
        String exact = TIPS.get(id);
        if (exact != null) {
            return exact;
        }
        return TIPS.entrySet().stream().filter(e -> e.getKey().endsWith("-") && id.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** {@code c} with its tip (by its id), unless it has one already. */
    static <T extends Control> T on(T c) {
        String tip = of(c.getId());
        if (tip != null && c.getTooltip() == null) {
            c.setTooltip(new Tooltip(tip));
        }
        return c;
    }
}
