package dev.stagger.engine.model;

import dev.stagger.engine.model.diffusion.DiffusionModel;
import java.util.List;
import java.util.Optional;

/** The models Stagger offers, by name. */
public final class Models {
    private static final List<Model> ALL = List.of(new DiffusionModel());

    private Models() {}

    public static List<Model> all() {
        return ALL;
    }

    public static Optional<Model> find(String name) {
        return ALL.stream().filter(m -> m.description().name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(m -> m.description().name()).toList();
    }
}
