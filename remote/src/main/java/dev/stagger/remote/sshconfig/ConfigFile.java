package dev.stagger.remote.sshconfig;

import java.nio.file.Path;
import java.util.List;

/**
 * A parsed configuration file. {@code userConfig} is false for the system-wide file and what it includes:
 * OpenSSH anchors their relative {@code Include} paths at {@code /etc/ssh} instead of {@code ~/.ssh} and
 * refuses {@code ~} in them.
 */
record ConfigFile(Path path, List<ConfigEntry> entries, boolean userConfig) {
}
