package dev.stagger.engine.launch;

/**
 * What the launcher does after the two boundary slabs of dimension {@code d} are computed: apply
 * the physical boundary conditions of that dimension or exchange its halos with the neighbours.
 */
@FunctionalInterface
public interface SideHook {
    void afterSlabs(int d);

    SideHook NONE = d -> {};
}
