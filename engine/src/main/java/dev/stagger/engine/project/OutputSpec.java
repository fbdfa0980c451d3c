package dev.stagger.engine.project;

import java.util.List;

/**
 * When and what to write.
 *
 * @param every steps between outputs; 0 writes only the final state
 * @param fields the fields to write, or null for every prognostic field
 * @param checkpointEvery steps between checkpoints; 0 writes none (checkpoints can still be asked for)
 */
public record OutputSpec(long every, List<String> fields, long checkpointEvery) {

    public static final OutputSpec FINAL_STATE_ONLY = new OutputSpec(0, null);

    public OutputSpec {
        fields = fields == null ? null : List.copyOf(fields);
    }

    public OutputSpec(long every, List<String> fields) {
        this(every, fields, 0);
    }
}
