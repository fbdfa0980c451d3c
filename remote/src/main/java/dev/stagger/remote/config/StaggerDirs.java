package dev.stagger.remote.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Stagger keeps the user's settings and its own state, after the XDG base directory spec:
 * cluster profiles in {@code $XDG_CONFIG_HOME/stagger/} (default {@code ~/.config/stagger/}), the
 * registry of runs in {@code $XDG_STATE_HOME/stagger/} (default {@code ~/.local/state/stagger/}).
 */
public record StaggerDirs(Path config, Path state, Path home, Path cache) {

    /** With the cache under {@code home}'s {@code .cache/stagger}. */
    public StaggerDirs(Path config, Path state, Path home) {
        this(config, state, home, home.resolve(".cache/stagger"));
    }

    /** The directories of this user, from the environment. */
    public static StaggerDirs fromEnvironment() {
        return from(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static StaggerDirs from(Map<String, String> env, Path home) {
        return new StaggerDirs(base(env.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve("stagger"),
                base(env.get("XDG_STATE_HOME"), home.resolve(".local/state")).resolve("stagger"), home,
                base(env.get("XDG_CACHE_HOME"), home.resolve(".cache")).resolve("stagger"));
    }

    /** The spec says a relative value is invalid and must be ignored. */
    private static Path base(String value, Path fallback) {
        return value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }

    /** The folder of cluster profiles, one {@code NAME.yaml} each. */
    public Path clusters() {
        return config.resolve("clusters");
    }

    /** The folder of the run registry, one file per cluster run. */
    public Path runs() {
        return state.resolve("runs");
    }

    /** The user's default SSH config file. */
    public Path sshConfig() {
        return home.resolve(".ssh/config");
    }
}
