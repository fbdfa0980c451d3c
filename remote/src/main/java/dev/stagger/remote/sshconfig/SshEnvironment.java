package dev.stagger.remote.sshconfig;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the configuration is resolved against on this machine: the local user (for {@code %u}, {@code Match
 * localuser} and the default {@code User}), the home directory ({@code ~}, {@code %d}), the user id ({@code %i},
 * the owner check of the files; negative when unknown), this host's name ({@code %l}, {@code %L}), the
 * environment ({@code ${NAME}}) and the runner of {@code Match exec}.
 */
public record SshEnvironment(String localUser, Path home, long uid, String localHost,
        Map<String, String> variables, MatchExecRunner matchExec) {

    /** OpenSSH has no limit; a {@code Match exec} that hangs should not hang a connection attempt for ever. */
    public static final Duration MATCH_EXEC_TIMEOUT = Duration.ofSeconds(5);

    public SshEnvironment {
        Objects.requireNonNull(localUser, "localUser");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(localHost, "localHost");
        variables = Map.copyOf(variables);
        Objects.requireNonNull(matchExec, "matchExec");
    }

    /** This process's user, home, host name and environment, with {@code Match exec} run by the shell. */
    public static SshEnvironment current() {
        return new SshEnvironment(System.getProperty("user.name"), Path.of(System.getProperty("user.home")),
                currentUid(), currentHostName(), System.getenv(), MatchExecRunner.shell(MATCH_EXEC_TIMEOUT));
    }

    /** The host name up to its first dot, OpenSSH's {@code %L}. */
    public String localHostShort() {
        int dot = localHost.indexOf('.');
        return dot < 0 ? localHost : localHost.substring(0, dot);
    }

    /** The user's {@code ~/.ssh/config}. */
    public Path userConfig() {
        return home.resolve(".ssh").resolve("config");
    }

    /** The same environment with another runner for {@code Match exec}. */
    public SshEnvironment withMatchExec(MatchExecRunner runner) {
        return new SshEnvironment(localUser, home, uid, localHost, variables, runner);
    }

    /** Without the values of the variables, which may hold secrets and end up in logs. */
    @Override
    public String toString() {
        return "SshEnvironment[localUser=" + localUser + ", home=" + home + ", uid=" + uid + ", localHost="
                + localHost + ", " + variables.size() + " variables, matchExec=" + matchExec + "]";
    }

    private static long currentUid() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid();
        } catch (LinkageError | RuntimeException e) {
            return -1; // not a Unix system, or a runtime without jdk.security.auth
        }
    }

    /** As {@code gethostname()}: the kernel's name where Linux offers it, which needs no name service. */
    private static String currentHostName() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: ask the JDK below
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
