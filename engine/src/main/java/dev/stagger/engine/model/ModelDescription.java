package dev.stagger.engine.model;

import java.util.List;
import java.util.Optional;

/**
 * What a model is and what it needs, independent of any run: the CLI's {@code models} command, the
 * project validator and the workbench's editors are all built from this.
 *
 * @param name identifier used in project files ({@code model.name})
 * @param title human-readable name
 * @param summary one paragraph: equations and where the setup comes from
 * @param minDims lowest supported number of dimensions
 * @param maxDims highest supported number of dimensions
 * @param parameters the parameters, in display order
 * @param fields the fields per number of dimensions are derived by {@link Model#fields(int)}
 * @param timeStepRule the stability limit in words, for messages (e.g. "min(Δ)²/χ/ndims/2.1")
 */
public record ModelDescription(String name, String title, String summary, int minDims, int maxDims,
        List<ParameterSpec> parameters, String timeStepRule) {

    public ModelDescription {
        parameters = List.copyOf(parameters);
    }

    public Optional<ParameterSpec> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    public boolean supportsDims(int dims) {
        return dims >= minDims && dims <= maxDims;
    }
}
