package dev.stagger.engine.model.lang.eval;

import dev.stagger.engine.distributed.Communicator;

/** How the reductions of a model combine values: on one rank, and across ranks. */
public final class Reductions {
    private Reductions() {}

    public static double initial(String op) {
        return switch (op) {
            case "max" -> Double.NEGATIVE_INFINITY;
            case "min" -> Double.POSITIVE_INFINITY;
            default -> 0.0;
        };
    }

    /** NaN propagates, as in Julia's maximum. */
    public static double combine(String op, double acc, double v) {
        return switch (op) {
            case "max" -> Math.max(acc, v);
            case "min" -> Math.min(acc, v);
            case "maxabs" -> Math.max(acc, Math.abs(v));
            default -> acc + v;
        };
    }

    public static Communicator.ReduceOp acrossRanks(String op) {
        return switch (op) {
            case "max", "maxabs" -> Communicator.ReduceOp.MAX;
            case "min" -> Communicator.ReduceOp.MIN;
            default -> Communicator.ReduceOp.SUM;
        };
    }
}
