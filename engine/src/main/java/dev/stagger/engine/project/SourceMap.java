package dev.stagger.engine.project;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each key and value of a project sits in its file, by dotted key path
 * ({@code grid.cells[1]}, {@code fields.C.boundary.x-low.value}), so messages and the workbench can
 * point at the very place. Values that came from a command-line override carry that override as
 * their source.
 */
public final class SourceMap {

    /** A 1-based position; line 0 means "no position known". */
    public record Position(String source, int line, int column) {}

    private final String source;
    private final Map<String, Position> keys;
    private final Map<String, Position> values;
    private final Map<String, Position> verbatimText;

    SourceMap(String source, Map<String, Position> keys, Map<String, Position> values,
            Map<String, Position> verbatimText) {
        this.source = source;
        this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.verbatimText = Collections.unmodifiableMap(new LinkedHashMap<>(verbatimText));
    }

    /** A map without positions, for projects that were built in memory rather than read. */
    public static SourceMap none(String source) {
        return new SourceMap(source, Map.of(), Map.of(), Map.of());
    }

    /** Name of the file (or other source) the project was read from. */
    public String source() {
        return source;
    }

    /** Every path with a known position, in file order. */
    public Set<String> paths() {
        return values.keySet();
    }

    /** Where the key of a mapping entry is written (absent for list elements). */
    public Optional<Position> keyPosition(String path) {
        return Optional.ofNullable(keys.get(path));
    }

    /** Where the value at a path starts. */
    public Optional<Position> valuePosition(String path) {
        return Optional.ofNullable(values.get(path));
    }

    /**
     * Where the first character of a single-line scalar's text is, when the file holds that text
     * verbatim (plain, or quoted without escapes), so an expression's column maps into the file.
     */
    public Optional<Position> verbatimTextPosition(String path) {
        return Optional.ofNullable(verbatimText.get(path));
    }

    /** The value at {@code path}, or for a path that is not in the file its nearest ancestor's key. */
    public Position locate(String path) {
        Position value = values.get(path);
        return value != null ? value : locateMissing(path);
    }

    /** The key at {@code path} if it is written, else as {@link #locateMissing}. */
    public Position locateKey(String path) {
        Position key = keys.get(path);
        return key != null ? key : locate(path);
    }

    /** For something absent at {@code path}: the key of the nearest ancestor that is in the file. */
    public Position locateMissing(String path) {
        for (String p = parent(path); p != null; p = parent(p)) {
            Position at = keys.containsKey(p) ? keys.get(p) : values.get(p);
            if (at != null) {
                return at;
            }
        }
        return values.isEmpty() ? new Position(source, 0, 0) : new Position(source, 1, 1);
    }

    /** {@code grid.cells[1]} → {@code grid.cells} → {@code grid} → "" → null. */
    static String parent(String path) {
        if (path.isEmpty()) {
            return null;
        }
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    /** Collects positions while a file is read. */
    static final class Builder {
        private final String source;
        private final Map<String, Position> keys = new LinkedHashMap<>();
        private final Map<String, Position> values = new LinkedHashMap<>();
        private final Map<String, Position> verbatim = new LinkedHashMap<>();

        Builder(String source) {
            this.source = source;
        }

        void key(String path, Position at) {
            keys.put(path, at);
        }

        void value(String path, Position at) {
            values.put(path, at);
        }

        void verbatim(String path, Position at) {
            verbatim.put(path, at);
        }

        SourceMap build() {
            return new SourceMap(source, keys, values, verbatim);
        }
    }
}
