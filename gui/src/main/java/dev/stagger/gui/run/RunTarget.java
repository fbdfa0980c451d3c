package dev.stagger.gui.run;

import java.util.List;
import java.util.Map;

/**
 * Where a run goes: this computer in the workbench's own JVM, this computer on N MPI ranks (a
 * {@code ./stagger run --ranks N} process followed through its run folder), or a cluster over SSH
 * (deployed, submitted, and followed through a tunnel of the SSH session). Each start returns a
 * {@link RunJob} that the job list shows and the monitor follows through its live client; a target
 * only has to feed the job's state and hand it a client, the monitor does not change. Targets come
 * from {@link RunTargetProvider}s.
 */
public interface RunTarget {

    /** Shown in the job list and the Run menu, e.g. "This computer". */
    String displayName();

    /** What to ask before a run; none means the target runs at once (the default target, F5). */
    default List<RunSetting> settings() {
        return List.of();
    }

    /**
     * Checks the answers as a whole (each setting checks its own value first); returns why they do
     * not go together, or null.
     */
    default String problem(Map<String, String> settings) {
        return null;
    }

    /** What the target would do with {@code request}, shown before it starts (a job script); null if nothing to show. */
    default String preview(RunRequest request) {
        return null;
    }

    /**
     * The jobs of this target that an earlier session (or the command line) started and that the
     * target keeps its own record of, found again at start-up: ended ones show how they ended, live
     * ones are followed again. Returns at once; reconnecting happens in the background.
     */
    default List<RunJob> reattach() {
        return List.of();
    }

    /** Starts {@code request}; returns at once. Failures after the start end the job as FAILED. */
    RunJob start(RunRequest request) throws Exception;
}
