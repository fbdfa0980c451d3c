package dev.stagger.remote.testcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Starts the loopback cluster in a fresh temporary state directory through dev/cluster/start.sh
 * (or attaches to one already running), and stops it again. Settings, as system property or
 * environment variable:
 * <ul>
 * <li>{@code stagger.cluster} / {@code STAGGER_CLUSTER} = {@code off}: skip every cluster test;</li>
 * <li>{@code stagger.cluster.state} / {@code STAGGER_CLUSTER_STATE} = a state directory: use the
 * cluster started there by hand ({@code dev/cluster/start.sh DIR}), and leave it running;</li>
 * <li>{@code stagger.cluster.keepState} = {@code true}: keep the state directory (logs) after stopping;</li>
 * <li>{@code stagger.cluster.busyWaitSeconds} (default 300): how long to wait while another test
 * run's cluster occupies the machine.</li>
 * </ul>
 */
final class ClusterLauncher {
    private static final Duration BUSY_POLL = Duration.ofSeconds(3);
    private static final int LOG_TAIL_LINES = 25;

    private ClusterLauncher() {
    }

    static LoopbackCluster launch() throws ClusterUnavailableException {
        if ("off".equalsIgnoreCase(setting("stagger.cluster", "STAGGER_CLUSTER"))) {
            throw new ClusterUnavailableException("cluster tests switched off (stagger.cluster=off / STAGGER_CLUSTER=off)");
        }
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            throw new ClusterUnavailableException("the loopback cluster needs Linux (network namespaces, sshd, Slurm)");
        }
        Path workingDirectory = Path.of("").toAbsolutePath();
        ClusterScripts scripts = ClusterScripts.findFrom(workingDirectory).orElseThrow(
                () -> new ClusterUnavailableException("no dev/cluster/start.sh in " + workingDirectory + " or above"));
        String attachTo = setting("stagger.cluster.state", "STAGGER_CLUSTER_STATE");
        if (attachTo != null && !attachTo.isBlank()) {
            Path stateDir = Path.of(attachTo).toAbsolutePath();
            if (!Files.isRegularFile(stateDir.resolve(LoopbackCluster.ENV_FILE))) {
                throw new IllegalStateException("stagger.cluster.state=" + stateDir + " has no " + LoopbackCluster.ENV_FILE
                        + ": start it with " + scripts.directory().resolve("start.sh") + " " + stateDir);
            }
            log("using the running cluster of " + stateDir);
            return LoopbackCluster.load(stateDir, scripts, false);
        }
        return startFresh(scripts);
    }

    private static LoopbackCluster startFresh(ClusterScripts scripts) throws ClusterUnavailableException {
        Path stateDir = createStateDir();
        Path startLog = stateDir.resolve("start.log");
        long busyDeadline = System.nanoTime()
                + Duration.ofSeconds(Long.getLong("stagger.cluster.busyWaitSeconds", 300)).toNanos();
        boolean toldWaiting = false;
        while (true) {
            long started = System.nanoTime();
            int exit = scripts.start(stateDir, ProcessHandle.current().pid(), startLog);
            if (exit == 0) {
                log("started in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms: " + stateDir);
                return LoopbackCluster.load(stateDir, scripts, true);
            }
            String output = read(startLog);
            if (exit == ClusterScripts.EXIT_UNAVAILABLE) {
                deleteTree(stateDir);
                throw new ClusterUnavailableException(output.strip());
            }
            if (exit == ClusterScripts.EXIT_BUSY) {
                if (System.nanoTime() > busyDeadline) {
                    deleteTree(stateDir); // nothing was started in it
                    throw new IllegalStateException("the machine stayed busy (stagger.cluster.busyWaitSeconds): "
                            + lastLine(output));
                }
                if (!toldWaiting) {
                    log("waiting for the machine: " + lastLine(output));
                    toldWaiting = true;
                }
                sleep(BUSY_POLL);
                continue;
            }
            String report = failureReport(stateDir, output);
            CommandResult stop = scripts.stop(stateDir); // undo what the failed start made
            throw new IllegalStateException("dev/cluster/start.sh " + stateDir + " failed (exit " + exit + "):\n"
                    + report + "\nstop.sh after the failure: exit " + stop.exitCode() + " " + stop.stderr().strip()
                    + "\n(state directory kept: " + stateDir + ")");
        }
    }

    /** Stops a cluster this JVM started and deletes its state directory (unless kept). */
    static void stop(LoopbackCluster cluster) {
        if (!cluster.ownedByThisJvm()) {
            return;
        }
        CommandResult result = cluster.scripts().stop(cluster.stateDir());
        if (!result.succeeded()) {
            log("stop.sh failed, state kept in " + cluster.stateDir() + ":\n" + result);
            return;
        }
        if (Boolean.getBoolean("stagger.cluster.keepState")) {
            log("stopped; state kept in " + cluster.stateDir());
        } else {
            deleteTree(cluster.stateDir());
            log("stopped");
        }
    }

    private static Path createStateDir() {
        try {
            return Files.createTempDirectory("stagger-cluster-").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the cluster's state directory", e);
        }
    }

    /** The start output and the tail of every daemon log, to make a failed start explain itself. */
    private static String failureReport(Path stateDir, String startOutput) {
        StringBuilder report = new StringBuilder("start.sh said:\n").append(indent(startOutput));
        try (Stream<Path> files = Files.walk(stateDir)) {
            for (Path logFile : files.filter(f -> f.toString().endsWith(".log") && !f.endsWith("start.log"))
                    .sorted().collect(Collectors.toList())) {
                List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
                report.append("\n").append(stateDir.relativize(logFile)).append(" (last lines):\n").append(indent(
                        String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()))));
            }
        } catch (IOException | UncheckedIOException e) {
            report.append("\n(could not read the daemon logs: ").append(e).append(')');
        }
        return report.toString();
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            log("could not delete " + root + ": " + e);
        }
    }

    private static String setting(String property, String environmentVariable) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(environmentVariable);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static String indent(String text) {
        return "  " + text.strip().replace("\n", "\n  ");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the machine", e);
        }
    }

    static void log(String message) {
        System.err.println("[loopback cluster] " + message);
    }
}
