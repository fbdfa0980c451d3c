package dev.stagger.engine.run;

import java.util.Locale;

/**
 * The outcome of a run: how far it got and how fast. {@code effectiveGBps} is T_eff, the bytes
 * that must move per step ({@link dev.stagger.engine.model.Solver#effectiveBytesPerStep()}) times
 * steps over the wall time spent stepping (outputs excluded).
 */
public record RunSummary(
        long steps, double time, double wallSeconds, double stepSeconds, long cells, double cellUpdatesPerSecond,
        double effectiveGBps, boolean stoppedEarly) {

    /** One line for the CLI: wall time, cell updates per second and T_eff. */
    public String line() {
        return String.format(Locale.ROOT, "%s %d steps to t = %.6g in %.3f s (stepping %.3f s): %s cell updates/s, T_eff %.2f GB/s",
                stoppedEarly ? "Stopped after" : "Done:", steps, time, wallSeconds, stepSeconds,
                Units.si(cellUpdatesPerSecond), effectiveGBps);
    }
}
