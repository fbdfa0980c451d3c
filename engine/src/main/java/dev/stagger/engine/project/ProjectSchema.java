package dev.stagger.engine.project;

import java.util.List;

/** The key names of format 1, shared by the reader, the override checker and the writer. */
final class ProjectSchema {
    static final List<String> TOP = List.of("format", "title", "description", "grid", "model", "fields", "run",
            "output");
    static final List<String> GRID = List.of("origin", "extent", "cells", "periodic", "ranks");
    static final List<String> MODEL = List.of("name", "file", "parameters");
    static final List<String> FIELD = List.of("initial", "boundary");
    static final List<String> SIDES = List.of(BoundaryKey.ALL, "x-low", "x-high", "y-low", "y-high", "z-low",
            "z-high");
    static final List<String> CONDITION = List.of("type", "value");
    static final List<String> RUN = List.of("steps", "end_time", "dt", "threads", "precision", "backend");
    static final List<String> OUTPUT = List.of("every", "fields", "checkpoint_every");

    /** Longest title; the gallery shows it on one line, details belong in the description. */
    static final int MAX_TITLE = 80;

    private ProjectSchema() {}

    /**
     * Null when the dotted path names something format 1 has, else what is wrong with it. Names of
     * fields and parameters are free here; validation checks them against the model.
     */
    static String checkPath(List<String> segments) {
        if (segments.isEmpty() || segments.stream().anyMatch(String::isEmpty)) {
            return "the key path is empty or has an empty part";
        }
        String top = segments.get(0);
        if (!TOP.contains(top)) {
            return unknown(top, TOP);
        }
        List<String> rest = segments.subList(1, segments.size());
        switch (top) {
            case "grid":
                return leafIn(rest, GRID);
            case "run":
                return leafIn(rest, RUN);
            case "output":
                return leafIn(rest, OUTPUT);
            case "model":
                if (rest.isEmpty()) {
                    return null;
                }
                if (!MODEL.contains(rest.get(0))) {
                    return unknown(rest.get(0), MODEL);
                }
                return rest.size() <= (rest.get(0).equals("parameters") ? 2 : 1) ? null : tooDeep(rest);
            case "fields":
                return fieldPath(rest);
            default:
                return rest.isEmpty() ? null : tooDeep(rest);
        }
    }

    private static String fieldPath(List<String> rest) {
        if (rest.size() <= 1) {
            return null;
        }
        String key = rest.get(1);
        if (!FIELD.contains(key)) {
            return unknown(key, FIELD);
        }
        if (key.equals("initial")) {
            return rest.size() == 2 ? null : tooDeep(rest);
        }
        if (rest.size() == 2) {
            return null;
        }
        if (!SIDES.contains(rest.get(2))) {
            return unknown(rest.get(2), SIDES);
        }
        if (rest.size() == 3) {
            return null;
        }
        if (!CONDITION.contains(rest.get(3))) {
            return unknown(rest.get(3), CONDITION);
        }
        return rest.size() == 4 ? null : tooDeep(rest);
    }

    private static String leafIn(List<String> rest, List<String> keys) {
        if (rest.isEmpty()) {
            return null;
        }
        if (!keys.contains(rest.get(0))) {
            return unknown(rest.get(0), keys);
        }
        return rest.size() == 1 ? null : tooDeep(rest);
    }

    static String unknown(String key, List<String> keys) {
        return "unknown key '" + key + "'" + Hints.didYouMean(key, keys) + " (keys here: " + String.join(", ", keys)
                + ")";
    }

    private static String tooDeep(List<String> rest) {
        return "'" + rest.get(rest.size() - 1) + "' is below a plain value; nothing can be set there";
    }
}
