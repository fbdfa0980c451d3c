package dev.stagger.engine.cli;

/**
 * More busy threads than cores: every rank waits for the slowest in each halo exchange, so a job
 * that oversubscribes the machine runs much slower than a smaller one would, without a word unless
 * we say it.
 */
final class Oversubscription {
    private Oversubscription() {}

    /** The warning for {@code ranks} ranks of {@code threadsPerRank} threads on {@code cores} cores; null when they fit. */
    static String warning(int ranks, int threadsPerRank, int cores) {
        long threads = (long) ranks * threadsPerRank;
        if (threads <= cores) {
            return null;
        }
        return "stagger: warning: " + ranks + " ranks x " + threadsPerRank + " thread(s) = " + threads
                + " threads on " + cores + " cores; they take turns, and the job will likely be slower than with "
                + "fewer --ranks or --threads";
    }
}
