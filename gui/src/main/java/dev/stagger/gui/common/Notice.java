package dev.stagger.gui.common;

/** A message for the notification bar; {@code serial} makes two equal messages two notices. */
public record Notice(Kind kind, String text, long serial) {
    public enum Kind { INFO, WARNING, ERROR }
}
