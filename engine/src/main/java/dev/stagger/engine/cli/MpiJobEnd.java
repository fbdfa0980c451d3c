package dev.stagger.engine.cli;

import dev.stagger.engine.live.RunState;
import dev.stagger.engine.live.RunStateFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

/**
 * The {@code --ranks} parent's last word on a job: when mpirun ends badly without the run having
 * recorded its end (a rank killed, or failing where rank 0 could not write the state file), the
 * state file would say "running" for ever and every client would repeat it. The parent outlives
 * its ranks, so it records {@code failed} with the rank and reason mpirun gave, and turns mpirun's
 * own exit codes (137 for a killed rank, ...) into the documented ones.
 */
final class MpiJobEnd {
    /** Exit codes the README documents: done, failed, a mistake in the input, stopped by a signal. */
    private static final Set<Integer> DOCUMENTED = Set.of(StaggerCli.EXIT_OK, StaggerCli.EXIT_FAILED,
            StaggerCli.EXIT_USAGE, StaggerCli.EXIT_INTERRUPTED, StaggerCli.EXIT_TERMINATED, StaggerCli.EXIT_HANGUP);
    /** Slack for clocks read a moment apart when telling this run's state file from an earlier run's. */
    private static final long SLACK_MILLIS = 1_000;

    private MpiJobEnd() {}

    /** The exit code for mpirun's {@code exit}, after putting {@code outputDir}'s state file right. */
    static int settle(int exit, boolean stopRequested, Instant launched, Path outputDir, MpiJobReport report,
            PrintWriter err) {
        if (exit == StaggerCli.EXIT_OK) {
            return exit;
        }
        RunStateFile recorded = thisRunsState(outputDir, launched);
        boolean stoppedByUser = stopRequested || exit == StaggerCli.EXIT_INTERRUPTED
                || exit == StaggerCli.EXIT_TERMINATED || exit == StaggerCli.EXIT_HANGUP;
        boolean endRecorded = recorded != null && recorded.state().isOver();
        boolean refusedBeforeStart = recorded == null && exit == StaggerCli.EXIT_USAGE;
        if ((recorded != null && recorded.state() == RunState.FAILED) || (stoppedByUser && endRecorded)
                || refusedBeforeStart) {
            return DOCUMENTED.contains(exit) ? exit : StaggerCli.EXIT_FAILED;
        }
        String failure = report.failure();
        String message = (failure != null ? failure : "mpirun ended with exit code " + exit)
                + "; the job was ended";
        // the rank's own line is already on the screen: say only what the parent adds
        err.println("stagger: " + (report.rankSaidSo() ? "the job was ended" : message) + " (recorded as failed in "
                + outputDir.resolve(RunStateFile.FILE_NAME) + ")");
        err.flush();
        try {
            new RunStateFile(RunState.FAILED, recorded != null ? recorded.step() : 0,
                    recorded != null ? recorded.time() : 0, Instant.now(), message).write(outputDir);
        } catch (IOException e) {
            err.println("stagger: could not record the failure in " + outputDir + ": " + IoReason.of(e));
        }
        return StaggerCli.EXIT_FAILED;
    }

    /** The state file when this run wrote it (not a state file an earlier run left in the folder). */
    private static RunStateFile thisRunsState(Path outputDir, Instant launched) {
        if (!Files.isRegularFile(outputDir.resolve(RunStateFile.FILE_NAME))) {
            return null;
        }
        try {
            RunStateFile state = RunStateFile.read(outputDir);
            return state.updated().isBefore(launched.minusMillis(SLACK_MILLIS)) ? null : state;
        } catch (IOException e) {
            return null;
        }
    }
}
