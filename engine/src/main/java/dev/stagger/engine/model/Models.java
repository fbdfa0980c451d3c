package dev.stagger.engine.model;

import dev.stagger.engine.model.lang.catalogue.Catalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The models Stagger offers, by name: {@code diffusion}, then the catalogue of model files. */
public final class Models {
    private static final List<Model> ALL = registry();

    private static List<Model> registry() {
        List<Model> models = new ArrayList<>();
        models.add(Catalogue.diffusion());
        models.addAll(Catalogue.models());
        return List.copyOf(models);
    }

    private Models() {}

    public static List<Model> all() {
        return ALL;
    }

    /** A built-in model, or a model file a project named (registered when the project was read). */
    public static Optional<Model> find(String name) {
        Optional<Model> builtIn = ALL.stream().filter(m -> m.description().name().equals(name)).findFirst();
        return builtIn.isPresent() ? builtIn : dev.stagger.engine.model.lang.catalogue.UserModels.find(name).map(m -> m);
    }

    public static List<String> names() {
        return ALL.stream().map(m -> m.description().name()).toList();
    }
}
