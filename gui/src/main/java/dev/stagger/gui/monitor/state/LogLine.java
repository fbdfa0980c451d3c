package dev.stagger.gui.monitor.state;

/** One line of the run's log (state changes included, with the level "state"). */
public record LogLine(long epochMillis, int rank, String level, String text) {
    @Override
    public String toString() {
        return "[" + rank + (level.isEmpty() ? "" : " " + level) + "] " + text;
    }
}
