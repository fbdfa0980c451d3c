package dev.stagger.gui.run;

import java.util.List;
import java.util.Objects;

/**
 * One thing a target asks before a run (ranks, a cluster profile, a walltime): described as data so
 * the shell draws the form and tests check its logic without a toolkit.
 *
 * @param key what the value is stored under in {@link RunRequest#settings()}
 * @param choices the allowed values of a {@link Kind#CHOICE}; empty otherwise
 * @param min the smallest value of an {@link Kind#INTEGER}
 * @param max the largest value of an {@link Kind#INTEGER}
 */
public record RunSetting(String key, String label, Kind kind, String defaultValue, List<String> choices, int min,
        int max, String help) {

    public enum Kind { INTEGER, TEXT, CHOICE }

    public RunSetting {
        Objects.requireNonNull(key);
        Objects.requireNonNull(label);
        choices = List.copyOf(choices);
        help = help == null ? "" : help;
        defaultValue = defaultValue == null ? "" : defaultValue;
    }

    public static RunSetting integer(String key, String label, int defaultValue, int min, int max, String help) {
        return new RunSetting(key, label, Kind.INTEGER, Integer.toString(defaultValue), List.of(), min, max, help);
    }

    public static RunSetting text(String key, String label, String defaultValue, String help) {
        return new RunSetting(key, label, Kind.TEXT, defaultValue, List.of(), 0, 0, help);
    }

    public static RunSetting choice(String key, String label, List<String> choices, String defaultValue, String help) {
        return new RunSetting(key, label, Kind.CHOICE, defaultValue, choices, 0, 0, help);
    }

    /** Why {@code value} is not acceptable, or null when it is (an empty text means "the default"). */
    public String problem(String value) {
        String v = value == null ? "" : value.trim();
        switch (kind) {
            case INTEGER -> {
                try {
                    int n = Integer.parseInt(v);
                    if (n < min || n > max) {
                        return label + " must be between " + min + " and " + max;
                    }
                    return null;
                } catch (NumberFormatException e) {
                    return label + " must be a whole number, not '" + v + "'";
                }
            }
            case CHOICE -> {
                return choices.contains(v) ? null : label + ": choose one of " + String.join(", ", choices);
            }
            default -> {
                return null;
            }
        }
    }
}
