package dev.stagger.engine.project;

import dev.stagger.engine.model.ModelDescription;
import dev.stagger.engine.model.ParameterSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which model runs and the parameter values the file sets (the others keep their defaults). A model
 * written in a model file has {@code file} as the project gives it and, as its name, the name the
 * file is registered under ({@code file:<absolute path>}).
 */
public record ModelSpec(String name, Map<String, Double> parameters, String file) {

    public ModelSpec {
        Objects.requireNonNull(name, "name");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public ModelSpec(String name, Map<String, Double> parameters) {
        this(name, parameters, null);
    }

    /**
     * Every parameter of the model, in the model's order: the file's value where given, else the
     * default. Parameters the model does not know are left out (validation reports them).
     */
    public Map<String, Double> resolvedParameters(ModelDescription description) {
        Map<String, Double> resolved = new LinkedHashMap<>();
        for (ParameterSpec spec : description.parameters()) {
            resolved.put(spec.name(), parameters.getOrDefault(spec.name(), spec.defaultValue()));
        }
        return Collections.unmodifiableMap(resolved);
    }
}
