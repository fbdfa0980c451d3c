package dev.stagger.engine.distributed;

import dev.stagger.engine.field.Field;
import dev.stagger.engine.grid.Grid;

/** The halo exchange of a run on one rank: nothing to send; periodic dimensions wrap around. */
public final class SingleRankExchange implements HaloExchange {
    private final Grid grid;

    public SingleRankExchange(Grid grid) {
        this.grid = grid;
    }

    @Override
    public void exchange(int d, Field... fields) {
        if (grid.periodic(d)) {
            for (Field field : fields) {
                PeriodicWrap.wrap(field, d);
            }
        }
    }

    @Override
    public boolean isDomainBoundary(int d, int side) {
        return !grid.periodic(d);
    }
}
