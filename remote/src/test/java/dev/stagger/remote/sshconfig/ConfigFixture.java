package dev.stagger.remote.sshconfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A home directory in a test's temporary folder with an {@code ~/.ssh} to write configuration files into, and
 * an environment whose {@code Match exec} is a fake that records the commands and answers from a rule.
 */
final class ConfigFixture {
    final Path home;
    final Path ssh;
    final Map<String, String> variables = new HashMap<>();
    final List<String> executed = new ArrayList<>();
    Predicate<String> execSucceeds = command -> false;
    private final long uid;

    ConfigFixture(Path tempDir) {
        home = tempDir.resolve("home");
        ssh = home.resolve(".ssh");
        try {
            Files.createDirectories(ssh);
            uid = ((Number) Files.getAttribute(tempDir, "unix:uid")).longValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code lines} to {@code name} under {@code ~/.ssh} (or an absolute path), readable only by us. */
    Path write(String name, String... lines) {
        Path file = ssh.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", lines) + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Writes {@code ~/.ssh/config}. */
    Path config(String... lines) {
        return write("config", lines);
    }

    long uid() {
        return uid;
    }

    SshEnvironment env() {
        return new SshEnvironment("alice", home, uid, "ws1.example.org", variables, command -> {
            executed.add(command);
            return execSucceeds.test(command);
        });
    }

    SshConfig load() throws SshConfigException {
        return SshConfig.load(ssh.resolve("config"), env());
    }

    ResolvedHost resolve(String alias) throws SshConfigException {
        return load().resolve(alias);
    }

    Path home(String relative) {
        return home.resolve(relative);
    }
}
