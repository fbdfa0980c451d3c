package dev.stagger.engine.run;

/**
 * Where a run stands after a step.
 *
 * @param cellUpdatesPerSecond grid cells advanced per second of wall time, since the start
 */
public record Progress(long step, long totalSteps, double time, double wallSeconds, double cellUpdatesPerSecond) {

    public double fraction() {
        return totalSteps == 0 ? 1 : (double) step / totalSteps;
    }
}
