package dev.stagger.engine.project;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed project file (format 1). Immutable; build a changed copy with the record constructor.
 *
 * @param description a paragraph for the gallery, or null
 * @param fields setups of the prognostic fields, by field name, in file order
 */
public record Project(String title, String description, GridSpec grid, ModelSpec model,
        Map<String, FieldSetup> fields, RunSpec run, OutputSpec output) {

    /** The only schema version this engine reads and writes. */
    public static final int FORMAT = 1;

    public Project {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(run, "run");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        output = output == null ? OutputSpec.FINAL_STATE_ONLY : output;
    }
}
