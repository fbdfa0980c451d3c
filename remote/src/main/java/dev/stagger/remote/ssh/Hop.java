package dev.stagger.remote.ssh;

import java.nio.file.Path;
import java.util.List;

/**
 * One SSH host on the way to a cluster: the login node itself, or a jump host before it. Built
 * from the SSH config and the profile's overrides; holds no secret.
 *
 * @param alias the name the user knows it by (for messages)
 * @param hostName the address to connect to
 * @param identityFiles private keys to offer, in order
 * @param knownHostsFiles where its host key is looked up; the first is where a new key is remembered
 * @param hostKeyAlias the name its key is filed under instead of {@code [host]:port}, or null
 * @param useAgent whether to offer the ssh-agent's keys too
 */
public record Hop(String alias, String hostName, int port, String user, List<Path> identityFiles,
        List<Path> knownHostsFiles, String hostKeyAlias, boolean useAgent) {

    public Hop {
        identityFiles = List.copyOf(identityFiles);
        knownHostsFiles = List.copyOf(knownHostsFiles);
    }

    /** {@code user@host:port} as the user would write it. */
    public String describe() {
        return user + "@" + (alias.equals(hostName) ? hostName : alias + " (" + hostName + ")") + (port == 22 ? "" : ":" + port);
    }
}
