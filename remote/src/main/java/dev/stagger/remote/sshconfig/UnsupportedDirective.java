package dev.stagger.remote.sshconfig;

/**
 * A directive that applies to the host but that Stagger does not honour, for the caller to warn about:
 * {@code directive} as written in the file, its {@code value}, where it is and why it has no effect.
 */
public record UnsupportedDirective(String directive, String value, ConfigLocation location, String reason) {

    @Override
    public String toString() {
        return location + ": " + directive + " " + value + " (" + reason + ")";
    }
}
