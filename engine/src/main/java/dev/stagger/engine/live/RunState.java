package dev.stagger.engine.live;

/** Where a run is in its life. */
public enum RunState {
    STARTING,
    RUNNING,
    PAUSED,
    STOPPING,
    FINISHED,
    STOPPED,
    FAILED;

    public boolean isOver() {
        return this == FINISHED || this == STOPPED || this == FAILED;
    }
}
