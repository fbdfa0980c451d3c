package dev.stagger.engine.project;

import java.util.List;

/**
 * When and what to write.
 *
 * @param every steps between outputs; 0 writes only the final state
 * @param fields the fields to write, or null for every prognostic field
 */
public record OutputSpec(long every, List<String> fields) {

    public static final OutputSpec FINAL_STATE_ONLY = new OutputSpec(0, null);

    public OutputSpec {
        fields = fields == null ? null : List.copyOf(fields);
    }
}
