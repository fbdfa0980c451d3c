package dev.stagger.remote.testcluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The shell side of the harness: dev/cluster/start.sh, stop.sh and rekey-login.sh. */
final class ClusterScripts {
    /** start.sh: this machine cannot host the cluster (not root, packages missing). */
    static final int EXIT_UNAVAILABLE = 69;
    /** start.sh: another live cluster owns the machine's fixed names for now. */
    static final int EXIT_BUSY = 75;

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration REKEY_TIMEOUT = Duration.ofSeconds(30);

    private final Path directory;

    private ClusterScripts(Path directory) {
        this.directory = directory;
    }

    /** The scripts of the project around the working directory (walking up to its root). */
    static Optional<ClusterScripts> findFrom(Path workingDirectory) {
        for (Path dir = workingDirectory.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path scripts = dir.resolve("dev/cluster");
            if (Files.isRegularFile(scripts.resolve("start.sh"))) {
                return Optional.of(new ClusterScripts(scripts));
            }
        }
        return Optional.empty();
    }

    Path directory() {
        return directory;
    }

    /** Runs start.sh; its output goes to {@code log} (it starts daemons, which must not hold our pipes). */
    int start(Path stateDir, long ownerPid, Path log) {
        return Commands.runLogged(List.of("bash", directory.resolve("start.sh").toString(), stateDir.toString(),
                "--owner-pid", Long.toString(ownerPid)), log, START_TIMEOUT);
    }

    CommandResult stop(Path stateDir) {
        return Commands.run(List.of("bash", directory.resolve("stop.sh").toString(), stateDir.toString()),
                STOP_TIMEOUT);
    }

    /** rekey-login.sh with an optional option (--restore, --restart). */
    CommandResult rekeyLogin(Path stateDir, String option) {
        List<String> command = new ArrayList<>(
                List.of("bash", directory.resolve("rekey-login.sh").toString(), stateDir.toString()));
        if (option != null) {
            command.add(option);
        }
        return Commands.run(command, REKEY_TIMEOUT);
    }
}
