package dev.stagger.engine.run;

import java.nio.file.Path;
import java.util.List;

/** Follows a run: the CLI's progress bar, later the live-run server. Called on the run's thread. */
public interface RunListener {

    default void started(RunPlan plan, long totalSteps) {}

    /** After every step; listeners throttle their own output. */
    default void stepped(Progress progress) {}

    default void wrote(long step, double time, List<Path> files) {}

    default void finished(RunSummary summary) {}

    RunListener NONE = new RunListener() {};
}
