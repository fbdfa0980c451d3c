package dev.stagger.gui.app;

/**
 * Where a run goes: this computer in the workbench's own JVM ({@link EmbeddedRunTarget}), this
 * computer on N MPI ranks ({@link LocalMpiRunTarget}: a {@code ./stagger run --ranks N} process
 * followed through its run folder by {@link EndpointFollower}), later a cluster over SSH (the same
 * follower, its endpoint reached through a tunnel of the SSH session). Each start returns a
 * {@link RunJob} that the job list shows and the monitor follows through its live client; a target
 * only has to feed the job's state and hand it a client, the monitor does not change.
 */
public interface RunTarget {

    /** Shown in the job list and the Run menu, e.g. "This computer". */
    String displayName();

    /** Starts {@code request}; returns at once. Failures after the start end the job as FAILED. */
    RunJob start(RunRequest request) throws Exception;
}
