package dev.stagger.remote.profile;

import java.nio.file.Path;

/**
 * The local files a profile names ({@code ssh_config}, {@code identity_file}, {@code known_hosts})
 * are written as the user types them, {@code ~/.ssh/config}, so the file reads the same on every
 * machine it is copied to. They are expanded only when used.
 */
public final class LocalPaths {
    private LocalPaths() {}

    /** {@code ~} and {@code ~/x} under {@code home}; an absolute path as it is. */
    public static Path expand(String written, Path home) {
        if (written.equals("~")) {
            return home;
        }
        if (written.startsWith("~/") || written.startsWith("~" + java.io.File.separator)) {
            return home.resolve(written.substring(2));
        }
        return Path.of(written);
    }

    /** True for the forms {@link #expand} understands: absolute, {@code ~} or {@code ~/...}. */
    static boolean isUsable(String written) {
        if (written.equals("~") || written.startsWith("~/") || written.startsWith("~" + java.io.File.separator)) {
            return true;
        }
        try {
            return Path.of(written).isAbsolute();
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
