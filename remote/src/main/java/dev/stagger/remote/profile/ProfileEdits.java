package dev.stagger.remote.profile;

import dev.stagger.engine.yaml.InPlaceEditor;
import dev.stagger.engine.yaml.YamlScalars;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Changes to a profile's values, applied to its text in place so that the user's comments and
 * layout survive ({@code stagger cluster edit NAME --port 2222}). Values are given as text, as a
 * user types them; whether they are valid is for {@link ProfileReader} to say afterwards, with
 * the key each problem is about.
 */
public final class ProfileEdits {
    /** One change: a new value for a key, or (with a null value and null items) its removal. */
    public record Edit(ProfileKey key, String value, List<String> items) {
        public boolean isUnset() {
            return value == null && items == null;
        }
    }

    private final List<Edit> edits = new ArrayList<>();

    /** Sets a text or whole-number key; {@code value} as typed ({@code 2222}, {@code ~/stagger}). */
    public ProfileEdits set(ProfileKey key, String value) {
        if (key.kind().isList() || key.kind() == ProfileKey.Kind.SECTION) {
            throw new IllegalArgumentException(key.path() + " takes a list; use set(key, List)");
        }
        edits.add(new Edit(key, Objects.requireNonNull(value, "value"), null));
        return this;
    }

    /** Sets a list key to these items, replacing the list there was. */
    public ProfileEdits set(ProfileKey key, List<String> items) {
        if (!key.kind().isList()) {
            throw new IllegalArgumentException(key.path() + " is not a list");
        }
        edits.add(new Edit(key, null, List.copyOf(items)));
        return this;
    }

    /** Removes a key (a section with everything in it); nothing happens where it is not set. */
    public ProfileEdits unset(ProfileKey key) {
        edits.add(new Edit(key, null, null));
        return this;
    }

    public List<Edit> edits() {
        return List.copyOf(edits);
    }

    public boolean isEmpty() {
        return edits.isEmpty();
    }

    /** The profile text with every change made, in the order given; {@code source} names it in problems. */
    public String applyTo(String text, String source) throws ProfileException {
        InPlaceEditor editor = new InPlaceEditor(text, source, ProfileEdits::documentedOrder,
                "change it in your editor (stagger cluster edit NAME with no options)");
        try {
            for (Edit edit : edits) {
                List<String> path = Arrays.asList(edit.key().path().split("\\."));
                if (edit.isUnset()) {
                    editor.unset(path);
                } else {
                    editor.set(path, newValue(edit));
                }
            }
        } catch (InPlaceEditor.EditException e) {
            throw new ProfileException(List.of(e.problem()));
        }
        return editor.text();
    }

    /** The keys of the top level (empty path) or of a section, in the order a written profile lists them. */
    private static List<String> documentedOrder(List<String> mappingPath) {
        if (mappingPath.isEmpty()) {
            return ProfileKey.names(ProfileKey.in(null));
        }
        return ProfileKey.byPath(String.join(".", mappingPath)).map(section -> ProfileKey.names(ProfileKey.in(section)))
                .orElse(List.of());
    }

    private static InPlaceEditor.Value newValue(Edit edit) {
        ProfileKey.Kind kind = edit.key().kind();
        if (kind.isList()) {
            return InPlaceEditor.Value.list(edit.items().stream().map(YamlScalars::item).toList(),
                    kind == ProfileKey.Kind.BLOCK_LIST);
        }
        if (kind == ProfileKey.Kind.WHOLE) {
            return InPlaceEditor.Value.scalar(YamlScalars.whole(edit.value()));
        }
        // quoted, as the writer does, so that a walltime never looks like a number
        return InPlaceEditor.Value.scalar(edit.key() == ProfileKey.SLURM_TIME ? YamlScalars.quoted(edit.value())
                : YamlScalars.text(edit.value()));
    }
}
