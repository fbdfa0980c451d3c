package dev.stagger.engine.run;

import java.util.Locale;

/**
 * The outcome of a run: how far it got and how fast. {@code effectiveGBps} is T_eff, the bytes
 * that must move per step ({@link dev.stagger.engine.model.Solver#effectiveBytesPerStep()}, summed
 * over ranks) times steps over the slowest rank's time spent stepping (outputs excluded).
 * {@code haloSeconds} is the slowest rank's time in halo exchange, part of the stepping time.
 */
public record RunSummary(
        long steps, double time, double wallSeconds, double stepSeconds, long cells, double cellUpdatesPerSecond,
        double effectiveGBps, boolean stoppedEarly, int ranks, int threadsPerRank, double haloSeconds,
        java.util.List<String> perRank) {

    /** Without per-rank lines. */
    public RunSummary(long steps, double time, double wallSeconds, double stepSeconds, long cells,
            double cellUpdatesPerSecond, double effectiveGBps, boolean stoppedEarly, int ranks, int threadsPerRank,
            double haloSeconds) {
        this(steps, time, wallSeconds, stepSeconds, cells, cellUpdatesPerSecond, effectiveGBps, stoppedEarly, ranks,
                threadsPerRank, haloSeconds, java.util.List.of());
    }

    /** One line for the CLI: wall time, cell updates per second and T_eff (and halo time on several ranks). */
    public String line() {
        String base = String.format(Locale.ROOT,
                "%s %d steps to t = %.6g in %.3f s (stepping %.3f s): %scell updates/s, T_eff %.2f GB/s",
                stoppedEarly ? "Stopped after" : "Done:", steps, time, wallSeconds, stepSeconds,
                Units.si(cellUpdatesPerSecond) + " ", effectiveGBps);
        if (ranks > 1) {
            base += String.format(Locale.ROOT, "; %d ranks x %d thread(s), halo exchange %.3f s (%.1f%% of stepping)",
                    ranks, threadsPerRank, haloSeconds, stepSeconds > 0 ? 100 * haloSeconds / stepSeconds : 0);
        }
        return base;
    }
}
