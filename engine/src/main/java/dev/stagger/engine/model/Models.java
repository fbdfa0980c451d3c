package dev.stagger.engine.model;

import dev.stagger.engine.model.diffusion.DiffusionModel;
import dev.stagger.engine.model.lang.catalogue.Catalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The models Stagger offers, by name: the hand-written ones, then the catalogue of model files. */
public final class Models {
    private static final List<Model> ALL = all(new DiffusionModel());

    private static List<Model> all(Model... handWritten) {
        List<Model> models = new ArrayList<>(List.of(handWritten));
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
