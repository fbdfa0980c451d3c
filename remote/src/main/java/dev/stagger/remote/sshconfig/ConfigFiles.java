package dev.stagger.remote.sshconfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.stagger.remote.sshconfig.ConfigEntry.IncludeLine;

/**
 * The configuration files: the user's and the system's, and what they include, each parsed once. Included
 * files whose names hold no {@code %} token are found and parsed when the configuration is loaded, so that their
 * errors show at once; the others are found when a host is resolved, since their names depend on it.
 */
final class ConfigFiles {
    /** OpenSSH's {@code READCONF_MAX_DEPTH}. */
    static final int MAX_INCLUDE_DEPTH = 16;

    private record Key(Path path, boolean userConfig) {
    }

    private final SshEnvironment env;
    private final Path systemDir;
    private final List<ConfigFile> roots;
    private final Map<Key, ConfigFile> parsed = new ConcurrentHashMap<>();

    ConfigFiles(SshEnvironment env, Path userFile, Path systemFile) throws SshConfigException {
        this.env = env;
        this.systemDir = systemFile == null ? Path.of("/etc/ssh") : systemFile.toAbsolutePath().getParent();
        ConfigFile user = userFile == null ? null : ConfigFileReader.read(userFile, true, true, env);
        // OpenSSH does not check the owner of the system file itself, only of what it includes
        ConfigFile system = systemFile == null ? null : ConfigFileReader.read(systemFile, false, false, env);
        this.roots = java.util.stream.Stream.of(user, system).filter(java.util.Objects::nonNull).toList();
        for (ConfigFile root : roots) {
            Deque<Path> stack = new ArrayDeque<>();
            stack.push(realPath(root.path()));
            preloadIncludes(root, stack);
        }
    }

    SshEnvironment env() {
        return env;
    }

    /** The user's file first, then the system's: OpenSSH's order, which decides who wins. */
    List<ConfigFile> roots() {
        return roots;
    }

    /** Where a relative {@code Include} of this file points: {@code ~/.ssh/} or the system directory. */
    String includeBase(ConfigFile file) {
        return file.userConfig() ? "~/.ssh/" : systemDir + "/";
    }

    /** The file as parsed (once), or null if it vanished since it was found. */
    ConfigFile get(Path path, boolean userConfig) throws SshConfigException {
        Key key = new Key(path.toAbsolutePath().normalize(), userConfig);
        ConfigFile file = parsed.get(key);
        if (file == null) {
            file = ConfigFileReader.read(path, userConfig, true, env);
            if (file == null) {
                return null;
            }
            parsed.put(key, file);
        }
        return file;
    }

    /** Anchors and globs an {@code Include} path whose tokens are already expanded. */
    List<Path> glob(String expanded, ConfigFile from, ConfigLocation at) throws SshConfigException {
        String path = expanded;
        if (path.startsWith("~") && !from.userConfig()) {
            throw new SshConfigException(at, "Include '" + path + "': ~ is not allowed in the system "
                    + "configuration; write an absolute path");
        }
        if (!isAbsolute(path) && !path.startsWith("~")) {
            path = includeBase(from) + path;
        }
        path = TokenExpander.tilde(path, env, at, "Include");
        try {
            return IncludeGlob.expand(path);
        } catch (IOException | RuntimeException e) {
            throw new SshConfigException(at, "Include '" + expanded + "': cannot list " + path + " ("
                    + e.getMessage() + "); check the path");
        }
    }

    /** Checks the depth and loops before an included file is entered; {@code stack} holds the includers. */
    static void checkNesting(Deque<Path> stack, Path included, ConfigLocation at) throws SshConfigException {
        if (stack.contains(included)) {
            throw new SshConfigException(at, "Include loop: " + included + " includes itself through "
                    + String.join(" -> ", stack.stream().map(Path::toString).toList()) + "; remove one of the "
                    + "Include lines");
        }
        if (stack.size() > MAX_INCLUDE_DEPTH) {
            throw new SshConfigException(at, "Includes nest deeper than " + MAX_INCLUDE_DEPTH + " files; "
                    + "flatten them");
        }
    }

    private static boolean isAbsolute(String path) {
        return path.startsWith("/") || path.startsWith("\\") || path.matches("[A-Za-z]:[/\\\\].*");
    }

    static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private void preloadIncludes(ConfigFile file, Deque<Path> stack) throws SshConfigException {
        for (ConfigEntry entry : file.entries()) {
            if (!(entry instanceof IncludeLine include)) {
                continue;
            }
            for (String pattern : include.paths()) {
                if (pattern.indexOf('%') >= 0) {
                    continue; // depends on the host: found when one is resolved
                }
                String expanded = TokenExpander.expand(pattern, Map.of(), env.variables(), include.location(),
                        "Include");
                for (Path path : glob(expanded, file, include.location())) {
                    Path real = realPath(path);
                    checkNesting(stack, real, include.location());
                    ConfigFile child = get(path, file.userConfig());
                    if (child != null) {
                        stack.push(real);
                        preloadIncludes(child, stack);
                        stack.pop();
                    }
                }
            }
        }
    }
}
