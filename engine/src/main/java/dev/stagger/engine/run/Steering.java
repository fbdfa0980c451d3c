package dev.stagger.engine.run;

import dev.stagger.engine.distributed.Communicator;
import dev.stagger.engine.distributed.Decomposition;
import dev.stagger.engine.field.Field;
import dev.stagger.engine.live.Command;
import dev.stagger.engine.live.Event;
import dev.stagger.engine.live.LiveRun;
import dev.stagger.engine.live.Preview;
import dev.stagger.engine.live.PreviewRequest;
import dev.stagger.engine.live.RunState;
import dev.stagger.engine.model.ConvergenceCheck;
import dev.stagger.engine.model.Solver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What happens at a step boundary besides stepping, the same on every rank: rank 0 turns the
 * clients' requests into a few numbers, one reduction shares them (together with any rank's
 * Ctrl-C), and then every rank does the same work: a preview, metrics, a checkpoint, a pause, a
 * stop. With nobody watching this costs that one small reduction per step (none on one rank).
 */
final class Steering {
    /** Layout of the shared numbers, summed over ranks (only rank 0 sets all but STOP). */
    private static final int STOP = 0;
    private static final int PAUSE = 1;
    private static final int CHECKPOINT = 2;
    private static final int METRICS = 3;
    private static final int PREVIEW = 4;
    private static final int FIELD = 5;
    private static final int WIDTH = 6;
    private static final int HEIGHT = 7;
    private static final int SLICE_AXIS = 8;
    private static final int SLICE_INDEX = 9;
    private static final int SIZE = 10;
    private static final long METRICS_INTERVAL_NANOS = 1_000_000_000L;
    private static final long PAUSE_POLL_MILLIS = 200;

    /** Writes a checkpoint of the current state on every rank; returns where (rank 0) or null. */
    interface Checkpointer {
        String write(long step, double time) throws java.io.IOException;
    }

    private final Communicator comm;
    private final LiveRun live;
    private final BooleanSupplier localStop;
    private final Checkpointer checkpointer;
    private final List<String> fieldNames;
    private final List<LiveRun.Pending<Command, String>> checkpointAcks = new ArrayList<>();
    private boolean paused;
    /** What clients asked for (rank 0); {@link #paused} is what all ranks agreed on. */
    private boolean pauseWanted;
    private long lastMetrics = Long.MIN_VALUE;
    private boolean stopFromClient;

    Steering(Communicator comm, LiveRun live, BooleanSupplier localStop, Checkpointer checkpointer,
            List<String> fieldNames) {
        this.comm = comm;
        this.live = live;
        this.localStop = localStop;
        this.checkpointer = checkpointer;
        this.fieldNames = List.copyOf(fieldNames);
    }

    boolean stoppedByClient() {
        return stopFromClient;
    }

    /**
     * Runs the boundary's work; blocks while paused. Returns true when the run must stop here.
     * {@code last} marks the boundary after the final step: metrics are due, a pause has nothing
     * left to hold back.
     */
    boolean atBoundary(long step, double time, Solver solver, Decomposition decomposition, boolean first, boolean last)
            throws java.io.IOException {
        boolean metricsDue = first || last;
        while (true) {
            double[] flags = new double[SIZE];
            flags[STOP] = localStop.getAsBoolean() ? 1 : 0;
            LiveRun.Pending<PreviewRequest, Preview> preview = null;
            if (live != null) {
                preview = fillFromClients(flags, step, metricsDue);
            }
            double[] shared = comm.size() == 1 ? flags : comm.allReduce(flags, Communicator.ReduceOp.SUM);
            if (shared[PREVIEW] > 0) {
                servePreview(shared, preview, step, time, solver, decomposition);
            }
            if (shared[METRICS] > 0) {
                metrics(step, time, solver, decomposition);
            }
            if (shared[CHECKPOINT] > 0) {
                checkpoint(step, time);
            }
            if (shared[STOP] > 0) {
                return true;
            }
            boolean pauseNow = shared[PAUSE] > 0;
            if (live != null && pauseNow != paused) {
                live.update(live.status().withState(pauseNow ? RunState.PAUSED : RunState.RUNNING));
                live.events().append(Event.Kind.STATE, Map.of("step", (double) step), 0, "info",
                        pauseNow ? "paused at step " + step : "resumed at step " + step);
            }
            paused = pauseNow && !last;
            if (!paused) {
                return false;
            }
            if (live != null) {
                try {
                    live.awaitRequest(PAUSE_POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
        }
    }

    boolean paused() {
        return paused;
    }

    private LiveRun.Pending<PreviewRequest, Preview> fillFromClients(double[] flags, long step, boolean metricsDue) {
        LiveRun.Pending<Command, String> c;
        while ((c = live.nextControl()) != null) {
            switch (c.request()) {
                case PAUSE -> {
                    pauseWanted = true;
                    // clients that ask right after the answer must see the pause already
                    live.update(live.status().withState(RunState.PAUSED));
                    c.answer().complete("paused at step " + step);
                }
                case RESUME -> {
                    c.answer().complete(pauseWanted ? "resumed at step " + step : "not paused; running at step " + step);
                    pauseWanted = false;
                }
                case STOP -> {
                    stopFromClient = true;
                    c.answer().complete("stopping at step " + step + "; writing the final output");
                }
                case CHECKPOINT -> checkpointAcks.add(c);
            }
        }
        flags[PAUSE] = pauseWanted ? 1 : 0;
        flags[STOP] += stopFromClient ? 1 : 0;
        flags[CHECKPOINT] = checkpointAcks.isEmpty() ? 0 : 1;
        long now = System.nanoTime();
        if (metricsDue || now - lastMetrics >= METRICS_INTERVAL_NANOS) {
            flags[METRICS] = 1;
            lastMetrics = now;
        }
        LiveRun.Pending<PreviewRequest, Preview> p = live.nextPreview();
        if (p != null) {
            PreviewRequest r = p.request();
            flags[PREVIEW] = 1;
            flags[FIELD] = fieldNames.indexOf(r.field());
            flags[WIDTH] = r.maxWidth();
            flags[HEIGHT] = r.maxHeight();
            flags[SLICE_AXIS] = r.sliceAxis();
            flags[SLICE_INDEX] = r.sliceIndex();
        }
        return p;
    }

    private void servePreview(double[] shared, LiveRun.Pending<PreviewRequest, Preview> pending, long step,
            double time, Solver solver, Decomposition decomposition) {
        String name = fieldNames.get((int) shared[FIELD]);
        PreviewRequest request = new PreviewRequest(name, (int) shared[WIDTH], (int) shared[HEIGHT],
                (int) shared[SLICE_AXIS], (int) shared[SLICE_INDEX]);
        Preview preview = solver.preview(comm, decomposition, name, request, step, time);
        if (pending != null) {
            pending.answer().complete(preview);
            for (LiveRun.Pending<PreviewRequest, Preview> same : live.takeSame(request)) {
                same.answer().complete(preview);
            }
        }
    }

    private void metrics(long step, double time, Solver solver, Decomposition decomposition) {
        int n = fieldNames.size();
        double[] sums = new double[2 * n];
        double[] extremes = new double[2 * n];
        for (int f = 0; f < n; f++) {
            double[] s = solver.statistics(fieldNames.get(f), decomposition, comm.rank());
            sums[2 * f] = s[0];
            sums[2 * f + 1] = s[1];
            extremes[2 * f] = s[2];
            extremes[2 * f + 1] = -s[3];
        }
        double[] total = comm.allReduce(sums, Communicator.ReduceOp.SUM);
        double[] low = comm.allReduce(extremes, Communicator.ReduceOp.MIN);
        if (live == null) {
            return;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("step", (double) step);
        values.put("time", time);
        for (int f = 0; f < n; f++) {
            String name = fieldNames.get(f);
            values.put(name + ".min", low[2 * f]);
            values.put(name + ".max", -low[2 * f + 1]);
            values.put(name + ".mean", total[2 * f] / total[2 * f + 1]);
        }
        for (Map.Entry<String, Double> r : solver.residuals().entrySet()) {
            values.put("residual." + r.getKey(), r.getValue());
        }
        live.events().append(Event.Kind.METRICS, values, 0, "", "");
        convergence(step, time, solver.convergence());
    }

    /** At most this many convergence checks of one step go to clients (evenly spaced, the last always). */
    static final int CONVERGENCE_POINTS = 64;

    /**
     * The last step's convergence checks, one METRICS event each: {@code step, time,
     * convergence.iteration} and {@code convergence.<error>}. Protocol version 1 unchanged: a client
     * that does not know these keys sees extra metrics.
     */
    private void convergence(long step, double time, List<ConvergenceCheck> checks) {
        for (ConvergenceCheck c : thin(checks, CONVERGENCE_POINTS)) {
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("step", (double) step);
            values.put("time", time);
            values.put(Event.CONVERGENCE_ITERATION, (double) c.iteration());
            c.errors().forEach((name, v) -> values.put("convergence." + name, v));
            live.events().append(Event.Kind.METRICS, values, 0, "", "");
        }
    }

    /** At most {@code max} of {@code all}, evenly spaced, the first and the last kept. */
    static <T> List<T> thin(List<T> all, int max) {
        if (all.size() <= max) {
            return all;
        }
        List<T> out = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            out.add(all.get((int) Math.round((double) i * (all.size() - 1) / (max - 1))));
        }
        return out;
    }

    private void checkpoint(long step, double time) throws java.io.IOException {
        String where = checkpointer.write(step, time);
        if (live != null) {
            live.events().log(0, "info", "checkpoint at step " + step + ": " + where);
            for (LiveRun.Pending<Command, String> ack : checkpointAcks) {
                ack.answer().complete("checkpoint written at step " + step + ": " + where);
            }
            checkpointAcks.clear();
        }
    }

    /** A state change for clients (rank 0). */
    void state(RunState state, long step) {
        if (live != null) {
            live.events().append(Event.Kind.STATE, Map.of("step", (double) step), 0, "info",
                    state.name().toLowerCase() + " at step " + step);
        }
    }
}
