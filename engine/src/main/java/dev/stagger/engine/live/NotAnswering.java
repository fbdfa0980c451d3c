package dev.stagger.engine.live;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;

/**
 * What to tell someone whose run's server did not answer. The state file is written when the run
 * starts and when it ends, so it is quoted only when it records the end of this run: while the
 * run goes on it still says "running at step 0", which is never the news. Otherwise the message
 * says whether the run's process is alive, which is what the user needs to decide.
 */
final class NotAnswering {
    /** Slack for clocks read a moment apart: the state file of a run is written just after its endpoint. */
    private static final long SLACK_MILLIS = 1_000;

    private NotAnswering() {}

    static String explain(RunEndpoint endpoint, String cause) {
        String head = "run '" + endpoint.runName() + "' is not answering at " + endpoint.host() + ":" + endpoint.port();
        RunStateFile end = recordedEnd(endpoint);
        if (end != null) {
            return head + ": it has ended; its state file says " + end.state().name().toLowerCase() + " at step "
                    + end.step() + (end.message().isBlank() ? "" : " (" + end.message() + ")");
        }
        head += " (" + cause + ")";
        return switch (RunProcess.of(endpoint)) {
            case ALIVE -> head + "; its process (pid " + endpoint.pid() + ") is still alive: try again in a moment";
            case GONE -> head + "; its process (pid " + endpoint.pid() + ") is gone without recording an end (killed?)"
                    + (recordGone(endpoint) ? "; recorded as failed in " + endpoint.runDirectory()
                            .resolve(RunStateFile.FILE_NAME) : "");
            case ELSEWHERE -> head + "; its process (pid " + endpoint.pid() + " on " + endpoint.host()
                    + ") cannot be checked from here";
        };
    }

    /**
     * Records a run whose process vanished without recording its end as {@code failed}, so the state
     * file stops saying "running" to everyone who comes later. Done under the folder's run lock (a
     * run that holds it, such as the {@code --ranks} parent waiting for mpirun, records the end
     * itself) and only while the endpoint file still names this run. False when nothing was written.
     */
    private static boolean recordGone(RunEndpoint endpoint) {
        java.nio.file.Path dir = endpoint.runDirectory();
        try (RunFolderLock lock = RunFolderLock.acquire(dir, "stagger (recording a run whose process vanished)")) {
            if (recordedEnd(endpoint) != null) {
                return false;
            }
            if (Files.isRegularFile(dir.resolve(RunEndpoint.FILE_NAME))) {
                RunEndpoint current = RunEndpoint.read(dir);
                if (current.pid() != endpoint.pid() || !current.started().equals(endpoint.started())) {
                    return false; // another run has started here since
                }
            }
            long step = 0;
            double time = 0;
            if (Files.isRegularFile(dir.resolve(RunStateFile.FILE_NAME))) {
                RunStateFile last = RunStateFile.read(dir);
                step = last.step();
                time = last.time();
            }
            new RunStateFile(RunState.FAILED, step, time, Instant.now(), "its process (pid " + endpoint.pid()
                    + ") ended without recording its end (killed?); found by a client at " + Instant.now()).write(dir);
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // a live run holds the folder, or it cannot be written: only the message says it
        }
    }

    /** The state file when it records the end of this very run (not of an earlier one in the same folder). */
    private static RunStateFile recordedEnd(RunEndpoint endpoint) {
        if (!Files.isRegularFile(endpoint.runDirectory().resolve(RunStateFile.FILE_NAME))) {
            return null;
        }
        try {
            RunStateFile state = RunStateFile.read(endpoint.runDirectory());
            Instant startedAbout = endpoint.started().minusMillis(SLACK_MILLIS);
            return state.state().isOver() && !state.updated().isBefore(startedAbout) ? state : null;
        } catch (IOException e) {
            return null;
        }
    }
}
