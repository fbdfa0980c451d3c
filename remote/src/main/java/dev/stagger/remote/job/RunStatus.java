package dev.stagger.remote.job;

import java.util.Locale;

/**
 * How a cluster run stands, as far as the run directory and the scheduler tell. A job the scheduler
 * no longer knows is never read as finished: without the engine's own record it is
 * {@link State#UNKNOWN} or failed.
 *
 * @param detail Slurm's pending reason or end state, the engine's message, or why it is unreachable
 */
public record RunStatus(State state, String detail, long step, String jobId) {

    public enum State {
        SUBMITTED, PENDING, RUNNING, FINISHED, STOPPED, FAILED, UNKNOWN, UNREACHABLE;

        public boolean isOver() {
            return this == FINISHED || this == STOPPED || this == FAILED;
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public String describe() {
        return state.word() + (detail == null || detail.isBlank() ? "" : " (" + detail + ")");
    }
}
