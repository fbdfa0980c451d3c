package dev.stagger.gui.run.local;

import dev.stagger.engine.live.RunEndpoint;
import dev.stagger.engine.live.RunStateFile;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What a run folder tells about its run: is its process alive, how did it end, its log's last line. */
public final class RunProcesses {
    private static final System.Logger LOG = System.getLogger(RunProcesses.class.getName());
    /** Slack for clocks read a moment apart (the process starts just before it writes its endpoint). */
    private static final long SLACK_MILLIS = 1_000;

    private RunProcesses() {}

    /**
     * The run's process, when the endpoint names this machine and its pid is alive; a process
     * started after the endpoint was written took over a pid of a run that is gone.
     */
    static Optional<ProcessHandle> process(RunEndpoint e) {
        return ProcessHandle.of(e.pid()).filter(ProcessHandle::isAlive)
                .filter(h -> h.info().startInstant().map(s -> !s.isAfter(e.started().plusMillis(SLACK_MILLIS)))
                        .orElse(true));
    }

    /** How to watch the run's process: its pid here, or (a run on another host) the server alone. */
    static EndpointFollower.Watch watch(RunEndpoint e) {
        if (!isLocal(e.host())) {
            return REMOTE;
        }
        return process(e).map(EndpointFollower.Watch::of).orElse(EndpointFollower.Watch.ENDED);
    }

    /** True when the run was found alive: its process here lives, or (another host) it is not known to have ended. */
    public static boolean seemsAlive(RunEndpoint e) {
        return watch(e).alive();
    }

    /**
     * Refuses to start a run into {@code dir} while another run is going there (two runs would
     * overwrite each other's output and endpoint): its endpoint names a live process here.
     */
    static void refuseIfRunGoingIn(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(RunEndpoint.FILE_NAME))) {
            return;
        }
        RunEndpoint e;
        try {
            e = RunEndpoint.read(dir);
        } catch (IOException damaged) {
            LOG.log(System.Logger.Level.INFO, "replacing the damaged endpoint file in " + dir, damaged);
            return; // not a run anyone can reach: the new run replaces the file
        }
        if (isLocal(e.host()) && process(e).isPresent()) {
            throw new IOException("run '" + e.runName() + "' is still going in " + dir + " (process " + e.pid()
                    + "); stop it first (it is in the job list after Run > Attach to Run…)");
        }
    }

    static boolean isLocal(String host) {
        try {
            InetAddress a = InetAddress.getByName(host);
            return a.isLoopbackAddress() || a.isAnyLocalAddress() || host.equals(InetAddress.getLocalHost().getHostName())
                    || java.net.NetworkInterface.getByInetAddress(a) != null;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot resolve host " + host + "; taking it as remote", e);
            return false;
        }
    }

    /**
     * The run folder's state file when it belongs to the run of {@code endpoint} (written at or after
     * its start); null when there is none, it is older, or no endpoint says which run it should be.
     */
    static RunStateFile endOf(Path dir, RunEndpoint endpoint) {
        if (endpoint == null || !Files.exists(dir.resolve(RunStateFile.FILE_NAME))) {
            return null;
        }
        try {
            RunStateFile f = RunStateFile.read(dir);
            return f.updated().isBefore(endpoint.started().minusMillis(SLACK_MILLIS)) ? null : f;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot read the state file in " + dir, e);
            return null;
        }
    }

    /** The last non-blank line of a log file (at most 300 characters), or "" when there is none. */
    static String lastLine(Path file) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, f.length() - 8192);
            byte[] tail = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(tail);
            String[] lines = new String(tail, StandardCharsets.UTF_8).split("\\R");
            for (int i = lines.length - 1; i >= 0; i--) {
                String l = lines[i].strip();
                if (!l.isEmpty()) {
                    return l.length() > 300 ? l.substring(0, 300) + "…" : l;
                }
            }
            return "";
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot read the end of " + file, e);
            return "";
        }
    }

    /** A run on another host: no pid to watch; followed while its server answers. */
    private static final EndpointFollower.Watch REMOTE = new EndpointFollower.Watch() {
        @Override
        public boolean alive() {
            return true;
        }

        @Override
        public void await(long millis) throws InterruptedException {
            Thread.sleep(Math.min(millis, 1_000));
        }
    };
}
