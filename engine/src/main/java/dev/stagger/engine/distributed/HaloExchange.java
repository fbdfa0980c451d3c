package dev.stagger.engine.distributed;

import dev.stagger.engine.field.Field;

/**
 * Fills the halo layers of dimension d that belong to other ranks or to the periodic image of the
 * domain. Sides that are true domain boundaries are left to the physical boundary conditions.
 */
public interface HaloExchange {

    void exchange(int d, Field... fields);

    /** Whether the low (0) or high (1) side of d is a physical domain boundary of this rank. */
    boolean isDomainBoundary(int d, int side);
}
