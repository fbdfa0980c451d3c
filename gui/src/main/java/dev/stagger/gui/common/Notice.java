package dev.stagger.gui.common;

import java.util.List;

/**
 * A message for the notification bar; {@code serial} makes two equal messages two notices.
 * {@code details} are lines the bar offers behind a "Details" button (every problem of a project
 * that could not be opened, each with its line and column); empty for most notices.
 */
public record Notice(Kind kind, String text, long serial, List<String> details) {
    public enum Kind { INFO, WARNING, ERROR }

    public Notice {
        details = List.copyOf(details);
    }

    public Notice(Kind kind, String text, long serial) {
        this(kind, text, serial, List.of());
    }
}
