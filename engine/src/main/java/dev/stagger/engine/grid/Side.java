package dev.stagger.engine.grid;

/** The two ends of a dimension: Chmy's side 1 (low coordinate) and side 2 (high coordinate). */
public enum Side {
    LOW,
    HIGH;

    public String label() {
        return this == LOW ? "low" : "high";
    }
}
