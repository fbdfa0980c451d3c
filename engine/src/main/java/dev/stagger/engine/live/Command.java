package dev.stagger.engine.live;

/** Controls a client may send. STOP is graceful: the run writes its final output and ends. */
public enum Command {
    PAUSE,
    RESUME,
    STOP,
    CHECKPOINT
}
