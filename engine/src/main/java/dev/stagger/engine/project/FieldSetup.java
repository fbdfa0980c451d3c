package dev.stagger.engine.project;

import dev.stagger.engine.grid.Side;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a prognostic field starts and what holds at its boundaries.
 *
 * @param initial text of the initial condition (a number or an expression of x, y, z); null when
 *     the file gave none, which validation reports
 * @param all the condition for every non-periodic side not named in {@code sides}, or null
 * @param sides conditions for specific sides, overriding {@code all}
 */
public record FieldSetup(String initial, BoundarySpec all, Map<BoundaryKey, BoundarySpec> sides) {

    public FieldSetup {
        sides = Collections.unmodifiableMap(new LinkedHashMap<>(sides));
    }

    public FieldSetup(String initial) {
        this(initial, null, Map.of());
    }

    /** The condition that applies on a side: the side's own, else {@code all}, else zero flux. */
    public BoundarySpec boundary(int dim, Side side) {
        BoundarySpec own = sides.get(new BoundaryKey(dim, side));
        if (own != null) {
            return own;
        }
        return all != null ? all : BoundarySpec.ZERO_FLUX;
    }
}
